using ZaloBot.Domain.ServiceCentres;

namespace ZaloBot.Domain.Tests.ServiceCentres;

public class CentreLinksTests
{
    private static readonly byte[] Secret = "a-secret-of-the-province-32-bytes!!"u8.ToArray();
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Id = [1, 2, 3, 4, 5, 6, 7, 8];

    private static string Token(string centre = "BN01", string source = CentreSources.MiniApp, TimeSpan? life = null) =>
        CentreLinks.Issue(Secret, centre, source, Now + (life ?? TimeSpan.FromMinutes(30)), Id);

    [Fact]
    public void A_fresh_code_from_the_mini_app_is_valid_and_says_where_it_came_from()
    {
        var nonce = CentreLinks.Verify(Secret, "BN01", Token(), Now.AddMinutes(5))!;

        nonce.Verdict.ShouldBe(CentreNonceVerdict.Valid);
        nonce.Source.ShouldBe(CentreSources.MiniApp);
        nonce.Id.ShouldBe("0102030405060708");
        CentreLinks.Verify(Secret, "BN01", Token(source: CentreSources.LandingPage), Now)!.Source.ShouldBe(CentreSources.LandingPage);
    }

    [Fact]
    public void A_code_past_its_expiry_is_expired()
    {
        CentreLinks.Verify(Secret, "BN01", Token(life: TimeSpan.FromMinutes(1)), Now.AddMinutes(2))!.Verdict.ShouldBe(CentreNonceVerdict.Expired);
    }

    [Theory]
    [InlineData("BN02")] // a genuine code copied onto another centre
    [InlineData("bn01x")]
    public void A_code_for_another_centre_is_forged(string centre)
    {
        CentreLinks.Verify(Secret, centre, Token(), Now)!.Verdict.ShouldBe(CentreNonceVerdict.Forged);
    }

    [Fact]
    public void Altered_codes_and_other_secrets_are_forged()
    {
        var token = Token();
        var altered = (token[3] == 'A' ? 'B' : 'A') + "";
        CentreLinks.Verify(Secret, "BN01", token[..3] + altered + token[4..], Now)!.Verdict.ShouldBe(CentreNonceVerdict.Forged);
        CentreLinks.Verify("another-secret-entirely-32-bytes!!"u8.ToArray(), "BN01", token, Now)!.Verdict.ShouldBe(CentreNonceVerdict.Forged);
        CentreLinks.Verify(Secret, "BN01", "not!base64", Now)!.Verdict.ShouldBe(CentreNonceVerdict.Forged);
        CentreLinks.Verify(Secret, "BN01", new string('A', 34), Now)!.Verdict.ShouldBe(CentreNonceVerdict.Forged);
    }

    [Fact]
    public void The_centre_code_is_matched_without_case()
    {
        CentreLinks.Verify(Secret, "bn01", Token(), Now)!.Verdict.ShouldBe(CentreNonceVerdict.Valid);
    }

    [Fact]
    public void Only_the_mini_app_and_the_landing_page_issue_signed_codes()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Token(source: CentreSources.TypedCode));
    }

    [Fact]
    public void The_prefilled_message_is_read_back_with_what_follows_it()
    {
        var message = CentreLinks.Message("BN01", Token());
        message.ShouldStartWith("#TT-BN01.");

        CentreLinks.TryRead(message, out var link).ShouldBeTrue();
        link.CentreCode.ShouldBe("BN01");
        link.Token.ShouldBe(Token());
        link.Rest.ShouldBe("Xin chào");

        CentreLinks.TryRead("  #tt-bn01." + Token() + "\nđèn đường hỏng", out var edited).ShouldBeTrue();
        edited.CentreCode.ShouldBe("BN01");
        edited.Rest.ShouldBe("đèn đường hỏng");
    }

    [Theory]
    [InlineData("#TT-BN01")]
    [InlineData("TT BN01")]
    [InlineData("Đèn hỏng #TT-BN01.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("#TT-BN01.short")]
    [InlineData("#TT-BN01.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAxyz!")]
    public void Other_messages_are_not_signed_codes(string text)
    {
        CentreLinks.TryRead(text, out _).ShouldBeFalse();
    }
}
