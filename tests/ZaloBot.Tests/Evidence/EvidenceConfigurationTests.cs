using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ZaloBot.Evidence;

namespace ZaloBot.Tests.Evidence;

public class EvidenceConfigurationTests
{
    private static EvidenceOptions Bind(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => (string?)s.Value)).Build();
        using var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddEvidence().BuildServiceProvider();
        return services.GetRequiredService<IOptions<EvidenceOptions>>().Value;
    }

    [Fact]
    public void The_local_directory_is_the_default_and_needs_nothing_else()
    {
        var options = Bind();
        options.Storage.ShouldBe(EvidenceStorageKind.Local);
        options.LocalPath.ShouldBe("data/evidence");
    }

    private static EvidenceOptions BindIn(string environment, string contentRoot, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => (string?)s.Value)).Build();
        using var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration)
            .AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = environment, ContentRootPath = contentRoot })
            .AddEvidence().BuildServiceProvider();
        return services.GetRequiredService<IOptions<EvidenceOptions>>().Value;
    }

    [Fact]
    public void Outside_development_a_store_inside_the_application_folder_is_refused_with_the_setting_to_change()
    {
        var checkout = Path.Combine(Path.GetTempPath(), "zalobot-checkout", "src", "ZaloBot");
        var ex = Should.Throw<OptionsValidationException>(() => BindIn("Production", checkout));
        ex.Failures.ShouldContain(f => f.StartsWith("Evidence:LocalPath 'data/evidence' is ") && f.Contains("inside the application's folder") && f.Contains("/var/lib/zalobot/evidence"));
        // The published program's own folder counts too, whatever the content root.
        Should.Throw<OptionsValidationException>(() => BindIn("Staging", checkout, ("Evidence:LocalPath", Path.Combine(AppContext.BaseDirectory, "evidence"))));
    }

    [Fact]
    public void A_store_outside_the_application_folder_object_storage_or_development_start()
    {
        var checkout = Path.Combine(Path.GetTempPath(), "zalobot-checkout", "src", "ZaloBot");
        BindIn("Production", checkout, ("Evidence:LocalPath", "/var/lib/zalobot/evidence")).LocalPath.ShouldBe("/var/lib/zalobot/evidence");
        BindIn("Production", checkout, ("Evidence:LocalPath", "../../evidence-elsewhere")).LocalPath.ShouldBe("../../evidence-elsewhere");
        BindIn("Production", checkout, ("Evidence:Storage", "S3"), ("Evidence:S3:Bucket", "b")).Storage.ShouldBe(EvidenceStorageKind.S3);
        BindIn("Development", checkout).LocalPath.ShouldBe("data/evidence");
    }

    [Fact]
    public void Object_storage_without_a_bucket_stops_the_service_with_the_key_to_set()
    {
        var ex = Should.Throw<OptionsValidationException>(() => Bind(("Evidence:Storage", "S3"), ("Evidence:S3:ServiceUrl", "https://s3.example.vn")));
        ex.Failures.ShouldContain("Evidence:S3:Bucket is required when Evidence:Storage is S3.");
    }

    [Fact]
    public void Half_a_key_pair_or_a_relative_endpoint_is_refused()
    {
        var ex = Should.Throw<OptionsValidationException>(() => Bind(("Evidence:Storage", "S3"), ("Evidence:S3:Bucket", "b"),
            ("Evidence:S3:ServiceUrl", "minio:9000/x"), ("Evidence:S3:AccessKey", "only-the-key")));
        ex.Failures.ShouldContain(f => f.StartsWith("Evidence:S3:ServiceUrl must be an absolute URL"));
        ex.Failures.ShouldContain(f => f.StartsWith("Evidence:S3:AccessKey and Evidence:S3:SecretKey go together"));
    }

    [Fact]
    public void Retention_is_per_category_with_a_default()
    {
        var options = Bind(("Evidence:RetentionDays", "365"), ("Evidence:RetentionDaysByCategory:CONDUCT", "3650"));
        options.RetentionDaysFor("CONDUCT").ShouldBe(3650);
        options.RetentionDaysFor("INFRA").ShouldBe(365);
        Should.Throw<OptionsValidationException>(() => Bind(("Evidence:RetentionDays", "-1")));
    }
}
