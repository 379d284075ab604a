using ZaloBot.Domain.StaffChat;
using ZaloBot.Domain.Tickets;

namespace ZaloBot.Domain.Tests.StaffChat;

public class StaffCommandParserTests
{
    [Theory]
    [InlineData("ds")]
    [InlineData("Danh sách")]
    [InlineData("hang doi")]
    public void Queue(string text) => StaffCommandParser.Parse(text).ShouldBeOfType<StaffCommand.Queue>();

    [Theory]
    [InlineData("Hướng dẫn")]
    [InlineData("help")]
    public void Help(string text) => StaffCommandParser.Parse(text).ShouldBeOfType<StaffCommand.Help>();

    [Theory]
    [InlineData("xem PA-2611-7K3Q")]
    [InlineData("PA-2611-7K3Q")]
    [InlineData("XEM pa 2611 7k3q")]
    public void Show(string text) => StaffCommandParser.Parse(text).ShouldBe(new StaffCommand.Show("PA-2611-7K3Q"));

    [Fact]
    public void Reply_keeps_the_original_spelling_of_the_text() =>
        StaffCommandParser.Parse("tra loi PA-2611-7K3Q Chiều nay đội vệ sinh sẽ đến.")
            .ShouldBe(new StaffCommand.Reply("PA-2611-7K3Q", "Chiều nay đội vệ sinh sẽ đến."));

    [Fact]
    public void Note_and_claim()
    {
        StaffCommandParser.Parse("Ghi chú PA-2611-7K3Q cần xe hút bùn").ShouldBe(new StaffCommand.Note("PA-2611-7K3Q", "cần xe hút bùn"));
        StaffCommandParser.Parse("nhận PA-2611-7K3Q").ShouldBe(new StaffCommand.Claim("PA-2611-7K3Q"));
    }

    [Theory]
    [InlineData("giải quyết PA-2611-7K3Q Đã nạo vét xong", TicketAction.Resolve)]
    [InlineData("tu choi PA-2611-7K3Q Không thuộc thẩm quyền", TicketAction.Reject)]
    [InlineData("tiếp nhận PA-2611-7K3Q", TicketAction.Accept)]
    [InlineData("bắt đầu PA-2611-7K3Q", TicketAction.Start)]
    [InlineData("đóng PA-2611-7K3Q", TicketAction.Close)]
    [InlineData("mở lại PA-2611-7K3Q vẫn còn ngập", TicketAction.Reopen)]
    public void Status_changes(string text, TicketAction expected) =>
        StaffCommandParser.Parse(text).ShouldBeOfType<StaffCommand.Act>().Action.ShouldBe(expected);

    [Fact]
    public void Transfer_takes_the_agency_then_the_reason()
    {
        var act = StaffCommandParser.Parse("chuyển PA-2611-7K3Q ubnd-kb Tuyến đường do phường quản lý").ShouldBeOfType<StaffCommand.Act>();
        act.Action.ShouldBe(TicketAction.Transfer);
        act.Input.ShouldBe(new TransitionInput(Reason: "Tuyến đường do phường quản lý", AgencyCode: "UBND-KB"));
    }

    [Theory]
    [InlineData("xin chào")]
    [InlineData("tra loi PA-2611-7K3Q")]
    [InlineData("bay PA-2611-7K3Q")]
    public void Anything_else_is_unknown(string text) => StaffCommandParser.Parse(text).ShouldBeOfType<StaffCommand.Unknown>();
}
