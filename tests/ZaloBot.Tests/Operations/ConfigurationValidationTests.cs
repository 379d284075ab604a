using ZaloBot.Storage;
using ZaloBot.Zalo;

namespace ZaloBot.Tests.Operations;

public class ConfigurationValidationTests
{
    [Fact]
    public void Live_mode_names_every_missing_setting()
    {
        var result = new ZaloOptionsValidator().Validate(null, new ZaloOptions { Mode = ZaloMode.Live });

        result.Failed.ShouldBeTrue();
        var failures = result.Failures!.ToList();
        foreach (var key in new[] { "Zalo:AppId", "Zalo:OaSecretKey", "Zalo:OaId", "Zalo:AppSecret", "Zalo:RefreshToken" })
            failures.ShouldContain(f => f.StartsWith(key + " is missing"));
    }

    [Fact]
    public void Simulator_mode_needs_no_token_secrets()
    {
        var result = new ZaloOptionsValidator().Validate(null, new ZaloOptions { Mode = ZaloMode.Simulator, AppId = "a", OaId = "o", OaSecretKey = "k" });

        result.Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void Non_positive_replay_window_is_refused()
    {
        var result = new ZaloOptionsValidator().Validate(null, new ZaloOptions { Mode = ZaloMode.Simulator, AppId = "a", OaId = "o", OaSecretKey = "k", SignatureMaxAge = TimeSpan.Zero });

        result.Failures.ShouldHaveSingleItem().ShouldContain("SignatureMaxAge");
    }

    [Theory]
    [InlineData(null, "is missing")]
    [InlineData("Host=x;Nonsense Key=1", "not a valid")]
    public void Bad_connection_string_is_explained(string? connectionString, string expected)
    {
        var result = new StorageOptionsValidator().Validate(null, new StorageOptions { ConnectionString = connectionString });

        result.Failures.ShouldHaveSingleItem().ShouldContain(expected);
    }
}
