using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ZaloBot.Tests.Deploy;

/// <summary>
/// What the service itself makes of a deploy file's settings, found without a list kept by hand: the real Program is
/// built in Production with the settings in a configuration provider that records every key anything reads. Each of
/// the service's options classes (whatever feature added it) is then created, so every key it binds is read and every
/// validator runs. Nothing is started: no hosted service, no database.
/// </summary>
public sealed class DeployConfiguration
{
    /// <summary>Settings read while creating options: the keys the service has.</summary>
    public required IReadOnlySet<string> OptionKeys { get; init; }

    /// <summary>Every key read by anything during start-up (options, Serilog, the host, feature switches).</summary>
    public required IReadOnlySet<string> AllReads { get; init; }

    /// <summary>Validation failures: required settings missing or bad, as the service would report them at start-up.</summary>
    public required IReadOnlyList<string> Failures { get; init; }

    /// <summary>Route patterns the service maps (/healthz, /readyz, …).</summary>
    public required IReadOnlySet<string> Routes { get; init; }

    /// <summary>Environment variables that configure the host rather than the application's configuration.</summary>
    public static bool IsHostVariable(string name) =>
        name is "ASPNETCORE_ENVIRONMENT" or "ASPNETCORE_URLS" or "ASPNETCORE_FORWARDEDHEADERS_ENABLED" || name.StartsWith("DOTNET_", StringComparison.Ordinal);

    /// <summary>Environment-variable name (Section__Key) to configuration key (Section:Key).</summary>
    public static string ToKey(string variable) => variable.Replace("__", ":", StringComparison.Ordinal);

    public static DeployConfiguration Inspect(IReadOnlyDictionary<string, string?> environment)
    {
        var settings = environment.Where(e => !IsHostVariable(e.Key)).ToDictionary(e => ToKey(e.Key), e => e.Value, StringComparer.OrdinalIgnoreCase);
        var source = new RecordingSource(settings);
        using var probe = new Probe(source);
        var services = probe.Services; // builds and "starts" the test host: hosted services and start-up validation removed

        var optionTypes = probe.Registrations
            .Select(d => d.ServiceType)
            .Where(t => t.IsGenericType && (t.GetGenericTypeDefinition() == typeof(IConfigureOptions<>) || t.GetGenericTypeDefinition() == typeof(IValidateOptions<>)))
            .Select(t => t.GetGenericArguments()[0])
            .Where(t => t.Assembly.GetName().Name!.StartsWith("ZaloBot", StringComparison.Ordinal))
            .Distinct()
            .ToList();
        optionTypes.ShouldNotBeEmpty();

        var optionKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var failures = new List<string>();
        foreach (var type in optionTypes)
        {
            source.Provider.Reads.Clear();
            var factory = services.GetRequiredService(typeof(IOptionsFactory<>).MakeGenericType(type));
            try
            {
                factory.GetType().GetMethod(nameof(IOptionsFactory<object>.Create))!.Invoke(factory, [Options.DefaultName]);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is OptionsValidationException invalid)
            {
                failures.AddRange(invalid.Failures);
            }
            optionKeys.UnionWith(source.Provider.Reads.Keys);
        }
        var routes = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText?.TrimStart('/'))
            .ToHashSet(StringComparer.Ordinal);
        return new DeployConfiguration
        {
            OptionKeys = optionKeys,
            AllReads = source.Provider.AllReads.Keys.Concat(optionKeys).ToHashSet(StringComparer.OrdinalIgnoreCase),
            Failures = failures,
            Routes = routes,
        };
    }

    private sealed class Probe(RecordingSource source) : WebApplicationFactory<Program>
    {
        public List<ServiceDescriptor> Registrations { get; } = [];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.ConfigureAppConfiguration(config => config.Add(source));
            builder.ConfigureTestServices(services =>
            {
                foreach (var d in services.Where(d => d.ServiceType == typeof(IHostedService) || d.ServiceType == typeof(IStartupValidator)).ToList())
                    services.Remove(d);
                Registrations.AddRange(services);
            });
        }
    }

    private sealed class RecordingSource(IDictionary<string, string?> settings) : IConfigurationSource
    {
        public RecordingProvider Provider { get; } = new(settings);
        public IConfigurationProvider Build(IConfigurationBuilder builder) => Provider;
    }

    private sealed class RecordingProvider : ConfigurationProvider
    {
        public RecordingProvider(IDictionary<string, string?> settings)
        {
            foreach (var (key, value) in settings) Data[key] = value;
        }

        public ConcurrentDictionary<string, byte> Reads { get; } = new(StringComparer.OrdinalIgnoreCase);
        public ConcurrentDictionary<string, byte> AllReads { get; } = new(StringComparer.OrdinalIgnoreCase);

        public override bool TryGet(string key, out string? value)
        {
            Reads[key] = 0;
            AllReads[key] = 0;
            return base.TryGet(key, out value);
        }
    }
}
