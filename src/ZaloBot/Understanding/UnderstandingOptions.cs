namespace ZaloBot.Understanding;

public sealed class UnderstandingOptions
{
    public const string Section = "Understanding";

    /// <summary>
    /// An operator's phrase file laid over the built-in table (same JSON shape as
    /// <c>src/ZaloBot.Domain/Understanding/phrases.json</c>); re-read when it changes. Empty: the built-in table only.
    /// </summary>
    public string? PhrasesFile { get; set; }

    /// <summary>
    /// Whether the trained classifiers (trained from corpus/intents at build time, shipped as <c>intent-model.zip</c> and
    /// <c>flow-model.zip</c>) have the last word on a first message's intent, and read cancel, back, edit or later in a
    /// typed answer the rules read nothing in, when they are sure; false: the rules alone. Danger, ticket codes, adverts
    /// and abuse are read before the intent either way (docs/understanding.md).
    /// </summary>
    public bool UseModel { get; set; } = true;

    /// <summary>How often the phrase file's modification time is checked.</summary>
    public TimeSpan ReloadCheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many unrecognised messages are kept; older ones are deleted as new ones arrive.</summary>
    public int KeepUnrecognised { get; set; } = 10_000;

    /// <summary>
    /// The numbers given first when a citizen describes immediate danger: 114, 113, 115 and the province's power
    /// company (<c>Understanding:Emergency:PowerCompany</c>, <c>…:PowerHotline</c>).
    /// </summary>
    public Domain.Conversations.EmergencyNumbers Emergency { get; set; } = new();
}
