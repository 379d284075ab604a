using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ZaloBot.Zalo;

/// <summary>
/// An approved ZBS template for one kind of ticket notice, used when the citizen is outside Zalo's 7-day window.
/// <see cref="Data"/> maps the template's parameter names to text with placeholders: {code}, {status}, {agency},
/// {reason}, {result}, {due}, {text}.
/// </summary>
public sealed class NoticeTemplate
{
    /// <summary>Template id for sending by Zalo user id (<c>/v3.0/oa/message/template</c>).</summary>
    public string? TemplateId { get; set; }

    /// <summary>Template id for sending by phone number; defaults to <see cref="TemplateId"/>.</summary>
    public string? PhoneTemplateId { get; set; }

    public Dictionary<string, string> Data { get; set; } = new(StringComparer.Ordinal);

    /// <summary>ZBS parameters are short fields; a longer value is cut rather than refused by Zalo.</summary>
    public int MaxParameterLength { get; set; } = 200;
}

/// <summary>The <c>Zalo:Templates</c> section: notice kind → template, e.g. <c>Zalo:Templates:resolved:TemplateId</c>.</summary>
public sealed partial class NoticeTemplates : Dictionary<string, NoticeTemplate>
{
    public const string Section = "Zalo:Templates";

    public NoticeTemplates() : base(StringComparer.OrdinalIgnoreCase)
    {
    }

    public NoticeTemplate? For(string kind) => TryGetValue(kind, out var template) ? template : null;

    /// <summary>The template's parameters with the notice's fields filled in; an unknown placeholder becomes empty.</summary>
    public static JsonObject Render(NoticeTemplate template, IReadOnlyDictionary<string, string?> fields)
    {
        var data = new JsonObject();
        foreach (var (name, pattern) in template.Data)
        {
            var value = Placeholder().Replace(pattern, m => fields.TryGetValue(m.Groups[1].Value, out var v) ? v ?? "" : "");
            data[name] = value.Length > template.MaxParameterLength ? value[..template.MaxParameterLength] : value;
        }
        return data;
    }

    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex Placeholder();
}

internal sealed class NoticeTemplatesValidator : IValidateOptions<NoticeTemplates>
{
    public ValidateOptionsResult Validate(string? name, NoticeTemplates templates)
    {
        var failures = new List<string>();
        foreach (var (kind, template) in templates)
        {
            if (!NoticeKinds.All.Contains(kind))
                failures.Add($"Zalo:Templates:{kind} is not a notice kind. Known kinds: {string.Join(", ", NoticeKinds.All)}.");
            if (string.IsNullOrWhiteSpace(template.TemplateId) && string.IsNullOrWhiteSpace(template.PhoneTemplateId))
                failures.Add($"Zalo:Templates:{kind} needs a TemplateId (by Zalo user id) or a PhoneTemplateId (by phone).");
            if (template.MaxParameterLength < 1)
                failures.Add($"Zalo:Templates:{kind}:MaxParameterLength must be positive.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>The ticket notices that may travel as a template beyond the messaging window.</summary>
public static class NoticeKinds
{
    public const string Received = "received";
    public const string Accepted = "accepted";
    public const string Assigned = "assigned";
    public const string Transferred = "transferred";
    public const string Started = "started";
    public const string OnHold = "on_hold";
    public const string Resumed = "resumed";
    public const string Resolved = "resolved";
    public const string Rejected = "rejected";
    public const string Reopened = "reopened";
    public const string Closed = "closed";
    public const string Replied = "replied";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        Received, Accepted, Assigned, Transferred, Started, OnHold, Resumed, Resolved, Rejected, Reopened, Closed, Replied,
    };
}
