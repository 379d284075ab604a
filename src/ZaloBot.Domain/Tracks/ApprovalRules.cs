namespace ZaloBot.Domain.Tracks;

/// <summary>A rule of <c>approval_rules</c>: answers of this agency, of this category, or of this agency in this category need approval.</summary>
public sealed record ApprovalRule(string? AgencyCode, string? CategoryCode);

public static class ApprovalRules
{
    /// <summary>Whether an answer by <paramref name="agency"/> on a ticket of <paramref name="category"/> must be approved before the citizen sees it.</summary>
    public static bool Requires(IEnumerable<ApprovalRule> rules, string? agency, string category) =>
        rules.Any(r => (r.AgencyCode is null || r.AgencyCode == agency) && (r.CategoryCode is null || r.CategoryCode == category)
                       && (r.AgencyCode is not null || r.CategoryCode is not null));
}
