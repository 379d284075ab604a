using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Npgsql;
using ZaloBot.Staff;
using ZaloBot.Tickets;

namespace ZaloBot.Evidence;

/// <summary>Staff read a ticket's kept files, and reply with a photo: /api/tickets/{code}/evidence, /replies/photo.</summary>
public static class EvidenceApi
{
    public static IEndpointRouteBuilder MapEvidenceApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/tickets/{code}").WithTags("Evidence").RequireAuthorization(StaffPolicies.Staff);
        api.MapGet("/evidence", ListAsync).WithName("TicketEvidence")
            .WithSummary("The ticket's kept photos, videos, voice messages and files: status, SHA-256, size, type, download time, the photo's own position (staff only).");
        api.MapGet("/evidence/{id:long}", (string code, long id, ClaimsPrincipal user, HttpContext http, NpgsqlDataSource db, IEvidenceStore store, CancellationToken ct) =>
            ServeAsync(code, id, thumbnail: false, StaffIdentity.From(user), http, db, store, ct)).WithName("TicketEvidenceFile")
            .WithSummary("The stored file itself (the copy the province keeps, not Zalo's link).");
        api.MapGet("/evidence/{id:long}/thumbnail", (string code, long id, ClaimsPrincipal user, HttpContext http, NpgsqlDataSource db, IEvidenceStore store, CancellationToken ct) =>
            ServeAsync(code, id, thumbnail: true, StaffIdentity.From(user), http, db, store, ct)).WithName("TicketEvidenceThumbnail")
            .WithSummary("A small JPEG preview of a stored photo, without any of its metadata.");
        api.MapPost("/replies/photo", PhotoReplyAsync).WithName("TicketPhotoReply").DisableAntiforgery()
            .WithSummary("Reply to the citizen with a photo (multipart: file, optional text): uploaded through Zalo's upload API and kept as evidence.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status502BadGateway);
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<EvidenceView>>, NotFound<ProblemDetails>>> ListAsync(
        string code, ClaimsPrincipal user, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var ticket = await EvidenceFiles.VisibleTicketAsync(connection, StaffIdentity.From(user), code, cancellationToken);
        if (ticket is null) return NotFound(code);
        var items = await EvidenceFiles.ForTicketAsync(connection, ticket.Id, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<EvidenceView>>(items.Select(i => i.View(ticket.Code)).ToList());
    }

    /// <summary>Shared by the API and the console: the bytes of a stored file under the ticket's scope.</summary>
    public static async Task<IResult> ServeAsync(string code, long id, bool thumbnail, StaffIdentity staff, HttpContext http, NpgsqlDataSource dataSource, IEvidenceStore store, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var ticket = await EvidenceFiles.VisibleTicketAsync(connection, staff, code, cancellationToken);
        if (ticket is null) return NotFound(code);
        // The denouncer's photos are part of their identity: only those who may reveal it get them (the same 404 otherwise).
        var withholdCitizens = !DenouncerProtection.MayReveal(staff, ticket.AssignedAgencyCode)
            && (await DenouncerProtection.ProtectedAsync(connection, [ticket.Id], cancellationToken)).Count > 0;
        if (await EvidenceFiles.StoredAsync(connection, ticket.Id, id, withholdCitizens, cancellationToken) is not { } file)
            return TypedResults.Problem(title: "File not found", detail: $"No stored file {id} on ticket {ticket.Code}.", statusCode: StatusCodes.Status404NotFound);
        var key = thumbnail ? file.ThumbnailKey : file.Key;
        if (key is null) return TypedResults.Problem(title: "No thumbnail", detail: "Only photos have thumbnails.", statusCode: StatusCodes.Status404NotFound);
        var stream = await store.OpenAsync(key, cancellationToken);
        if (stream is null) return TypedResults.Problem(title: "File missing from the store", detail: $"File {id} is recorded but not in the evidence store.", statusCode: StatusCodes.Status404NotFound);
        var headers = http.Response.Headers;
        // Citizens' files are shown, never run: no sniffing into HTML, no scripts, not cached by shared proxies.
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; img-src 'self'; media-src 'self'; sandbox";
        headers.CacheControl = "private, max-age=3600";
        var contentType = thumbnail ? "image/jpeg" : file.ContentType;
        var inline = contentType.StartsWith("image/", StringComparison.Ordinal) || contentType.StartsWith("video/", StringComparison.Ordinal) || contentType.StartsWith("audio/", StringComparison.Ordinal);
        var name = thumbnail ? null : inline ? null : file.FileName ?? $"tep-{id}";
        return TypedResults.Stream(stream, contentType, fileDownloadName: name, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{file.Sha256[..32]}{(thumbnail ? "t" : "")}\""), enableRangeProcessing: false);
    }

    private static async Task<IResult> PhotoReplyAsync(string code, HttpContext http, ClaimsPrincipal user, EvidencePhotoReplies replies, IOptions<EvidenceOptions> options, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxStaffPhotoBytes;
        if (http.Request.ContentLength is { } length && length > limit + 64 * 1024)
            return Problem(StatusCodes.Status413PayloadTooLarge, "Photo too large", $"At most {limit:N0} bytes.");
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature) sizeFeature.MaxRequestBodySize = limit + 64 * 1024;
        if (!http.Request.HasFormContentType)
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Send multipart/form-data", "Fields: file (the photo), text (optional).");
        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = limit + 64 * 1024, ValueLengthLimit = 8 * 1024 }, cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            return ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } || ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)
                ? Problem(StatusCodes.Status413PayloadTooLarge, "Photo too large", $"At most {limit:N0} bytes.")
                : Problem(StatusCodes.Status400BadRequest, "Malformed form", "The multipart body could not be read.");
        }
        if (form.Files.GetFile("file") is not { Length: > 0 } file)
            return Problem(StatusCodes.Status400BadRequest, "Photo missing", "Send the photo in the field 'file'.");
        if (file.Length > limit) return Problem(StatusCodes.Status413PayloadTooLarge, "Photo too large", $"At most {limit:N0} bytes.");
        var text = form["text"].ToString().Trim();
        if (text.Length > 1800) return Problem(StatusCodes.Status400BadRequest, "Text too long", "At most 1,800 characters.");
        if (!ZaloBot.Domain.Text.SafeText.IsSafe(text)) return Problem(StatusCodes.Status400BadRequest, "Text not storable", "The text contains characters that cannot be stored.");

        byte[] bytes;
        await using (var stream = file.OpenReadStream())
        {
            bytes = new byte[file.Length];
            await stream.ReadExactlyAsync(bytes, cancellationToken);
        }
        var result = await replies.SendAsync(StaffIdentity.From(user), code, bytes, text, cancellationToken);
        return result.Status == StatusCodes.Status200OK
            ? TypedResults.Ok(new { evidenceId = result.EvidenceId, sha256 = result.Sha256 })
            : Problem(result.Status, result.Title!, result.Detail!);
    }

    private static ProblemHttpResult Problem(int status, string title, string detail) => TypedResults.Problem(title: title, detail: detail, statusCode: status);

    private static NotFound<ProblemDetails> NotFound(string code) =>
        TypedResults.NotFound(new ProblemDetails { Title = "Ticket not found", Detail = $"No ticket {code} that you can see.", Status = 404 });
}
