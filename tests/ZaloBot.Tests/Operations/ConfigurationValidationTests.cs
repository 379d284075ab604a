using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using ZaloBot.ServiceCentres;
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

    [Theory]
    [InlineData("Production", null, null, "ServiceCentres:PublicBaseUrl is missing")]
    [InlineData("Production", "http://pakn.example.gov.vn", "Cổng PAKN", "must be a public https address")]
    [InlineData("Staging", "https://127.0.0.1:8443", "Cổng PAKN", "must be a public https address")]
    [InlineData("Production", "https://pakn.example.gov.vn", null, "ServiceCentres:OaName is missing")]
    public void Printed_settings_are_required_outside_development(string environment, string? publicBaseUrl, string? oaName, string expected)
    {
        var result = ValidatePrinted(environment, publicBaseUrl, oaName);

        result.Failures.ShouldNotBeNull().ShouldContain(f => f.Contains(expected));
    }

    [Theory]
    [InlineData("Production", "https://pakn.example.gov.vn", "Cổng PAKN")]
    [InlineData("Development", null, null)]
    public void Printed_settings_pass_when_set_or_in_development(string environment, string? publicBaseUrl, string? oaName)
    {
        ValidatePrinted(environment, publicBaseUrl, oaName).Succeeded.ShouldBeTrue();
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult ValidatePrinted(string environment, string? publicBaseUrl, string? oaName)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ServiceCentres:PublicBaseUrl"] = publicBaseUrl,
            ["ServiceCentres:OaName"] = oaName,
        }).Build();
        var options = new ServiceCentreOptions();
        configuration.GetSection(ServiceCentreOptions.Section).Bind(options);
        return new PrintedSettingsValidator(new HostingEnvironment { EnvironmentName = environment }, configuration).Validate(null, options);
    }
}
