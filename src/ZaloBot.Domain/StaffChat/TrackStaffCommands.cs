using ZaloBot.Domain.Tracks;

namespace ZaloBot.Domain.StaffChat;

/// <summary>Staff chat commands for tracks: answer approval, deadline extension, priority and track.</summary>
public abstract record TrackStaffCommand : StaffCommand
{
    public sealed record ApproveAnswer(string Code) : TrackStaffCommand;
    public sealed record ReturnAnswer(string Code, string Comment) : TrackStaffCommand;
    public sealed record ExtendDeadline(string Code, string? Reason) : TrackStaffCommand;
    public sealed record SetPriority(string Code, string Priority) : TrackStaffCommand;
    public sealed record SetTrack(string Code, string Track) : TrackStaffCommand;

    public string TicketCode => this switch
    {
        ApproveAnswer a => a.Code,
        ReturnAnswer r => r.Code,
        ExtendDeadline e => e.Code,
        SetPriority p => p.Code,
        SetTrack t => t.Code,
        _ => "",
    };

    /// <summary>The verbs, as <see cref="StaffCommandParser"/> takes them: what precedes the code, without diacritics.</summary>
    public static readonly (string Verb, Func<string, string, StaffCommand?> Build)[] Verbs =
    [
        ("duyet", (code, _) => new ApproveAnswer(code)),
        ("tra lai", (code, rest) => rest.Length > 0 ? new ReturnAnswer(code, rest) : null),
        ("gia han", (code, rest) => new ExtendDeadline(code, rest.Length > 0 ? rest : null)),
        ("khan", (code, _) => new SetPriority(code, Priorities.Urgent)),
        ("binh thuong", (code, _) => new SetPriority(code, Priorities.Normal)),
        ("khieu nai", (code, _) => new SetTrack(code, TicketTracks.KhieuNai)),
        ("to cao", (code, _) => new SetTrack(code, TicketTracks.ToCao)),
        ("la phan anh", (code, _) => new SetTrack(code, TicketTracks.Pakn)),
    ];

    public const string HelpText =
        "\n- duyệt <mã>: duyệt kết quả chờ duyệt (gửi công dân)\n" +
        "- trả lại <mã> <góp ý>: trả kết quả về cán bộ xử lý\n" +
        "- gia hạn <mã> <lý do>\n" +
        "- khẩn <mã> / bình thường <mã>: mức khẩn\n" +
        "- khiếu nại <mã> / tố cáo <mã> / là phản ánh <mã>: loại đơn";
}
