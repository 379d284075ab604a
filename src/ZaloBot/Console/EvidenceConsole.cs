using ZaloBot.Evidence;
using ZaloBot.Tickets;

namespace ZaloBot.StaffConsole;

/// <summary>The console's view of evidence: thread attachments point at the kept copies, served behind the console's cookie.</summary>
public static class EvidenceConsole
{
    public static WebApplication MapEvidenceConsole(this WebApplication app)
    {
        var files = app.MapGroup("/console/tickets/{code}/evidence/{id:long}").RequireAuthorization(ConsoleAuth.Policy).ExcludeFromDescription();
        files.MapGet("", (string code, long id, HttpContext http, NpgsqlDataSource db, IEvidenceStore store, CancellationToken ct) =>
            EvidenceApi.ServeAsync(code, id, thumbnail: false, http.User.Staff(), http, db, store, ct));
        files.MapGet("/thumbnail", (string code, long id, HttpContext http, NpgsqlDataSource db, IEvidenceStore store, CancellationToken ct) =>
            EvidenceApi.ServeAsync(code, id, thumbnail: true, http.User.Staff(), http, db, store, ct));
        return app;
    }

    /// <summary>
    /// Replaces each thread entry's attachments with what the province keeps: the stored copy and its thumbnail, or,
    /// while it is not stored, Zalo's link with the state of the download (pending, unavailable, refused and why).
    /// </summary>
    public static async Task<IReadOnlyList<ThreadEntry>> ApplyAsync(NpgsqlConnection connection, TicketView ticket, IReadOnlyList<ThreadEntry> entries, CancellationToken cancellationToken)
    {
        var evidence = await EvidenceFiles.ForTicketAsync(connection, ticket.Id, cancellationToken);
        if (evidence.Count == 0) return entries;
        var byEvent = evidence.Where(e => e.TicketEventId is not null).ToLookup(e => e.TicketEventId!.Value);
        return entries.Select(entry =>
        {
            if (!byEvent.Contains(entry.Id)) return entry;
            var attachments = byEvent[entry.Id].OrderBy(e => e.Position).Select(e =>
            {
                var kind = e.ContentType is { } type ? type[..type.IndexOf('/')] switch { "image" => "image", "video" => "video", "audio" => "audio", _ => "file" } : e.DeclaredKind;
                if (e.Stored)
                {
                    var url = $"/console/tickets/{ticket.Code}/evidence/{e.Id}";
                    return new ThreadAttachment(kind, url, NameOf(e, kind), e.HasThumbnail ? url + "/thumbnail" : null, null, e.Sha256);
                }
                var original = entry.Attachments.ElementAtOrDefault(e.Position)?.Url;
                return new ThreadAttachment("file", original ?? "", NameOf(e, kind), null, Note(e), null);
            }).ToList();
            return entry with { Attachments = attachments };
        }).ToList();
    }

    /// <summary>A photo from the field says what it shows: the site after handling, not the citizen's problem.</summary>
    private static string NameOf(EvidenceItem e, string kind) => e.Phase == "after" ? "Ảnh sau xử lý" : e.FileName ?? Label(kind);

    private static string Label(string kind) => kind switch
    {
        "image" => "Ảnh",
        "video" => "Video",
        "audio" => "Tin nhắn thoại",
        _ => "Tệp đính kèm",
    };

    private static string Note(EvidenceItem e) => e.Status switch
    {
        "pending" => e.Attempts == 0 ? "Đang tải về để lưu trữ" : $"Đang tải lại (lần {e.Attempts}): {e.LastError}",
        "unavailable" => $"Không tải được sau {e.Attempts} lần: {e.LastError}",
        "refused" => $"Không lưu: {e.LastError}",
        "erased" => "Đã xoá theo yêu cầu của người dùng",
        "expired" => "Đã xoá khi hết thời hạn lưu trữ",
        _ => e.Status,
    };
}
