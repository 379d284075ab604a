using System.Globalization;
using System.Text;
using System.Text.Json;
using CsCheck;
using ZaloBot.Inbox;
using ZaloBot.Webhooks;

namespace ZaloBot.Fuzz;

/// <summary>One generated request. <see cref="ValidDedupeKey"/> is set for a valid citizen event that must be stored.</summary>
public sealed record FuzzRequest(
    string Kind,
    string Method,
    string Path,
    byte[]? Body,
    string? Signature,
    bool Authorised,
    string? ValidDedupeKey = null)
{
    public override string ToString() =>
        $"{Kind} {Method} {Path} {(Body is null ? "" : Encoding.UTF8.GetString(Body[..Math.Min(Body.Length, 300)]))}";
}

/// <summary>What the generators need to know about the service under test.</summary>
public sealed record FuzzTarget(string AppId, string OaId, string OaSecretKey, long NowMs);

/// <summary>
/// Seeded, reproducible generators (CsCheck) of hostile requests: malformed, oversized, wrongly typed, deeply nested
/// and Unicode-hostile webhook bodies, signed and unsigned, staff API paths, queries and bodies, and valid citizen
/// events mixed in. Case <c>i</c> of seed <c>s</c> is always the same request (<see cref="Case"/>), whatever the
/// concurrency, so a failure is reproduced from the two numbers the runner prints.
/// JSON is written as text rather than serialised, so it can carry what serialisers never produce: escaped lone
/// surrogates, <c>\u0000</c>, huge numbers, duplicate keys.
/// </summary>
public static class FuzzCases
{
    public static FuzzRequest Case(FuzzTarget target, ulong seed, int index) =>
        Request(target, index).Generate(new PCG((uint)index, seed), null!, out _);

    private static Gen<FuzzRequest> Request(FuzzTarget t, int index) => Gen.Frequency(
        (15, ValidEvent(t, index)),
        (30, SignedHostileEvent(t)),
        (15, UnsignedGarbage(t)),
        (40, StaffApi()));

    // ---- strings ----

    /// <summary>Text as it would appear inside a JSON string literal (escapes allowed), hostile more often than not.</summary>
    private static readonly Gen<string> JsonStringContent = Gen.Frequency(
        (10, Gen.String.AlphaNumeric),
        (6, Gen.OneOf(Gen.Const("Đường Nguyễn Trãi ngập nước"), Gen.Const("Cống bị tắc 🌧"), Gen.Const("0912 345 678"), Gen.Const("hủy"), Gen.Const("Gửi phản ánh"))),
        (6, Gen.Const(@"\u0000")),
        (4, Gen.String.AlphaNumeric.Select(s => s + @"\u0000" + s)),
        (6, Gen.OneOf(Gen.Const(@"\ud800"), Gen.Const(@"\udfff"), Gen.Const(@"\ud83d"), Gen.Const(@"x\ud800y"), Gen.Const(@"\udc00\ud800"))),
        (3, Gen.OneOf(Gen.Const(@"\u0001\u001f\b\f"), Gen.Const(@"\u202e\u200b\ufeff"), Gen.Const(@"\ufffe\uffff"), Gen.Const("\\\""), Gen.Const(@"\\"))),
        (3, Gen.OneOf(Gen.Const("' or 1=1 --"), Gen.Const("%00"), Gen.Const("${jndi:x}"), Gen.Const("<script>"), Gen.Const("../../etc/passwd"))),
        (3, Gen.OneOf(Gen.Const(""), Gen.Const(" "), Gen.Const("-1"), Gen.Const("99999999999999999999999"), Gen.Const("1e309"), Gen.Const("NaN"))),
        (2, Gen.Int[1_000, 40_000].Select(n => new string('a', n))),
        (2, Gen.Char.Array[1, 40].Select(cs => new string(cs.Where(c => c is not ('"' or '\\') && c >= ' ' && !char.IsSurrogate(c)).ToArray()))));

    /// <summary>A decoded .NET string for URLs and serialised bodies (lone surrogates as real chars).</summary>
    private static readonly Gen<string> HostileText = JsonStringContent.Select(JsonText.Unescape);

    private static readonly Gen<string> JsonNumber = Gen.OneOf(
        Gen.Const("0"), Gen.Const("-1"), Gen.Const("1.5"), Gen.Const("1e308"), Gen.Const("-1e308"), Gen.Const("1e-320"),
        Gen.Const("99999999999999999999999999999"), Gen.Const("253402300799999"), Gen.Const("253402300800000"),
        Gen.Const("9223372036854775807"), Gen.Const("18446744073709551616"), Gen.Long.Select(l => l.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Any JSON value, nested up to a few levels, and now and then nested far deeper than any parser allows.</summary>
    private static readonly Gen<string> JsonValue = Gen.Recursive<string>((depth, inner) => depth >= 4
        ? Scalar()
        : Gen.Frequency(
            (6, Scalar()),
            (2, inner.Array[0, 4].Select(items => "[" + string.Join(",", items) + "]")),
            (2, Gen.Select(JsonStringContent, inner).Array[0, 4].Select(members => "{" + string.Join(",", members.Select(m => $"\"{m.Item1}\":{m.Item2}")) + "}")),
            (1, Gen.Int[60, 3_000].Select(n => new string('[', n) + new string(']', n)))));

    private static Gen<string> Scalar() => Gen.Frequency(
        (5, JsonStringContent.Select(s => $"\"{s}\"")),
        (3, JsonNumber),
        (1, Gen.OneOf(Gen.Const("true"), Gen.Const("false"), Gen.Const("null"))));

    // ---- webhook ----

    private static long Timestamp(FuzzTarget t, int index) => t.NowMs + index % 1000;

    private static Gen<FuzzRequest> ValidEvent(FuzzTarget t, int index) =>
        Gen.Frequency(
                (8, Gen.OneOf(Gen.Const("Gửi phản ánh"), Gen.Const("xin chào"), Gen.Const("Đèn đường hỏng trước số 12 Lý Thái Tổ"), Gen.Const("hủy"))),
                // A citizen's own words may hold what cannot be stored as is: they are cleaned, stored and answered.
                (2, Gen.OneOf(Gen.Const(@"ngập \ud83d"), Gen.Const(@"a\u0000b"), Gen.Const(@"\udc00"))))
            .Select(text =>
            {
                var user = $"fz{index}u{t.NowMs}";
                var msg = $"fz{index}m{t.NowMs}";
                var body = $$$"""{"app_id":"{{{t.AppId}}}","user_id_by_app":"{{{user}}}b","event_name":"user_send_text","timestamp":"{{{Timestamp(t, index)}}}","sender":{"id":"{{{user}}}"},"recipient":{"id":"{{{t.OaId}}}"},"message":{"text":"{{{text}}}","msg_id":"{{{msg}}}"}}""";
                return Signed("webhook-valid", t, body) with { ValidDedupeKey = $"user_send_text:{msg}" };
            });

    /// <summary>A real event shape with some members replaced, removed or added, then correctly signed so it reaches the parser.</summary>
    private static Gen<FuzzRequest> SignedHostileEvent(FuzzTarget t) =>
        Gen.Select(Gen.Int[0, Templates.Length - 1], Gen.Select(Gen.Int[0, 20], JsonValue).Array[1, 4], Gen.Int[0, 3], Gen.Long[0, long.MaxValue])
            .Select((template, mutations, mode, salt) =>
            {
                var members = Templates[template](t, salt).ToList();
                foreach (var (at, value) in mutations)
                {
                    var i = at % (members.Count + 1);
                    switch (mode)
                    {
                        case 0 when i < members.Count: members[i] = (members[i].Key, value); break; // wrong type or hostile value
                        case 1 when i < members.Count: members.RemoveAt(i); break;
                        case 2: members.Add(($"x{at}", value)); break;
                        default: if (i < members.Count) members[i] = (members[i].Key, Nest(members[i].Key, value)); break;
                    }
                }
                var body = "{" + string.Join(",", members.Select(m => $"\"{m.Key}\":{m.Value}")) + "}";
                return Signed("webhook-signed", t, body);
            });

    private static string Nest(string key, string value) => key switch
    {
        "sender" or "recipient" or "follower" => $$"""{"id":{{value}}}""",
        "message" => $$$$"""{"msg_id":{{{{value}}}},"text":{{{{value}}}},"attachments":[{"type":{{{{value}}}},"payload":{"url":{{{{value}}}},"size":{{{{value}}}},"coordinates":{"latitude":{{{{value}}}},"longitude":{{{{value}}}}}}}]}""",
        "info" => $$"""{"name":{{value}},"phone":{{value}},"address":{{value}}}""",
        _ => value,
    };

    private delegate IEnumerable<(string Key, string Value)> Template(FuzzTarget t, long salt);

    private static readonly Template[] Templates =
    [
        (t, s) => Envelope(t, s, "user_send_text").Concat([("sender", $$"""{"id":"fs{{s}}"}"""), ("recipient", $$"""{"id":"{{t.OaId}}"}"""), ("message", $$"""{"text":"xin chào","msg_id":"fm{{s}}"}""")]),
        (t, s) => Envelope(t, s, "user_send_image").Concat([("sender", $$$"""{"id":"fs{{{s}}}"}"""), ("message", $$$"""{"msg_id":"fm{{{s}}}","attachments":[{"type":"image","payload":{"url":"https://x/{{{s}}}.jpg"}}]}""")]),
        (t, s) => Envelope(t, s, "user_send_location").Concat([("sender", $$$$"""{"id":"fs{{{{s}}}}"}"""), ("message", $$$$"""{"msg_id":"fm{{{{s}}}}","attachments":[{"type":"location","payload":{"coordinates":{"latitude":"21.18","longitude":"106.07"}}}]}""")]),
        (t, s) => Envelope(t, s, "follow").Concat([("follower", $$"""{"id":"fs{{s}}"}"""), ("oa_id", $"\"{t.OaId}\""), ("source", "\"qr_code\"")]),
        (t, s) => Envelope(t, s, "user_submit_info").Concat([("sender", $$"""{"id":"fs{{s}}"}"""), ("info", """{"name":"Nguyễn An","phone":"0912345678","address":"Số 1"}""")]),
        (t, s) => Envelope(t, s, "oa_send_text").Concat([("sender", $$"""{"id":"{{t.OaId}}","admin_id":"a{{s}}"}"""), ("recipient", $$"""{"id":"fs{{s}}"}"""), ("message", $$"""{"text":"Đã tiếp nhận","msg_id":"fo{{s}}"}""")]),
        (t, s) => Envelope(t, s, "user_seen_message").Concat([("sender", $$"""{"id":"fs{{s}}"}"""), ("message", $$"""{"msg_ids":["a{{s}}","b{{s}}"]}""")]),
        (t, s) => Envelope(t, s, "user_reacted_message").Concat([("sender", $$"""{"id":"fs{{s}}"}"""), ("message", $$"""{"msg_id":"fm{{s}}","react_icon":"/-heart"}""")]),
        (t, s) => Envelope(t, s, "shop_has_order").Concat([("user_id_by_app", $"\"fs{s}\""), ("order", """{"id":1}""")]),
    ];

    private static IEnumerable<(string, string)> Envelope(FuzzTarget t, long salt, string eventName) =>
        [("app_id", $"\"{t.AppId}\""), ("event_name", $"\"{eventName}\""), ("timestamp", $"\"{t.NowMs - salt % 100_000}\"")];

    private static Gen<FuzzRequest> UnsignedGarbage(FuzzTarget t) => Gen.Frequency(
        (3, JsonValue.Select(v => Unsigned(v, "mac=" + new string('0', 64)))),
        (2, Gen.Byte.Array[0, 2_000].Select(bytes => new FuzzRequest("webhook-unsigned", "POST", "/webhooks/zalo", bytes, "mac=zz", false))),
        (2, SignedHostileEvent(t).Select(r => r with { Kind = "webhook-unsigned", Signature = "mac=" + new string('1', 64) })),
        (1, Gen.Int[70_000, 300_000].Select(n => Unsigned("{\"a\":\"" + new string('x', n) + "\"}", "mac=00"))),
        (1, Gen.Const(Unsigned("{}", null))));

    private static FuzzRequest Unsigned(string body, string? signature) =>
        new("webhook-unsigned", "POST", "/webhooks/zalo", Encoding.UTF8.GetBytes(body), signature, false);

    /// <summary>Signs the exact bytes with the values the receiver will read (lenient, as it reads them), so hostile bodies reach the parser.</summary>
    private static FuzzRequest Signed(string kind, FuzzTarget t, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        string appId = t.AppId, timestamp = "";
        try
        {
            using var document = JsonDocument.Parse(bytes);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                appId = Read(document.RootElement, "app_id") ?? appId;
                timestamp = Read(document.RootElement, "timestamp") ?? "";
            }
        }
        catch (JsonException)
        {
            // Not JSON after the mutations: signed anyway, the receiver must answer 400.
        }
        string signature;
        try
        {
            signature = WebhookSignature.Compute(appId, bytes, timestamp, t.OaSecretKey);
        }
        catch (ArgumentException)
        {
            signature = "mac=" + new string('2', 64); // an id that cannot be encoded to sign
        }
        return new FuzzRequest(kind, "POST", "/webhooks/zalo", bytes, signature, false);
    }

    private static string? Read(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value)
            ? value.ValueKind switch { JsonValueKind.String => JsonText.Read(value), JsonValueKind.Number => value.GetRawText(), _ => null }
            : null;

    // ---- staff API ----

    private static readonly string[] TicketActions = ["accept", "reject", "assign", "transfer", "start", "resolve", "reopen", "close"];

    private static Gen<string> Segment() => Gen.Frequency(
        (4, Gen.OneOf(Gen.Const("PA-2611-7K3Q"), Gen.Const("SXD"), Gen.Const("INFRA"), Gen.Const("2026-12-31"), Gen.Const("1"), Gen.Const("TTHC-BN"))),
        (6, HostileText.Select(PercentEncode)));

    private static Gen<string> Query(params string[] names) =>
        Gen.Select(Gen.Int[0, names.Length - 1], HostileText, JsonNumber).Array[0, 4]
            .Select(ps => ps.Length == 0 ? "" : "?" + string.Join("&", ps.Select(p => $"{PercentEncode(names[p.Item1])}={PercentEncode(p.Item2.Length % 3 == 0 ? p.Item3 : p.Item2)}")));

    private static Gen<byte[]> StaffBody(params string[] fields) => Gen.Frequency(
        (5, Gen.Select(Gen.Int[0, fields.Length - 1], JsonValue).Array[0, 5]
            .Select(ms => Encoding.UTF8.GetBytes("{" + string.Join(",", ms.Select(m => $"\"{fields[m.Item1]}\":{m.Item2}")) + "}"))),
        (2, JsonValue.Select(Encoding.UTF8.GetBytes)),
        (1, Gen.Byte.Array[0, 200]));

    private static Gen<FuzzRequest> StaffApi() =>
        Gen.Select(Gen.Frequency((9, Gen.Const(true)), (1, Gen.Const(false))), Gen.Frequency(
                (4, Query("status", "category", "agency", "centre", "due", "q", "after", "limit").Select(q => ("GET", "/api/tickets" + q, (byte[]?)null))),
                (2, Segment().Select(c => ("GET", $"/api/tickets/{c}", (byte[]?)null))),
                (3, Gen.Select(Segment(), Gen.Int[0, TicketActions.Length - 1], StaffBody("reason", "result", "agencyCode", "expectedVersion"))
                    .Select((c, a, b) => ("POST", $"/api/tickets/{c}/{TicketActions[a]}", (byte[]?)b))),
                (2, Gen.Select(Segment(), Gen.OneOf(Gen.Const("replies"), Gen.Const("notes")), StaffBody("text")).Select((c, w, b) => ("POST", $"/api/tickets/{c}/{w}", (byte[]?)b))),
                (2, Query("year").Select(q => ("GET", "/api/holidays" + q, (byte[]?)null))),
                (2, Gen.Select(Segment(), StaffBody("name")).Select((d, b) => ("PUT", $"/api/holidays/{d}", (byte[]?)b))),
                (1, Segment().Select(d => ("DELETE", $"/api/holidays/{d}", (byte[]?)null))),
                (3, StaffBody("code", "name", "kind", "parentCode", "active").Select(b => ("POST", "/api/agencies", (byte[]?)b))),
                (2, Gen.Select(Segment(), StaffBody("name", "keywords", "defaultAgencyCode", "deadlineWorkingDays", "sortOrder", "active", "nationalScope")).Select((c, b) => ("PUT", $"/api/categories/{c}", (byte[]?)b))),
                (2, Query("from", "to", "format", "centre").Select(q => ("GET", "/api/reports/tickets" + q, (byte[]?)null))),
                (2, Gen.Select(Segment(), Gen.OneOf(Gen.Const("qr.png"), Gen.Const("qr.svg"), Gen.Const("poster"))).Select((c, f) => ("GET", $"/api/service-centres/{c}/{f}", (byte[]?)null))),
                (1, Segment().Select(c => ("GET", $"/c/{c}", (byte[]?)null))),
                (2, StaffBody("name", "role", "agencyCode").Select(b => ("POST", "/api/staff", (byte[]?)b))),
                (1, Gen.Select(Gen.Int[1, 3], StaffBody("days", "label")).Select((id, b) => ("POST", $"/api/staff/{id}/tokens", (byte[]?)b))),
                (1, Query("after").Select(q => ("GET", "/api/outbox/undelivered" + q, (byte[]?)null))),
                (1, Gen.Const(("GET", "/api/agencies", (byte[]?)null)))))
            .Select((authorised, r) => new FuzzRequest("staff-api", r.Item1, r.Item2, r.Item3, null, authorised));

    /// <summary>
    /// Percent-encodes every byte of the UTF-8 form; a lone surrogate becomes the bytes a careless encoder emits for it
    /// (CESU-8, not valid UTF-8), which is what an attacker would send.
    /// </summary>
    public static string PercentEncode(string text)
    {
        var builder = new StringBuilder(text.Length * 3);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            byte[] bytes;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { bytes = Encoding.UTF8.GetBytes(text.Substring(i, 2)); i++; }
            else if (char.IsSurrogate(c)) bytes = [(byte)(0xE0 | (c >> 12)), (byte)(0x80 | ((c >> 6) & 0x3F)), (byte)(0x80 | (c & 0x3F))];
            else if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~') { builder.Append(c); continue; }
            else bytes = Encoding.UTF8.GetBytes(c.ToString());
            foreach (var b in bytes) builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }
}
