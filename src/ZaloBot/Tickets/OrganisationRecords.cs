namespace ZaloBot.Tickets;

public sealed record Agency(string Code, string Name, string Kind, string? ParentCode, bool Active);

/// <param name="NationalScope">Tickets of this category are also sent to the national PAKN system (when the sync is configured).</param>
public sealed record CategoryRecord(string Code, string Name, string[] Keywords, string DefaultAgencyCode, int DeadlineWorkingDays, int SortOrder, bool Active, bool NationalScope);

/// <param name="NationalScope">Send this category's tickets to the national PAKN system; omitted keeps the current setting.</param>
public sealed record CategoryUpdate(string Name, string[]? Keywords, string DefaultAgencyCode, int DeadlineWorkingDays, int? SortOrder, bool? Active, bool? NationalScope = null);

public sealed record Holiday(DateOnly Day, string Name);

public sealed record HolidayUpdate(string Name);
