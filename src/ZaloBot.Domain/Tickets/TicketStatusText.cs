namespace ZaloBot.Domain.Tickets;

/// <summary>How a ticket's status reads to the citizen who filed it.</summary>
public static class TicketStatusText
{
    public static string ForCitizen(TicketStatus status) => status switch
    {
        TicketStatus.Received => "Đã nhận, đang chờ phân loại",
        TicketStatus.Accepted => "Đã tiếp nhận xử lý",
        TicketStatus.Assigned => "Đã chuyển cơ quan có thẩm quyền",
        TicketStatus.InProgress => "Đang xử lý",
        TicketStatus.OnHold => "Tạm dừng xử lý",
        TicketStatus.Resolved => "Đã giải quyết",
        TicketStatus.Closed => "Đã đóng",
        TicketStatus.Rejected => "Không thuộc phạm vi tiếp nhận",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "A status without a text."),
    };
}
