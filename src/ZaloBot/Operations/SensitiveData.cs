using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace ZaloBot.Operations;

/// <summary>
/// How personal data and secrets look in logs: phone and ID numbers keep their last three digits, names their
/// initials, addresses nothing, secrets nothing.
/// </summary>
public static partial class SensitiveData
{
    public static string MaskPhone(string? phone)
    {
        if (string.IsNullOrEmpty(phone)) return "";
        var digits = phone.Count(char.IsAsciiDigit);
        return digits <= 3 ? new string('*', phone.Length) : new string('*', digits - 3) + phone[^3..];
    }

    /// <summary>"Nguyễn Văn An" → "N. V. A.": enough to tell two log lines apart, not enough to identify.</summary>
    public static string MaskName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "" : string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w[..1] + "."));

    public static string MaskAddress(string? address) => string.IsNullOrWhiteSpace(address) ? "" : "[địa chỉ]";

    /// <summary>Phones and citizen ID numbers (CCCD, CMND) inside free text.</summary>
    public static string MaskPersonalIn(string text) => Domain.Privacy.IdNumbers.Mask(MaskPhonesIn(text));

    /// <summary>Masks every phone-like run of digits (Vietnamese 0xxx / +84 / 84 forms) inside free text.</summary>
    public static string MaskPhonesIn(string text) => PhoneLike().Replace(text, m => MaskPhone(m.Value));

    [GeneratedRegex(@"(?<![\p{L}\d])(?:\+?84|0)(?:[\s.\-]?\d){8,10}(?![\p{L}\d])")]
    private static partial Regex PhoneLike();
}

/// <summary>
/// Last line of defence for the "never log a full phone number, token or secret" rule: properties whose name says
/// token/secret/password/key are replaced, properties named like phones, names or addresses are masked, and phone-like
/// and ID-card-like digits inside string properties are masked.
/// </summary>
public sealed class SensitiveDataEnricher : ILogEventEnricher
{
    private static readonly string[] SecretNames = ["token", "secret", "password", "apikey", "signature", "authorization"];
    // Names of people, not of things: "EventName", "FileName" or "CategoryName" stay readable.
    private static readonly string[] PersonNames = ["contactname", "citizenname", "fullname", "personname", "displayname", "username"];

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        List<LogEventProperty>? replacements = null;
        foreach (var (name, value) in logEvent.Properties)
        {
            var replacement = Mask(name, value);
            if (replacement is not null) (replacements ??= []).Add(new LogEventProperty(name, replacement));
        }
        if (replacements is null) return;
        foreach (var property in replacements) logEvent.AddOrUpdateProperty(property);
    }

    private static ScalarValue? Mask(string name, LogEventPropertyValue value)
    {
        var lower = name.ToLowerInvariant();
        if (SecretNames.Any(lower.Contains))
            return new ScalarValue("***");
        if (value is ScalarValue { Value: string text })
        {
            if (lower.Contains("phone")) return new ScalarValue(SensitiveData.MaskPhone(text));
            if (PersonNames.Any(lower.Contains)) return new ScalarValue(SensitiveData.MaskName(text));
            if (lower.Contains("address") && !lower.Contains("ip")) return new ScalarValue(SensitiveData.MaskAddress(text));
            var masked = SensitiveData.MaskPersonalIn(text);
            return ReferenceEquals(masked, text) || masked == text ? null : new ScalarValue(masked);
        }
        return null;
    }
}
