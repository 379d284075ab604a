namespace ZaloBot.ReportEndpoints;

/// <summary>What CSV reports say about personal data: none of them carries any (counts by category, agency, month…).</summary>
public static class ReportPrivacy
{
    public const string CsvNoPersonalData = "privacy,personal_data,none (aggregate counts only)\n";
}
