namespace ZaloBot.Tickets;

public sealed record Agency(string Code, string Name, string Kind, string? ParentCode, bool Active);

public sealed record CategoryRecord(string Code, string Name, string[] Keywords, string DefaultAgencyCode, int DeadlineWorkingDays, int SortOrder, bool Active);

public sealed record CategoryUpdate(string Name, string[]? Keywords, string DefaultAgencyCode, int DeadlineWorkingDays, int? SortOrder, bool? Active);

public sealed record Holiday(DateOnly Day, string Name);

public sealed record HolidayUpdate(string Name);
