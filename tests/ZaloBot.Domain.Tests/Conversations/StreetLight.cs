using ZaloBot.Domain.Conversations;

namespace ZaloBot.Domain.Tests.Conversations;

/// <summary>The street-light complaint the conversation tests walk through, stopped at the step a test starts from.</summary>
public static class StreetLight
{
    public static Script AtDescription() => Script.Start().Says("Gửi phản ánh").Says("Hạ tầng, môi trường").ExpectStep(Step.Description);

    public static Script AtPlace() =>
        AtDescription().Says("Đèn đường trước nhà bị hỏng cả tuần nay, tối đi lại rất nguy hiểm").ExpectStep(Step.Place);

    public static Script AtContact() =>
        AtPlace().Says("số 12 đường Lý Thái Tổ, phường Kinh Bắc").ExpectStep(Step.Attachments).Says("Xong").ExpectStep(Step.Contact);

    public static Script AtSummary() => AtContact().Says("Nguyễn Văn An, 0912345678").ExpectStep(Step.Confirm);
}
