using Microsoft.AspNetCore.Mvc;
using ZaloBot.Evidence;

namespace ZaloBot.StaffConsole.Pages;

/// <summary>The console's reply composer with a photo attached: the same path as the API's photo reply.</summary>
public sealed partial class TicketModel
{
    private async Task<IActionResult> PhotoReplyAsync(IFormFile photo, string text, CancellationToken cancellationToken)
    {
        var services = HttpContext.RequestServices;
        var limit = services.GetRequiredService<IOptions<EvidenceOptions>>().Value.MaxStaffPhotoBytes;
        if (photo.Length > limit)
            return Refuse($"Ảnh quá lớn: tối đa {limit / (1024 * 1024)} MB.", StatusCodes.Status413PayloadTooLarge);
        var bytes = new byte[photo.Length];
        await using (var stream = photo.OpenReadStream()) await stream.ReadExactlyAsync(bytes, cancellationToken);
        var result = await services.GetRequiredService<EvidencePhotoReplies>().SendAsync(Staff, Ticket.Code, bytes, text, cancellationToken);
        return result.Status switch
        {
            StatusCodes.Status200OK => Redirect($"/console/tickets/{Ticket.Code}?ok=reply"),
            StatusCodes.Status404NotFound => NotFoundPage(),
            StatusCodes.Status415UnsupportedMediaType => Refuse("Tệp đính kèm không phải ảnh JPEG, PNG, WebP hoặc HEIC đọc được.", StatusCodes.Status415UnsupportedMediaType),
            StatusCodes.Status502BadGateway => Refuse("Zalo chưa nhận ảnh (lỗi tải ảnh lên); chưa gửi gì cho công dân. Vui lòng thử lại.", StatusCodes.Status502BadGateway),
            _ => Refuse($"Không thể trả lời phiếu đang ở trạng thái «{ConsoleTexts.Status(Ticket.Status)}». Mở lại phiếu trước khi trả lời.", StatusCodes.Status409Conflict),
        };
    }
}
