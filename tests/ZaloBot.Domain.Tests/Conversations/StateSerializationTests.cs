using System.Text.Json;
using ZaloBot.Domain.Conversations;

namespace ZaloBot.Domain.Tests.Conversations;

public class StateSerializationTests
{
    [Fact]
    public void State_round_trips_through_json_mid_conversation()
    {
        var state = Script.Start().Says("#TT-BN01").Says("Gửi phản ánh").Says("Khác")
            .Says("Một sự việc cần phản ánh với chính quyền").Says("Số 1 Kinh Bắc")
            .SendsImages("https://img/1.jpg").State;

        var json = JsonSerializer.Serialize(state);
        var back = JsonSerializer.Deserialize<ConversationState>(json)!;

        json.ShouldContain("\"Attachments\"");
        json.ShouldContain("\"Step\":\"Attachments\"");
        back.Step.ShouldBe(state.Step);
        back.ServiceCentreCode.ShouldBe("BN01");
        back.Draft.Attachments.ShouldBe(state.Draft.Attachments);
        (back.Draft with { Attachments = [] }).ShouldBe(state.Draft with { Attachments = [] });
        back.LastActivityAt.ShouldBe(state.LastActivityAt);
    }

    [Fact]
    public void Compiled_json_is_the_same_as_the_reflection_serializers_both_ways()
    {
        var state = Script.Start().Says("#TT-BN01").Says("Gửi phản ánh").Says("Khác")
            .Says("Một sự việc cần phản ánh với chính quyền").Says("Số 1 Kinh Bắc")
            .SendsImages("https://img/1.jpg").State with { PausedStep = Step.Contact, PendingProblem = "đèn đường hỏng" };

        var compiled = JsonSerializer.Serialize(state, ConversationStateJson.Default.ConversationState);

        compiled.ShouldBe(JsonSerializer.Serialize(state));
        var back = JsonSerializer.Deserialize(compiled, ConversationStateJson.Default.ConversationState)!;
        JsonSerializer.Serialize(back).ShouldBe(compiled);
        back.PausedStep.ShouldBe(Step.Contact);
        back.Draft.Attachments.ShouldBe(state.Draft.Attachments);
    }
}
