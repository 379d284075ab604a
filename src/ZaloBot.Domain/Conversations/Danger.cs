namespace ZaloBot.Domain.Conversations;

/// <summary>
/// The emergency numbers a province tells citizens to call; the power company's hotline differs per province
/// (configured in <c>Understanding:Emergency</c>).
/// </summary>
public sealed record EmergencyNumbers
{
    public string Fire { get; init; } = "114";
    public string Police { get; init; } = "113";
    public string Ambulance { get; init; } = "115";
    public string PowerCompany { get; init; } = "Điện lực";
    public string PowerHotline { get; init; } = "1900 6769";
}

/// <summary>What kind of immediate danger a message describes: which numbers fit.</summary>
[Flags]
public enum DangerKind
{
    None = 0,
    Fire = 1,
    Power = 2,
    Police = 4,
    Medical = 8,
    Rescue = 16,
}

/// <summary>What the bot says when life or property is in immediate danger.</summary>
public static class DangerTexts
{
    /// <summary>Every danger reply starts with this, so the number is the first thing read.</summary>
    public const string Prefix = "🚨 KHẨN CẤP — gọi ngay";

    public static string EmergencyLine(DangerKind kind, EmergencyNumbers numbers)
    {
        var calls = new List<string>();
        if (kind.HasFlag(DangerKind.Fire) || kind.HasFlag(DangerKind.Rescue)) calls.Add($"{numbers.Fire} (cứu hỏa, cứu nạn)");
        if (kind.HasFlag(DangerKind.Power)) calls.Add($"{numbers.PowerHotline} ({numbers.PowerCompany})");
        if (kind.HasFlag(DangerKind.Police)) calls.Add($"{numbers.Police} (công an)");
        if (kind.HasFlag(DangerKind.Medical) || kind.HasFlag(DangerKind.Rescue)) calls.Add($"{numbers.Ambulance} (cấp cứu)");
        if (calls.Count == 0) calls.Add($"{numbers.Fire} (cứu hỏa, cứu nạn)");
        if (kind.HasFlag(DangerKind.Power) && !kind.HasFlag(DangerKind.Fire)) calls.Add($"{numbers.Fire} nếu có cháy");
        return $"{Prefix}: {string.Join(", ", calls)}. Tránh xa chỗ nguy hiểm; tin nhắn này không thay cho cuộc gọi.";
    }

    /// <summary>With the help and the information: the bot is not an emergency service, and the numbers that are.</summary>
    public static string NotAnEmergencyService(EmergencyNumbers numbers) =>
        $"Khi có nguy hiểm khẩn cấp (cháy, tai nạn, người gặp nạn), hãy gọi ngay {numbers.Fire} (cứu hỏa, cứu nạn), " +
        $"{numbers.Police} (công an), {numbers.Ambulance} (cấp cứu); kênh này không thay cho cuộc gọi khẩn cấp.";

    public static string RecordedUrgent(string description) =>
        $"Tôi ghi nhận đây là phản ánh KHẨN:\n«{(description.Length <= 240 ? description : description[..237].TrimEnd() + "…")}»\n" +
        "Để cán bộ trực được báo ngay, bạn trả lời giúp tôi vài câu ngắn (không cần ảnh).";
}
