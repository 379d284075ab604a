using System.Text;
using ZaloBot.Domain.Delivery;

namespace ZaloBot.Domain.Tests.Delivery;

public class OutboundWebhookRulesTests
{
    [Fact]
    public void The_signature_matches_the_documented_openssl_line()
    {
        // printf '%s.%s' 1795500000 '{"id":1}' | openssl dgst -sha256 -hmac whsec_test
        OutboundSignature.Sign("whsec_test", 1795500000, Encoding.UTF8.GetBytes("""{"id":1}"""))
            .ShouldBe("v1=eb84636a9d7da0329c3ba35f357630ed2b5a3416fdb139761decd502ee813703");
    }

    [Theory]
    [InlineData("created", OutboundEventKinds.TicketCreated)]
    [InlineData("status_changed", OutboundEventKinds.StatusChanged)]
    [InlineData("answer_approved", OutboundEventKinds.AnswerApproved)]
    [InlineData("rated", OutboundEventKinds.CitizenFeedback)]
    [InlineData("citizen_reopened", OutboundEventKinds.CitizenFeedback)]
    [InlineData("note", null)]
    [InlineData("citizen_message", null)]
    public void Internal_entries_are_never_sent(string entry, string? expected) => OutboundEventKinds.ForEntry(entry).ShouldBe(expected);

    [Fact]
    public void Each_event_kind_names_the_entries_behind_it() =>
        OutboundEventKinds.EntriesFor([OutboundEventKinds.CitizenFeedback]).ShouldBe(["rated", "citizen_confirmed_fixed", "citizen_reopened"]);
}
