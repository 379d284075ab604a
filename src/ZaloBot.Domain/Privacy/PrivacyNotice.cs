namespace ZaloBot.Domain.Privacy;

/// <summary>
/// The deployment's privacy notice as the engine needs it: who the controller is, how to reach the other channels,
/// where the full notice is, and its version. <see cref="PurposeVersions"/> says in which version each optional
/// purpose's wording last changed, so a new version asks again only for what changed.
/// </summary>
public sealed record PrivacyNotice(
    int Version,
    string Controller,
    string Hotline,
    string Counter,
    string PageUrl,
    string Retention,
    IReadOnlyDictionary<string, int> PurposeVersions)
{
    public int VersionOf(string purpose) => PurposeVersions.TryGetValue(purpose, out var v) ? v : 1;
}

/// <summary>A citizen's latest answer for one purpose, under the notice version it was given in.</summary>
public sealed record ConsentAnswer(string Answer, int NoticeVersion)
{
    public bool Granted => Answer == ConsentAnswers.Granted;
}

/// <summary>What the engine knows of this citizen's notices and consents (loaded from the append-only records).</summary>
public sealed record CitizenPrivacy(int? NoticeShownVersion, IReadOnlyDictionary<string, ConsentAnswer> Answers)
{
    public static readonly CitizenPrivacy Nothing = new(null, new Dictionary<string, ConsentAnswer>());
}

/// <summary>The notice and the citizen's answers; <see cref="None"/> (no notice configured) keeps the engine silent about it.</summary>
public sealed record PrivacyContext(PrivacyNotice? Notice, CitizenPrivacy Citizen)
{
    public static readonly PrivacyContext None = new(null, CitizenPrivacy.Nothing);

    /// <summary>A standing purpose is asked when never answered, or answered before its wording changed.</summary>
    public bool NeedsAsking(string purpose) =>
        Notice is { } notice && (!Citizen.Answers.TryGetValue(purpose, out var answer) || answer.NoticeVersion < notice.VersionOf(purpose));
}
