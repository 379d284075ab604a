using System.Security.Cryptography;
using System.Text;
using ZaloBot.Inbox;
using ZaloBot.Webhooks;

namespace ZaloBot.Tests.Webhooks;

public class WebhookSignatureTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"app_id":"a","timestamp":"123","text":"Phản ánh"}""");

    [Fact]
    public void Signature_is_sha256_of_app_id_body_timestamp_and_secret()
    {
        var expected = "mac=" + Convert.ToHexStringLower(SHA256.HashData([.. Encoding.UTF8.GetBytes("a"), .. Body, .. Encoding.UTF8.GetBytes("123"), .. Encoding.UTF8.GetBytes("s3cret")]));

        WebhookSignature.Compute("a", Body, "123", "s3cret").ShouldBe(expected);
        WebhookSignature.Verify(expected, "a", Body, "123", "s3cret").ShouldBeTrue();
        WebhookSignature.Verify(expected.ToUpperInvariant().Replace("MAC=", "mac="), "a", Body, "123", "s3cret").ShouldBeTrue();
    }

    [Theory]
    [InlineData("b", "123", "s3cret")]
    [InlineData("a", "124", "s3cret")]
    [InlineData("a", "123", "other")]
    public void Any_other_input_fails(string appId, string timestamp, string secret)
    {
        var signature = WebhookSignature.Compute("a", Body, "123", "s3cret");
        WebhookSignature.Verify(signature, appId, Body, timestamp, secret).ShouldBeFalse();
    }

    [Fact]
    public void Changing_one_body_byte_fails()
    {
        var signature = WebhookSignature.Compute("a", Body, "123", "s3cret");
        var tampered = Body.ToArray();
        tampered[^3] ^= 1;
        WebhookSignature.Verify(signature, "a", tampered, "123", "s3cret").ShouldBeFalse();
    }
}
