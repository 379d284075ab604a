using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using ZaloBot.Conversations;
using ZaloBot.Domain.Contacts;
using ZaloBot.Domain.Conversations;
using ZaloBot.Domain.Evidence;
using ZaloBot.Domain.Privacy;
using ZaloBot.Domain.ServiceCentres;
using ZaloBot.Evidence;
using ZaloBot.Outbox;
using ZaloBot.ServiceCentres;

namespace ZaloBot.MiniApp;

/// <summary>
/// The Mini App's form: a ticket filed for the verified citizen (their OA id, so notices come in the chat) through the
/// same intake as other channels, with its photos into evidence, the place with the consent the app asked for, the
/// centre when its signed code is genuine, and the similar open reports. An idempotency key makes a retry return the
/// first ticket, as the webhook's dedupe does for Zalo's redeliveries.
/// </summary>
public static partial class MiniAppIntake
{
    public const string Channel = "miniapp";
    private const int MinDescription = 10;
    private const int MaxDescription = 2000;
    private const int FieldsBytes = 64 * 1024;

    private sealed record Input(string Key, string Category, string Description, string? Address, double? Latitude, double? Longitude,
        string? Name, string? Phone, string? PhoneToken, string? Centre, string? CentreToken, IReadOnlyList<IFormFile> Photos);

    public static async Task<IResult> PostAsync(HttpRequest request, MiniAppIdentity identity, ZaloGraphClient graph, NpgsqlDataSource dataSource, ChannelIntake intake,
        CentreLinkSigner centreLinks, IEvidenceStore evidence, ZaloBot.SimilarReports.SimilarReportFinder similar,
        ZaloBot.Privacy.ConsentRecords consents, OutboxSignal outbox, IOptions<MiniAppOptions> options, TimeProvider time, ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var o = options.Value;
        long maxBody = FieldsBytes + (long)o.MaxPhotos * o.MaxPhotoBytes;
        if (request.ContentLength > maxBody) return MiniAppApi.Error(StatusCodes.Status413PayloadTooLarge, MiniAppTexts.TooLarge);
        // Who is asking comes first: nothing is read or stored for a caller Zalo does not vouch for.
        var check = await MiniAppApi.IdentifyAsync(request, identity, cancellationToken);
        if (MiniAppApi.Refusal(check) is { } refusal) return refusal;
        var citizen = ((IdentityCheck.Verified)check).Citizen;
        if (!request.HasFormContentType) return MiniAppApi.Error(StatusCodes.Status400BadRequest, MiniAppTexts.NotAForm);

        IFormCollection form;
        try
        {
            form = await new FormFeature(request, new FormOptions
            {
                ValueCountLimit = 40, KeyLengthLimit = 100, ValueLengthLimit = 4000, BufferBodyLengthLimit = maxBody,
                MultipartBodyLengthLimit = maxBody, MultipartHeadersLengthLimit = 16 * 1024,
            }).ReadFormAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException or IOException)
        {
            return ex is InvalidDataException && ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)
                ? MiniAppApi.Error(StatusCodes.Status413PayloadTooLarge, MiniAppTexts.TooLarge)
                : MiniAppApi.Error(StatusCodes.Status400BadRequest, MiniAppTexts.NotAForm);
        }
        var (input, error) = Parse(form, o);
        if (error is not null) return MiniAppApi.Error(error == MiniAppTexts.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest, error);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (await FirstTicketAsync(connection, null, citizen, input!.Key, cancellationToken) is { } earlier)
            return TypedResults.Ok(new { code = earlier, duplicate = true });
        var now = time.GetUtcNow();
        if (await intake.CategoryAsync(connection, input.Category, now, cancellationToken) is not { } service)
            return MiniAppApi.Error(StatusCodes.Status400BadRequest, MiniAppTexts.UnknownCategory);

        var phone = input.Phone;
        if (phone is null && input.PhoneToken is not null && await graph.PhoneAsync(citizen.AccessToken, input.PhoneToken, cancellationToken) is { } granted
            && VietnamesePhone.TryNormalize(granted, out var e164))
            phone = e164;

        await using var staged = new StagedBatch(evidence, loggers.CreateLogger(typeof(MiniAppIntake)));
        var attachments = new List<DraftAttachment>();
        foreach (var photo in input.Photos)
        {
            await using var stream = photo.OpenReadStream();
            attachments.Add(new DraftAttachment("image", await staged.PutAsync(stream, photo.ContentType, now, cancellationToken), photo.FileName));
        }

        var due = service.Due;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("select pg_advisory_xact_lock(hashtext(@k))",
            new { k = $"miniapp:{citizen.AppUserId}:{input.Key}" }, transaction, cancellationToken: cancellationToken));
        if (await FirstTicketAsync(connection, transaction, citizen, input.Key, cancellationToken) is { } raced)
        {
            await transaction.CommitAsync(cancellationToken);
            return TypedResults.Ok(new { code = raced, duplicate = true });
        }

        string? centre = null, centreSource = null;
        if (input.Centre is not null && input.CentreToken is not null
            && (await centreLinks.SpendAsync(connection, transaction, input.Centre, input.CentreToken, cancellationToken)).Verdict == CentreNonceVerdict.Valid
            && await connection.ExecuteScalarAsync<bool>(new CommandDefinition("select exists (select 1 from service_centres where code = @c and active)",
                new { c = input.Centre }, transaction, cancellationToken: cancellationToken)))
            (centre, centreSource) = (input.Centre, CentreSources.MiniApp);

        var code = await ChannelIntake.NewCodeAsync(connection, transaction, now, cancellationToken);
        var ticket = new CreateTicket(code, service.Code, IdNumbers.Mask(input.Description), input.Address, input.Latitude, input.Longitude, null,
            attachments, input.Name ?? "", phone ?? "", centre, centreSource);
        var id = await intake.FileAsync(connection, transaction, new ZaloBot.Zalo.ZaloRecipient(citizen.OaId, citizen.OaUserId), ticket, Channel, now, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "insert into miniapp_submissions (app_user_id, idempotency_key, ticket_code, created_at) values (@AppUserId, @key, @code, @now)",
            new { citizen.AppUserId, key = input.Key, code, now }, transaction, cancellationToken: cancellationToken));
        // The form shows the privacy notice above its button, and asks before reading the place.
        await consents.AppendAsync(connection, transaction, citizen.OaUserId, Purposes.Notice, ConsentAnswers.Shown, null, null, now, cancellationToken);
        if (input.Latitude is not null)
            await consents.AppendAsync(connection, transaction, citizen.OaUserId, Purposes.Location, ConsentAnswers.Granted, code, null, now, cancellationToken);
        await ChannelIntake.NoticeReceivedAsync(connection, transaction, new ZaloBot.Zalo.ZaloRecipient(citizen.OaId, citizen.OaUserId), id, code, due, now, cancellationToken);
        var alike = await similar.FindAsync(connection, transaction,
            new ZaloBot.SimilarReports.SimilarityProbe(service.Code, input.Description, null, input.Latitude, input.Longitude, ExcludeTicketId: id), similar.Options.OfferScore, 3, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        staged.Keep();
        outbox.Notify();
        LogFiled(loggers.CreateLogger(typeof(MiniAppIntake)), code, service.Code, centre, attachments.Count);
        return TypedResults.Json(new
        {
            code, due = due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), message = MiniAppTexts.Filed(code, due), centre, centreSource,
            similar = alike.Select(s => s.Code),
        }, statusCode: StatusCodes.Status201Created);
    }

    private static Task<string?> FirstTicketAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, MiniAppCitizen citizen, string key, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "select ticket_code from miniapp_submissions where app_user_id = @AppUserId and idempotency_key = @key",
            new { citizen.AppUserId, key }, transaction, cancellationToken: cancellationToken));

    private static (Input? Value, string? Error) Parse(IFormCollection form, MiniAppOptions o)
    {
        if (!ChannelForm.IsStorable(form)) return (null, MiniAppTexts.Unstorable);
        string? One(string name) => form.TryGetValue(name, out var v) && v.Count > 0 && !string.IsNullOrWhiteSpace(v[0]) ? v[0]!.Trim() : null;

        var key = One("idempotencyKey");
        if (key is null || key.Length is < 8 or > 100) return (null, MiniAppTexts.NeedsKey);
        var category = One("category")?.ToUpperInvariant();
        if (category is null || category.Length > 40) return (null, MiniAppTexts.UnknownCategory);
        var description = One("description");
        if (description is null || description.Length is < MinDescription or > MaxDescription) return (null, MiniAppTexts.DescriptionLength);

        double? lat = null, lng = null;
        // The place is kept only when the citizen agreed in the app: coordinates without the consent are dropped.
        if (One("locationConsent") == "true" && (One("latitude") is not null || One("longitude") is not null))
        {
            if (!ChannelForm.TryParsePlace(One("latitude"), One("longitude"), out var la, out var lo)) return (null, MiniAppTexts.BadLocation);
            (lat, lng) = (la, lo);
        }
        var address = One("address");
        if (address is { Length: > 500 }) return (null, MiniAppTexts.BadLocation);
        var name = One("name");
        if (name is { Length: > 200 }) return (null, MiniAppTexts.Unstorable);
        string? phone = null;
        if (One("phone") is { } typed)
        {
            if (!VietnamesePhone.TryNormalize(typed, out var e164)) return (null, MiniAppTexts.BadPhone);
            phone = e164;
        }
        var phoneToken = One("phoneToken");
        if (phoneToken is { Length: > 500 }) phoneToken = null;
        var centre = One("centre")?.ToUpperInvariant();
        if (centre is { Length: > 16 }) centre = null;
        var centreToken = One("centreToken");

        var photos = form.Files.GetFiles("photos");
        if (photos.Count > o.MaxPhotos || photos.Any(p => p.Length > o.MaxPhotoBytes)) return (null, MiniAppTexts.TooLarge);
        foreach (var photo in photos)
        {
            using var stream = photo.OpenReadStream();
            var head = new byte[ContentSniffer.HeaderLength];
            var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            if (photo.Length == 0 || !ContentSniffer.Check("image", head.AsSpan(0, read)).Accepted) return (null, MiniAppTexts.NotAPhoto);
        }
        return (new Input(key, category, description, address, lat, lng, name, phone, phoneToken, centre, centreToken, photos), null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mini App ticket {TicketCode} filed ({Category}), centre {Centre}, {Photos} photos")]
    private static partial void LogFiled(ILogger logger, string ticketCode, string category, string? centre, int photos);
}
