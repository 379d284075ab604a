namespace ZaloBot.Domain.Privacy;

/// <summary>
/// Why personal data is processed. The required ones rest on the law (the PAKN rules oblige the province to handle
/// the case), so they need no consent and are only announced; the optional ones are asked one by one and happen only
/// after a "yes" — silence, inaction or a pre-selected choice is not consent.
/// </summary>
public static class Purposes
{
    /// <summary>Not a purpose: the record that the notice (in a version) was shown.</summary>
    public const string Notice = "notice";

    public const string Publication = "publish";
    public const string CallBack = "call_back";
    public const string Survey = "survey";
    public const string Location = "location";

    /// <summary>Optional purposes the citizen answers once and may withdraw; publication is asked per ticket.</summary>
    public static readonly IReadOnlyList<string> Standing = [CallBack, Survey];

    public static readonly IReadOnlyList<string> Optional = [Publication, CallBack, Survey, Location];

    public static bool IsKnown(string purpose) => purpose == Notice || Optional.Contains(purpose);

    public static string Title(string purpose) => purpose switch
    {
        Publication => "Công khai câu trả lời (không kèm thông tin cá nhân)",
        CallBack => "Cán bộ gọi điện lại",
        Survey => "Khảo sát mức độ hài lòng",
        Location => "Chia sẻ vị trí",
        Notice => "Đã xem thông báo xử lý dữ liệu",
        _ => purpose,
    };
}

/// <summary>What the citizen said (consent_records.answer).</summary>
public static class ConsentAnswers
{
    public const string Shown = "shown";
    public const string Granted = "granted";
    public const string Refused = "refused";
    public const string Withdrawn = "withdrawn";
}
