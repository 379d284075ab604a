using Prometheus;
using Scalar.AspNetCore;
using ZaloBot.BulkActions;
using ZaloBot.Conversations;
using ZaloBot.Evidence;
using ZaloBot.Inbox;
using ZaloBot.Information;
using ZaloBot.MiniApp;
using ZaloBot.Oas;
using ZaloBot.Open311;
using ZaloBot.Operations;
using ZaloBot.Organisation;
using ZaloBot.ServiceCentres;
using ZaloBot.SimilarReports;
using ZaloBot.NationalSync;
using ZaloBot.OutboundWebhooks;
using ZaloBot.Outbox;
using ZaloBot.Privacy;
using ZaloBot.Reports;
using ZaloBot.Retention;
using ZaloBot.Simulator;
using ZaloBot.Staff;
using ZaloBot.Startup;
using ZaloBot.StaffConsole;
using ZaloBot.Tickets;
using ZaloBot.Tracks;
using ZaloBot.Storage;
using ZaloBot.Understanding;
using ZaloBot.UndeliveredMessages;
using ZaloBot.Webhooks;
using ZaloBot.Zalo;

if (args is ["probe", var probeUrl]) return await Probe.RunAsync(probeUrl);

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddLocalClusterInDevelopment(builder.Environment);
builder.AddServiceLogging();

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi(options => options.AddExamples());
builder.Services.AddServiceHealthChecks();
builder.Services.AddWarmUp();
builder.Services.AddStorage(builder.Configuration);
builder.Services.AddZalo();
builder.Services.AddOas();
builder.Services.AddWebhooks();
builder.Services.AddInbox();
builder.Services.AddConversations();
builder.Services.AddOutbox();
builder.Services.AddOutboundWebhooks();
builder.Services.AddNationalSync();
builder.Services.AddStaffAuth();
builder.Services.AddTickets();
builder.Services.AddServiceCentres();
builder.Services.AddUnderstanding();
builder.Services.AddStaffConsole();
builder.Services.AddRetention();
builder.Services.AddTracks();
builder.Services.AddOpen311();
builder.Services.AddSimilarReports();
builder.Services.AddBulkActions();
builder.Services.AddEvidence();
builder.Services.AddPrivacy();
builder.Services.AddMiniApp();
builder.Services.AddScheduledReports();

var app = builder.Build();

try
{
    if (CommandLine.IsCommand(args))
        return await CommandLine.RunAsync(app, args);

    app.UseExceptionHandler(new ExceptionHandlerOptions
    {
        // A client's malformed request (bad JSON, oversize body) is a 4xx, never a 500. Storage away (a database
        // restart, a failover to the standby) is a 503: the staff member's retry a few seconds later succeeds.
        StatusCodeSelector = ex => ex switch
        {
            BadHttpRequestException bad => bad.StatusCode,
            _ when ZaloBot.Storage.StorageErrors.IsUnavailable(ex) => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status500InternalServerError,
        },
    });
    app.UseStatusCodePages();
    app.UseCorrelationId();
    app.UseServiceRequestLogging();
    app.UseHttpMetrics();
    app.UseCors();
    app.UseAuthentication();
    app.UseAuthorization();

    app.MapOpenApi();
    app.MapScalarApiReference("/docs");
    app.MapHealthEndpoints();
    app.MapMetrics();
    app.MapWebhookApi();
    // Every staff/admin endpoint refuses unstorable text (NUL, lone surrogates) with a 400 before its handler runs.
    var guarded = app.MapGroup("").WithSafeInput();
    guarded.MapTicketsApi();
    guarded.MapStaffApi();
    guarded.MapOrganisationApi();
    guarded.MapReportsApi();
    guarded.MapServiceCentresApi();
    guarded.MapUndeliveredMessagesApi();
    guarded.MapOasApi();
    guarded.MapPrivacyApi();
    guarded.MapUnderstandingApi();
    guarded.MapTracksApi();
    guarded.MapTrackReportsApi();
    guarded.MapDeliveryReportApi();
    guarded.MapOutboundWebhooksApi();
    guarded.MapNationalExportApi();
    guarded.MapChannelKeysApi();
    guarded.MapSimilarReportsApi();
    guarded.MapBulkActionsApi();
    guarded.MapArticlesApi();
    guarded.MapEvidenceApi();
    app.MapStaffConsole();
    app.MapEvidenceConsole();
    app.MapOpen311Api();
    app.MapMiniAppApi();
    app.MapPublicAnswersPage();
    app.MapPrivacy();
    app.MapBenchmarkEndpoints(app.Configuration);
    if (app.Services.GetRequiredService<IOptions<ZaloOptions>>().Value.Mode == ZaloMode.Simulator)
    {
        // No Zalo credentials needed: this process plays Zalo too, with a chat page to act as citizens.
        app.MapZaloSimulatorApi(ZaloServiceCollectionExtensions.SimulatorPrefix);
        app.MapSimulatorChat("/simulator");
        SimulatorSamplePhoto.Register(app.Services.GetRequiredService<SimulatorMedia>());
    }
    app.MapGet("/", () => Results.Redirect("/docs")).ExcludeFromDescription();

    await app.RunAsync();
    return 0;
}
catch (OptionsValidationException ex)
{
    await Console.Error.WriteLineAsync("ZaloBot cannot start: the configuration is incomplete.");
    foreach (var failure in ex.Failures) await Console.Error.WriteLineAsync($"  - {failure}");
    await Console.Error.WriteLineAsync("See appsettings.sample.json for every setting.");
    return 2;
}

public partial class Program;
