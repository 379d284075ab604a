using Serilog;
using Serilog.Formatting.Compact;

namespace ZaloBot.Operations;

public static class LoggingSetup
{
    /// <summary>
    /// Compact JSON in production (one event per line for the log shipper), readable text in development.
    /// <c>Logging:Console=false</c> drops the console: the tests capture each test's events with their own sink
    /// (any <see cref="Serilog.Core.ILogEventSink"/> registered as a service is written to) and show them only when it fails.
    /// </summary>
    public static WebApplicationBuilder AddServiceLogging(this WebApplicationBuilder builder)
    {
        var json = !builder.Environment.IsDevelopment() || builder.Configuration.GetValue<bool>("Logging:Json");
        var console = builder.Configuration.GetValue("Logging:Console", true);
        builder.Services.AddSerilog((services, logger) =>
        {
            logger.ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext()
                .Enrich.With<SensitiveDataEnricher>()
                .Enrich.WithProperty("Service", "ZaloBot");
            if (!console)
                return;
            if (json)
                logger.WriteTo.Console(new RenderedCompactJsonFormatter());
            else
                logger.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {CorrelationId} {SourceContext}: {Message:lj}{NewLine}{Exception}");
        });
        return builder;
    }

    public static IApplicationBuilder UseServiceRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options =>
        {
            // This host's own logger, not Serilog's process-wide static one (the last host built in a process owns that).
            options.Logger = app.ApplicationServices.GetService<Serilog.ILogger>();
            // Health probes every few seconds would drown the log.
            options.GetLevel = (http, _, ex) =>
                ex is not null || http.Response.StatusCode >= 500 ? Serilog.Events.LogEventLevel.Error
                : http.Request.Path.StartsWithSegments("/healthz") || http.Request.Path.StartsWithSegments("/readyz") || http.Request.Path.StartsWithSegments("/metrics")
                    ? Serilog.Events.LogEventLevel.Verbose
                    : Serilog.Events.LogEventLevel.Information;
        });
}
