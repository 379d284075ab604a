namespace ZaloBot.Domain.Tickets;

public sealed record RoutingRule(string CategoryCode, string? AreaCode, string AgencyCode);

/// <summary>Which agency a ticket goes to: a rule for its category and area, else for its category, else the category's default.</summary>
public static class Routing
{
    public static string Route(string categoryCode, string? areaCode, string categoryDefaultAgency, IEnumerable<RoutingRule> rules)
    {
        var forCategory = rules.Where(r => r.CategoryCode == categoryCode).ToList();
        return forCategory.FirstOrDefault(r => areaCode is not null && r.AreaCode == areaCode)?.AgencyCode
            ?? forCategory.FirstOrDefault(r => r.AreaCode is null)?.AgencyCode
            ?? categoryDefaultAgency;
    }
}
