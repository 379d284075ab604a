using System.Globalization;
using System.Text;
using ZaloBot.Domain.Contacts;

namespace ZaloBot.Domain.Conversations;

/// <summary>
/// Every word the bot says to citizens, in one place: short, polite, for older people on a phone.
/// Button titles double as the words a citizen may type instead.
/// </summary>
public static class ConversationTexts
{
    // Main menu buttons.
    public const string MenuNewComplaint = "Gửi phản ánh";
    public const string MenuLookup = "Tra cứu";
    public const string MenuInfo = "Thông tin";
    public const string MenuHelp = "Hướng dẫn";

    // Step buttons.
    public const string Done = "Xong";
    public const string Skip = "Bỏ qua";
    public const string Submit = "Gửi";
    public const string Edit = "Sửa";
    public const string Cancel = "Hủy";
    public const string Back = "Quay lại";
    public const string Resume = "Tiếp tục";
    public const string StartAfresh = "Làm mới";
    public const string UseThisContact = "Dùng thông tin này";
    public const string EditCategory = "Lĩnh vực";
    public const string EditDescription = "Nội dung";
    public const string EditPlace = "Địa điểm";
    public const string EditAttachments = "Hình ảnh";
    public const string EditContact = "Liên hệ";
    public const string AcceptProblem = "Đúng, gửi phản ánh";
    public const string OtherCategory = "Chọn lĩnh vực khác";
    public const string DoNotFile = "Không gửi";
    public const string FileQuestion = "Gửi câu hỏi này";
    public const string NoThanks = "Không, cảm ơn";

    public const string Greeting =
        "Xin chào! Đây là kênh tiếp nhận phản ánh, kiến nghị của người dân và doanh nghiệp. Bạn cứ nhắn sự việc cần phản ánh, hoặc chọn một mục bên dưới.";

    /// <summary>Put before the answer when a citizen greets and asks in one message ("chào bạn, đơn của tôi…").</summary>
    public const string GreetingPrefix = "Xin chào! ";

    public static string GreetingFromCentre(string centreName) =>
        $"Xin chào! Cảm ơn bạn đã quét mã tại {centreName}. Bạn có thể gửi phản ánh, kiến nghị ngay tại đây.";

    public const string NotUnderstood =
        "Xin lỗi, tôi chưa hiểu ý bạn. Tôi nhận phản ánh, kiến nghị (bạn cứ gõ sự việc), tra cứu phản ánh đã gửi và cung cấp thông tin. Bạn chọn một mục dưới đây nhé:";

    /// <summary>To a citizen who insults the bot or the staff: calm, no lecture, and the way on.</summary>
    public const string AbuseReply =
        "Tôi hiểu bạn đang bực mình, và xin lỗi nếu tôi chưa giúp được. Bạn cứ gõ sự việc cần phản ánh (chuyện gì, ở đâu), hoặc chọn một mục dưới đây:";

    /// <summary>The same inside a complaint: the draft is kept and the step asked again.</summary>
    public const string AbuseInFlow = "Tôi hiểu bạn đang bực mình, và xin lỗi nếu tôi chưa giúp được. Phản ánh của bạn vẫn được giữ, mình làm tiếp nhé.";

    public const string ThanksReply = "Dạ, cảm ơn bạn. Khi cần, bạn cứ nhắn cho tôi.";

    /// <summary>The citizen's own words, quoted back; long ones shortened so the question stays on screen.</summary>
    private static string Quote(string text) => text.Length <= 240 ? $"«{text}»" : $"«{text[..237].TrimEnd()}…»";

    public static string ProblemOffer(string description, string categoryName, string? address, string? areaName, string kind = "phản ánh")
    {
        var text = new StringBuilder($"Bạn muốn gửi {kind} này, đúng không?\n").Append(Quote(description)).Append('\n');
        text.Append("- Lĩnh vực: ").Append(categoryName).Append('\n');
        if (address is not null || areaName is not null)
            text.Append("- Địa điểm: ").Append(string.Join(", ", new[] { address, areaName }.OfType<string>())).Append('\n');
        text.Append($"Bấm \"{AcceptProblem}\" để tiếp tục, \"{OtherCategory}\" nếu lĩnh vực chưa đúng.");
        return text.ToString();
    }

    public static string ProblemNoted(string description, string kind = "phản ánh") =>
        $"Tôi đã ghi lại nội dung {kind} của bạn:\n{Quote(description)}\nBạn chọn lĩnh vực để tiếp tục (gõ \"hủy\" nếu không muốn gửi).";

    public static string CategoryNoted(string categoryName) => $"Phản ánh về lĩnh vực: {categoryName}.";

    public const string NotFiled = "Vâng, tôi không gửi phản ánh này. Khi cần, bạn cứ nhắn cho tôi.";

    /// <summary>An honest "not yet": nothing in it may read as if the question had been filed.</summary>
    public const string QuestionAnswer =
        "Cảm ơn câu hỏi của bạn. Tôi chưa có sẵn bài viết trả lời nội dung này.";

    /// <summary>For a citizen asking whether a message or call in an office's name is real: how to tell, what to do.</summary>
    public static string ScamWarning(string police) =>
        "Cơ quan nhà nước không gọi điện, nhắn tin bảo người dân cài ứng dụng hay bấm vào đường link lạ, chuyển tiền, nộp phí " +
        "qua tài khoản cá nhân hoặc đọc mã OTP, mật khẩu. Tin nhắn, cuộc gọi như vậy là dấu hiệu lừa đảo: bạn đừng bấm link, " +
        "đừng chuyển tiền. Muốn chắc chắn, bạn gọi hoặc đến thẳng cơ quan đó. Nếu đã chuyển tiền hay đã cung cấp thông tin, " +
        $"bạn báo ngay cho công an nơi gần nhất (gọi {police}).";

    public const string OfferToFileQuestion =
        "Nếu bạn muốn cơ quan có thẩm quyền trả lời, tôi có thể chuyển câu hỏi này thành một kiến nghị (hiện chưa gửi đi đâu cả). Bạn có muốn gửi không?";

    public const string Info =
        "Phản ánh của bạn được Tổ phản ứng nhanh tiếp nhận, chuyển đến cơ quan có thẩm quyền và trả lời trong thời hạn " +
        "quy định (tính theo ngày làm việc). Bạn sẽ nhận thông báo tại đây mỗi khi phản ánh được xử lý.";

    public const string ChannelIsFree =
        "Gửi phản ánh, kiến nghị qua kênh này hoàn toàn miễn phí: không mất phí, không cần nộp tiền cho ai. Ai đòi tiền để \"giải quyết nhanh\" qua kênh này là lừa đảo.";

    public const string ChannelPrivacy =
        "Họ tên và số điện thoại của bạn chỉ dùng để giải quyết phản ánh và báo kết quả cho bạn; không công khai khi bạn chưa đồng ý. " +
        "Người tố cáo được giữ bí mật họ tên, địa chỉ và bút tích. Nhắn \"dữ liệu của tôi\" để xem dữ liệu bạn đã gửi.";

    public const string ChannelHours =
        "Kênh nhận tin nhắn cả ngày lẫn đêm, kể cả ngày nghỉ. Cán bộ xử lý trong giờ hành chính các ngày làm việc, nên tin gửi ngoài giờ được xem vào ngày làm việc kế tiếp (trừ việc khẩn cấp được báo ngay cho cán bộ trực).";

    public const string ChannelResponseTime =
        "Thời hạn trả lời tính theo ngày làm việc và theo đúng loại việc (phản ánh, kiến nghị, khiếu nại hay tố cáo). " +
        "Ngay khi phản ánh được tiếp nhận, bạn được báo mã phản ánh và ngày hẹn trả lời cụ thể, rồi được nhắn tại đây mỗi khi có tiến triển.";

    public const string Help =
        "Cách gửi phản ánh: gõ luôn sự việc (chuyện gì, ở đâu), hoặc bấm \"Gửi phản ánh\" rồi làm theo từng bước (lĩnh vực, nội dung, địa điểm, hình ảnh, liên hệ). " +
        "Bất cứ lúc nào bạn có thể gõ \"quay lại\", \"hủy\" hoặc \"menu\". Để xem phản ánh đã gửi, gõ \"tra cứu\" kèm mã phản ánh. " +
        "Muốn bổ sung ảnh hay thông tin (cả số điện thoại mới) cho phản ánh đang xử lý, cứ gửi vào đây: tôi ghi vào phản ánh gần nhất của bạn để cán bộ phụ trách xem.";

    public static string AskCategory(IReadOnlyList<CategoryOption> categories)
    {
        var text = new StringBuilder("Bước 1/5. Phản ánh của bạn thuộc lĩnh vực nào? Bấm chọn hoặc gõ số:");
        for (var i = 0; i < categories.Count; i++)
            text.Append('\n').Append(i + 1).Append(". ").Append(categories[i].Name);
        return text.ToString();
    }

    /// <summary>The fields an answer fitted equally, under their numbers in the full list, so a number typed still means the same.</summary>
    public static string AskWhichCategory(IReadOnlyList<CategoryOption> categories, IReadOnlyList<CategoryOption> tied)
    {
        var text = new StringBuilder("Có vài lĩnh vực gần với điều bạn gõ. Bạn bấm chọn hoặc gõ số:");
        for (var i = 0; i < categories.Count; i++)
            if (tied.Contains(categories[i])) text.Append('\n').Append(i + 1).Append(". ").Append(categories[i].Name);
        return text.ToString();
    }

    public static string AskDescription(int minLength) =>
        $"Bước 2/5. Bạn hãy mô tả sự việc: xảy ra gì, từ khi nào, ảnh hưởng thế nào (ít nhất {minLength} ký tự).";

    public static string DescriptionTooShort(int minLength) =>
        $"Nội dung hơi ngắn. Bạn mô tả rõ hơn giúp tôi (ít nhất {minLength} ký tự) nhé.";

    public static string DescriptionTooLong(int maxLength) =>
        $"Nội dung dài quá {maxLength} ký tự. Bạn rút gọn giúp tôi, phần chi tiết có thể gửi thêm sau khi nộp.";

    public const string AskPlace =
        "Bước 3/5. Sự việc xảy ra ở đâu? Bạn gõ địa chỉ (số nhà, đường, phường/xã) hoặc bấm dấu + rồi chọn \"Vị trí\" để gửi vị trí.";

    public static string ContactKeptForLater(string phone) =>
        $"Đã ghi số điện thoại {phone} để cán bộ liên hệ.";

    public const string HowToSendALocation =
        "Để gửi vị trí: trong khung chat, bấm dấu + (hoặc biểu tượng ghim), chọn \"Vị trí\" rồi \"Gửi vị trí hiện tại\". " +
        "Nếu không gửi được, bạn gõ địa chỉ (số nhà, đường, phường/xã) hoặc một chỗ dễ nhận ra gần đó.";

    public const string AddressTooShort = "Địa chỉ chưa rõ. Bạn ghi cụ thể hơn (số nhà, đường, phường/xã) giúp tôi nhé.";

    public static string AskArea(IReadOnlyList<AreaOption> areas)
    {
        var text = new StringBuilder("Sự việc thuộc phường/xã nào? Bấm chọn, gõ số hoặc bấm \"Bỏ qua\":");
        for (var i = 0; i < areas.Count; i++)
            text.Append('\n').Append(i + 1).Append(". ").Append(areas[i].Name);
        return text.ToString();
    }

    public static string AskAttachments(int max) =>
        $"Bước 4/5. Bạn có ảnh hoặc tệp về sự việc không? Gửi tối đa {max} ảnh/tệp, xong thì bấm \"Xong\". Không có thì bấm \"Bỏ qua\".";

    public static string AttachmentReceived(int count, int max) =>
        count >= max
            ? $"Đã nhận {count}/{max} ảnh/tệp (đủ số lượng). Bấm \"Xong\" để tiếp tục."
            : $"Đã nhận {count}/{max} ảnh/tệp. Gửi thêm hoặc bấm \"Xong\" để tiếp tục.";

    public static string TooManyAttachments(int max) =>
        $"Mỗi phản ánh gửi được tối đa {max} ảnh/tệp; các tệp vượt quá chưa được nhận. Bấm \"Xong\" để tiếp tục.";

    public const string AttachmentKeptForLater = "Đã nhận ảnh/tệp, tôi sẽ đính kèm vào phản ánh.";

    public const string LocationKeptForLater = "Đã nhận vị trí, tôi sẽ ghi vào phản ánh.";

    public const string AskContact =
        "Bước 5/5. Bạn cho biết họ tên và số điện thoại để cán bộ liên hệ khi cần, ví dụ: Nguyễn Văn An, 0912345678. " +
        "Hoặc bấm vào phiếu bên dưới để chia sẻ thông tin từ Zalo.";

    public const string UserInfoFormTitle = "Chia sẻ thông tin liên hệ";
    public const string UserInfoFormSubtitle = "Để cán bộ liên hệ lại với bạn khi xử lý phản ánh";

    public static string OfferKnownContact(string name, string phone) =>
        $"Bước 5/5. Thông tin liên hệ: {name}, {VietnamesePhone.Display(phone)}. Bấm \"Dùng thông tin này\" hoặc gõ họ tên và số điện thoại khác.";

    public const string InvalidPhone =
        "Số điện thoại chưa đúng. Bạn gõ số di động Việt Nam gồm 10 chữ số (ví dụ: 0912345678) hoặc số máy bàn gồm cả mã vùng (ví dụ: 0222 3825 416).";

    public const string MissingPhone = "Cảm ơn bạn. Bạn cho biết thêm số điện thoại di động, ví dụ: 0912345678.";

    public const string MissingName = "Bạn cho biết thêm họ tên giúp tôi, ví dụ: Nguyễn Văn An, 0912345678.";

    public static string Summary(Draft draft, string categoryName, string? areaName)
    {
        var text = new StringBuilder("Bạn kiểm tra lại phản ánh:\n");
        text.Append("- Lĩnh vực: ").Append(categoryName).Append('\n');
        text.Append("- Nội dung: ").Append(draft.Description).Append('\n');
        text.Append("- Địa điểm: ").Append(PlaceText(draft));
        if (areaName is not null) text.Append(", ").Append(areaName);
        text.Append('\n');
        text.Append("- Ảnh/tệp: ").Append(draft.Attachments.Count == 0 ? "không có" : draft.Attachments.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        text.Append("- Liên hệ: ").Append(draft.ContactName).Append(", ").Append(VietnamesePhone.Display(draft.ContactPhone ?? "")).Append('\n');
        text.Append("Bấm \"Gửi\" để gửi, \"Sửa\" để sửa hoặc \"Hủy\" để hủy.");
        return text.ToString();
    }

    private static string PlaceText(Draft draft) =>
        (draft.Address, draft.Latitude, draft.Longitude) switch
        {
            ({ } address, _, _) => address,
            (null, { } lat, { } lng) => string.Create(CultureInfo.InvariantCulture, $"vị trí đã chia sẻ ({lat:0.#####}, {lng:0.#####})"),
            _ => "chưa có",
        };

    public const string AskWhatToEdit = "Bạn muốn sửa mục nào?";

    public static string Submitted(string code, DateOnly deadline) =>
        $"Đã gửi phản ánh thành công. Mã phản ánh của bạn: {code}.\n" +
        $"Phản ánh sẽ được xem xét và trả lời chậm nhất ngày {deadline:dd/MM/yyyy}. Bạn sẽ nhận thông báo tại đây.\n" +
        $"Để xem tình trạng, gõ: tra cứu {code}";

    public const string Cancelled = "Đã hủy phản ánh đang soạn. Khi cần, bạn bấm \"Gửi phản ánh\" để bắt đầu lại.";

    public const string StartingOver = "Được, chúng ta bắt đầu lại từ đầu.";

    public const string ResumeQuestion = "Bạn đang gửi dở một phản ánh. Bạn muốn tiếp tục hay làm mới?";

    public const string IdleReminder =
        "Bạn đang gửi dở một phản ánh. Khi rảnh, bạn trả lời tiếp để hoàn tất nhé (gõ \"hủy\" nếu không gửi nữa).";

    public const string DraftExpired = "Phản ánh đang soạn đã quá lâu chưa hoàn tất nên đã được hủy. Bạn có thể gửi lại bất cứ lúc nào.";

    public static string Unsupported(string kind) =>
        $"Xin lỗi, tôi chưa xử lý được {KindName(kind)}. ";

    private static string KindName(string kind) => kind switch
    {
        "sticker" => "nhãn dán (sticker)",
        "gif" => "ảnh động",
        "audio" => "tin nhắn thoại",
        "video" => "video",
        "link" => "đường liên kết",
        "business_card" => "danh thiếp",
        _ => "loại tin nhắn này",
    };

    public const string TooManyFailures = "Nếu cần hỗ trợ, bạn gõ \"hướng dẫn\", hoặc \"menu\" để về trang chính.";

    public const string NoTickets = "Bạn chưa gửi phản ánh nào qua kênh này.";

    public static string TicketList(IReadOnlyList<CitizenTicket> tickets)
    {
        var text = new StringBuilder("Phản ánh của bạn:");
        foreach (var t in tickets.Take(5))
            text.Append("\n- ").Append(t.Code).Append(": ").Append(t.CategoryName).Append(" — ").Append(t.StatusText);
        text.Append("\nGõ \"tra cứu\" kèm mã để xem chi tiết.");
        return text.ToString();
    }

    public static string TicketDetails(CitizenTicket t)
    {
        var text = new StringBuilder($"{Capitalised(KindOf(t))} {t.Code} ({t.CategoryName}): {t.StatusText}.");
        if (t.DueDate is { } due && t.IsOpen) text.Append(CultureInfo.InvariantCulture, $" Hạn trả lời: {due:dd/MM/yyyy}.");
        if (t.LatestPublicUpdate is { } update) text.Append("\nCập nhật mới nhất: ").Append(update);
        return text.ToString();
    }

    public static string TicketNotFound(string code) =>
        $"Không tìm thấy {KindOf(code)} {code} trong những gì bạn đã gửi. Bạn kiểm tra lại mã giúp tôi.";

    /// <summary>
    /// What a ticket is, by its track: a code is never changed once given (the citizen's receipt), so a phản ánh that
    /// staff later moved to khiếu nại keeps <c>PA-</c> and is still named a khiếu nại.
    /// </summary>
    public static string KindOf(CitizenTicket ticket) => ticket.Track switch
    {
        Tracks.TicketTracks.KhieuNai => "khiếu nại",
        Tracks.TicketTracks.ToCao => "tố cáo",
        _ => "phản ánh",
    };

    /// <summary>What a code names, by its prefix (when there is no ticket to ask): "phản ánh", "khiếu nại", "tố cáo".</summary>
    public static string KindOf(string code) =>
        code.StartsWith("KN", StringComparison.OrdinalIgnoreCase) ? "khiếu nại"
        : code.StartsWith("TC", StringComparison.OrdinalIgnoreCase) ? "tố cáo"
        : "phản ánh";

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    // ---- meaning before data ----

    public static string Corrected(string part, string value) => $"Đã sửa {part}: {value}.";

    public const string CorrectAtTheSummary = "Mình chưa rõ bạn muốn sửa mục nào. Bạn cứ gửi thông tin liên hệ trước; ở bước xác nhận cuối cùng bạn sửa được từng mục.";

    public const string CannotTellWhatToCorrect = "Bạn muốn sửa mục nào? Bấm chọn bên dưới, rồi gõ lại cho đúng.";

    public const string AnotherProblemLater =
        "Tôi đã ghi nhớ sự việc khác bạn vừa nhắc. Bạn hoàn tất phản ánh đang gửi trước (hoặc gõ \"hủy\"), rồi tôi sẽ hỏi bạn có gửi tiếp sự việc đó không.";

    public const string PendingProblemNow = "Còn sự việc bạn nhắc lúc nãy:";

    public const string PhotosLater = "Được. Khi có ảnh, bạn cứ gửi vào đây sau khi nộp; ảnh sẽ được thêm vào phản ánh.";

    public const string NothingDescribedYet = "Tôi chưa nhận được nội dung sự việc nên chưa có gì để sửa. Bạn nhắn lại toàn bộ sự việc giúp tôi trong một tin nhé.";

    public const string ProblemKeptForLater = "Vâng, tôi giữ lại nội dung này, chưa gửi đi. Khi tiện, bạn nhắn lại cho tôi (ví dụ \"tiếp tục\") để gửi, hoặc gõ \"hủy\" để bỏ.";
    public const string DescriptionLater = "Không sao. Phản ánh đang soạn được giữ lại; khi sẵn sàng, bạn cứ nhắn mô tả vấn đề vào đây (hoặc gõ \"hủy\" để bỏ).";

    public const string ConfirmLater = "Vâng, phản ánh chưa được gửi và vẫn giữ nguyên như trên. Khi sẵn sàng, bạn bấm \"Gửi\" (hoặc \"Sửa\" để sửa, \"Hủy\" để bỏ).";
    public const string PlaceLater = "Được, tôi ghi nhận chưa rõ địa chỉ cụ thể; cán bộ có thể liên hệ bạn để hỏi thêm.";

    public const string ContactNeeded =
        "Số điện thoại chỉ để cán bộ liên hệ khi cần làm rõ sự việc, không hiển thị công khai. Bạn cho biết họ tên và số điện thoại để tiếp tục, hoặc gõ \"hủy\" nếu không gửi nữa.";

    public static string FollowUpAdded(string code) =>
        $"Đã ghi nhận thông tin bổ sung vào phản ánh {code}; cán bộ phụ trách sẽ xem. Muốn gửi phản ánh khác, bấm \"Gửi phản ánh\".";

    public static string CentreNoted(string centreName) => $"Đã ghi nhận bạn gửi từ {centreName}.";

    public const string CentreLinkNotValid =
        "Mã điểm tiếp nhận trong tin nhắn đã hết hạn hoặc đã được dùng, nên phản ánh sẽ không ghi theo điểm tiếp nhận. Bạn vẫn gửi phản ánh bình thường được.";
}
