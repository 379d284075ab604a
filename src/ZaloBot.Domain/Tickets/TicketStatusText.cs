namespace ZaloBot.Domain.Tickets;

/// <summary>How a ticket's status reads to the citizen who filed it.</summary>
public static class TicketStatusText
{
    public static string ForCitizen(string status) => status switch
    {
        "received" => "Đã nhận, đang chờ phân loại",
        "accepted" => "Đã tiếp nhận xử lý",
        "assigned" => "Đã chuyển cơ quan có thẩm quyền",
        "in_progress" => "Đang xử lý",
        "resolved" => "Đã giải quyết",
        "closed" => "Đã đóng",
        "rejected" => "Không thuộc phạm vi tiếp nhận",
        _ => "Đang xử lý",
    };

    public static bool IsOpen(string status) => status is not ("closed" or "rejected");
}
