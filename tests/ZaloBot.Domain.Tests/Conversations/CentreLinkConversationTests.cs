using ZaloBot.Domain.Conversations;
using ZaloBot.Domain.ServiceCentres;

namespace ZaloBot.Domain.Tests.Conversations;

public class CentreLinkConversationTests
{
    [Fact]
    public void A_genuine_mini_app_code_greets_from_the_centre_and_the_ticket_says_how_it_was_known()
    {
        var script = Script.Start().ArrivesWithCentreLink("BN01", CentreSources.MiniApp)
            .Expect("Trung tâm Phục vụ hành chính công tỉnh Bắc Ninh").ExpectStep(Step.Menu);
        script.State.ServiceCentreSource.ShouldBe(CentreSources.MiniApp);

        script.ToConfirmation().Says("Gửi");

        script.Ticket().ServiceCentreCode.ShouldBe("BN01");
        script.Ticket().ServiceCentreSource.ShouldBe(CentreSources.MiniApp);
        script.State.ServiceCentreSource.ShouldBeNull();
    }

    [Fact]
    public void A_forged_expired_or_reused_code_attributes_nothing_and_says_so_politely()
    {
        var script = Script.Start().ArrivesWithCentreLink("BN01", null).Expect("hết hạn hoặc đã được dùng").ExpectStep(Step.Menu);
        script.State.ServiceCentreCode.ShouldBeNull();

        script.ToConfirmation().Says("Gửi");
        script.Ticket().ServiceCentreCode.ShouldBeNull();
        script.Ticket().ServiceCentreSource.ShouldBeNull();
    }

    [Fact]
    public void Words_the_citizen_wrote_after_the_code_are_handled_as_their_message()
    {
        Script.Start().ArrivesWithCentreLink("BN01", CentreSources.MiniApp, "Gửi phản ánh")
            .Expect("Đã ghi nhận bạn gửi từ").ExpectStep(Step.Category)
            .State.ServiceCentreCode.ShouldBe("BN01");
        Script.Start().ArrivesWithCentreLink("BN01", null, "Gửi phản ánh").ExpectStep(Step.Category)
            .State.ServiceCentreCode.ShouldBeNull();
    }

    [Fact]
    public void An_unknown_centre_in_a_genuine_code_attributes_nothing()
    {
        Script.Start().ArrivesWithCentreLink("ZZ99", CentreSources.MiniApp).Expect("hết hạn").State.ServiceCentreCode.ShouldBeNull();
    }

    [Fact]
    public void A_typed_code_is_recorded_as_typed_and_does_not_replace_a_signed_one()
    {
        var typed = Script.Start().Says("#TT-BN01");
        typed.State.ServiceCentreSource.ShouldBe(CentreSources.TypedCode);

        var signed = Script.Start().ArrivesWithCentreLink("BN01", CentreSources.LandingPage).Says("TT BN01");
        signed.State.ServiceCentreSource.ShouldBe(CentreSources.LandingPage);
    }
}
