using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using ZaloBot.Conversations;
using ZaloBot.Domain.Contacts;
using ZaloBot.Domain.Conversations;
using ZaloBot.Outbox;
using ZaloBot.Zalo;

namespace ZaloBot.Open311;

public sealed class Open311Options
{
    public const string Section = "Open311";

    /// <summary>Requests a channel key may file per minute (per replica): a hotline at full tilt files a few a minute.</summary>
    public int PostsPerMinute { get; set; } = 60;

    /// <summary>The same request (channel, service, description, phone) again within this window returns the first ticket.</summary>
    public TimeSpan DuplicateWindow { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>POST requests: a channel files a ticket through the same intake the conversation uses, with its channel recorded.</summary>
public static partial class Open311Intake
{
    private const int MaxDescription = 2000;
    private const int MinDescription = 10;

    private static readonly FormOptions Limits = new()
    {
        ValueCountLimit = 40,
        KeyLengthLimit = 100,
        ValueLengthLimit = 4000,
        BufferBodyLengthLimit = 64 * 1024,
        MultipartBodyLengthLimit = 64 * 1024,
    };

    public static async Task<IResult> PostAsync(string format, HttpRequest request, ChannelKeys keys, Open311RateLimiter limiter,
        NpgsqlDataSource dataSource, OutboxSignal outbox, TimeProvider time, IOptions<Open311Options> options,
        ChannelIntake intake, ZaloBot.Oas.OaDirectory oas, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (!Open311Format.IsKnown(format)) return Open311Format.Error(Open311Format.Json, StatusCodes.Status404NotFound, "Format must be json or xml.");
        if (request.ContentLength > Limits.BufferBodyLengthLimit)
            return Open311Format.Error(format, StatusCodes.Status413PayloadTooLarge, "The request is too large.");
        if (!request.HasFormContentType)
            return Open311Format.Error(format, StatusCodes.Status400BadRequest, "Send the fields as application/x-www-form-urlencoded, as the spec says.");
        IFormCollection form;
        try
        {
            form = await new FormFeature(request, Limits).ReadFormAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException or IOException)
        {
            return Open311Format.Error(format, ex is InvalidDataException && ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)
                ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest, "The form could not be read.");
        }

        var key = await keys.FindAsync(One(form, "api_key"), cancellationToken);
        if (key is not { } channelKey)
            return Open311Format.Error(format, StatusCodes.Status403Forbidden, "api_key was not provided or is not valid.");
        using var lease = limiter.Acquire(channelKey.Id);
        if (!lease.IsAcquired)
            return Open311Format.Error(format, StatusCodes.Status429TooManyRequests, "Too many requests for this api_key; try again in a minute.");

        var parsed = Parse(form);
        if (parsed.Error is { } error) return Open311Format.Error(format, StatusCodes.Status400BadRequest, error);
        var input = parsed.Value!;

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var now = time.GetUtcNow();
        if (await intake.CategoryAsync(connection, input.ServiceCode, now, cancellationToken) is not { } service)
            return Open311Format.Error(format, StatusCodes.Status400BadRequest, "service_code was not found.");
        if (input.AreaCode is not null && !await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "select exists (select 1 from areas where code = @code)", new { code = input.AreaCode }, cancellationToken: cancellationToken)))
            return Open311Format.Error(format, StatusCodes.Status400BadRequest, "attribute[ward] (or address_id) is not a known ward.");

        var due = service.Due;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // One caller's request sent twice (a retry after a timeout) files one ticket: serialise identical requests and
        // answer the second with the first one's id.
        await connection.ExecuteAsync(new CommandDefinition("select pg_advisory_xact_lock(hashtext(@k))",
            new { k = $"open311:{channelKey.Channel}:{input.ServiceCode}:{input.Phone}:{input.Description}" }, transaction, cancellationToken: cancellationToken));
        var existing = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            """
            select code from tickets
            where channel = @channel and category_code = @ServiceCode and description = @Description
              and contact_phone is not distinct from @Phone and created_at > @since
            order by id desc limit 1
            """, new { channel = channelKey.Channel, input.ServiceCode, input.Description, input.Phone, since = now - options.Value.DuplicateWindow },
            transaction, cancellationToken: cancellationToken));
        if (existing is not null)
        {
            await transaction.CommitAsync(cancellationToken);
            return Open311Format.Result(Created(existing, due), format, StatusCodes.Status200OK);
        }

        var code = await ChannelIntake.NewCodeAsync(connection, transaction, now, cancellationToken);
        var ticket = new CreateTicket(code, input.ServiceCode, input.Description, input.Address, input.Latitude, input.Longitude, input.AreaCode,
            [], input.Name ?? "", input.Phone ?? "", null);
        // A caller with no Zalo id: notices go as the configured OA's template by phone (OutboxRecipient.External).
        var citizen = OutboxRecipient.External(oas.PrimaryOaId, code);
        var id = await intake.FileAsync(connection, transaction, citizen, ticket, channelKey.Channel, now, cancellationToken);
        // The caller hears the code from the operator; the template by phone puts it in writing.
        if (input.Phone is not null)
            await ChannelIntake.NoticeReceivedAsync(connection, transaction, citizen, id, code, due, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outbox.Notify();
        LogFiled(loggers.CreateLogger(typeof(Open311Intake)), code, channelKey.Channel, input.ServiceCode);
        return Open311Format.Result(Created(code, due), format, StatusCodes.Status201Created);
    }

    private static Open311List Created(string code, DateOnly due) => new("service_requests",
    [
        new Open311Object("request")
            .Set("service_request_id", code)
            .Set("service_notice", $"Phản ánh sẽ được trả lời chậm nhất ngày {due.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}.")
            .Set("account_id", null),
    ]);

    private sealed record Input(string ServiceCode, string Description, string? Address, double? Latitude, double? Longitude, string? AreaCode, string? Name, string? Phone);

    private static (Input? Value, string? Error) Parse(IFormCollection form)
    {
        if (!ChannelForm.IsStorable(form)) return (null, "A field holds characters that cannot be stored.");

        var serviceCode = One(form, "service_code")?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(serviceCode)) return (null, "service_code was not provided.");
        if (serviceCode.Length > 40) return (null, "service_code was not found.");

        var description = One(form, "description")?.Trim();
        if (description is null || description.Length < MinDescription) return (null, $"description is required (at least {MinDescription} characters).");
        if (description.Length > MaxDescription) return (null, $"description is longer than {MaxDescription} characters.");

        double? lat = null, lng = null;
        var latText = One(form, "lat");
        var longText = One(form, "long");
        if (latText is not null || longText is not null)
        {
            if (!ChannelForm.TryParsePlace(latText, longText, out var la, out var lo)) return (null, "lat and long must both be given, in WGS84 degrees.");
            (lat, lng) = (la, lo);
        }
        var address = One(form, "address_string")?.Trim();
        if (address is { Length: 0 }) address = null;
        if (address is { Length: > 500 }) return (null, "address_string is longer than 500 characters.");
        var area = (One(form, "attribute[ward]") ?? One(form, "address_id"))?.Trim().ToUpperInvariant();
        if (area is { Length: 0 }) area = null;
        if (area is { Length: > 40 }) return (null, "attribute[ward] (or address_id) is not a known ward.");
        if (lat is null && address is null && area is null)
            return (null, "A location is required: lat and long, address_string or address_id.");

        string? phone = null;
        var phoneText = One(form, "phone");
        if (!string.IsNullOrWhiteSpace(phoneText))
        {
            if (!VietnamesePhone.TryNormalize(phoneText, out var e164)) return (null, "phone is not a Vietnamese mobile number.");
            phone = e164;
        }
        var name = string.Join(' ', new[] { One(form, "first_name"), One(form, "last_name") }.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim()));
        if (name.Length > 200) return (null, "first_name and last_name are longer than 200 characters together.");
        return (new Input(serviceCode, description, address, lat, lng, area, name.Length == 0 ? null : name, phone), null);
    }

    private static string? One(IFormCollection form, string name) => form.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Open311 request filed as {TicketCode} by channel {Channel} ({ServiceCode})")]
    private static partial void LogFiled(ILogger logger, string ticketCode, string channel, string serviceCode);
}

/// <summary>A token bucket per channel key, so one misbehaving integration cannot flood the queue.</summary>
public sealed class Open311RateLimiter(IOptions<Open311Options> options) : ZaloBot.Operations.PerKeyRateLimiter<long>(options.Value.PostsPerMinute);
