using System.Globalization;

namespace ZaloBot.Open311;

/// <summary>
/// Open311 GeoReport v2 under /open311/v2: services, a service's definition, requests (with the spec's filters) and
/// one request, in JSON or XML, readable by anyone; POST requests with a channel's API key. Errors use the spec's
/// shape (a list of {code, description}) and the same HTTP status.
/// </summary>
public static class Open311Api
{
    public const string Prefix = "/open311/v2";

    /// <summary>The spec's default window for GET requests without dates, and its cap on results.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(90);
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    public const int MaxOffset = 10_000;
    public const int MaxIds = 100;

    public static IEndpointRouteBuilder MapOpen311Api(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix).WithTags("Open311");
        api.MapGet("/services.{format}", ServicesAsync).WithSummary("GeoReport v2: the categories (services) a request can be filed under.");
        api.MapGet("/services/{serviceCode}.{format}", ServiceDefinitionAsync).WithSummary("GeoReport v2: a service's attributes (the ward).");
        api.MapGet("/requests.{format}", RequestsAsync)
            .WithSummary("GeoReport v2: published requests; filters service_request_id, service_code, start_date, end_date, status (open, closed); page, page_size.");
        api.MapGet("/requests/{id}.{format}", RequestAsync).WithSummary("GeoReport v2: one published request.");
        api.MapPost("/requests.{format}", Open311Intake.PostAsync)
            .WithSummary("GeoReport v2: file a request from another channel (form-encoded, api_key of the channel).")
            .DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> ServicesAsync(string format, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        if (!Open311Format.IsKnown(format)) return UnknownFormat();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var services = await LoadServicesAsync(connection, null, cancellationToken);
        return Open311Format.Result(new Open311List("services", services.Select(s => new Open311Object("service")
            .Set("service_code", s.Code)
            .Set("service_name", s.Name)
            .Set("description", Description(s))
            .Set("metadata", true)
            .Set("type", "realtime")
            .Set("keywords", string.Join(",", s.Keywords))
            .Set("group", s.Code.StartsWith("BIZ_", StringComparison.Ordinal) ? "Doanh nghiệp" : "Công dân")).ToList()), format);
    }

    private static async Task<IResult> ServiceDefinitionAsync(string serviceCode, string format, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        if (!Open311Format.IsKnown(format)) return UnknownFormat();
        // Kestrel already refuses a NUL in a path; the check keeps PostgreSQL safe behind any other server too.
        if (serviceCode.Length > 40 || !Domain.Text.SafeText.IsSafe(serviceCode))
            return Open311Format.Error(format, StatusCodes.Status404NotFound, "service_code was not found.");
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (await LoadServicesAsync(connection, serviceCode, cancellationToken) is not [var service, ..]) return Open311Format.Error(format, StatusCodes.Status404NotFound, "service_code was not found.");
        var areas = await connection.QueryAsync<(string Code, string Name)>(new CommandDefinition(
            "select code, name from areas order by name", cancellationToken: cancellationToken));
        var ward = new Open311Object("attribute")
            .Set("variable", true)
            .Set("code", "ward")
            .Set("datatype", "singlevaluelist")
            .Set("required", false)
            .Set("datatype_description", "Mã phường/xã, ví dụ KINHBAC.")
            .Set("order", 1)
            .Set("description", "Phường/xã nơi xảy ra sự việc")
            .Set("values", areas.Select(a => new Open311Object("value").Set("key", a.Code).Set("name", a.Name)).ToList());
        var definition = new Open311Object("service_definition")
            .Set("service_code", service.Code)
            .Set("attributes", new List<Open311Object> { ward });
        return Open311Format.OneObject(definition, format);
    }

    private static async Task<IResult> RequestsAsync(string format, HttpRequest request, NpgsqlDataSource dataSource, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!Open311Format.IsKnown(format)) return UnknownFormat();
        var query = request.Query;
        string? error = null;
        var codes = List(query["service_request_id"], MaxIds, ref error, "service_request_id");
        var serviceCodes = List(query["service_code"], 50, ref error, "service_code");
        var start = Date(query["start_date"], ref error, "start_date");
        var end = Date(query["end_date"], ref error, "end_date");
        var statusNames = List(query["status"], 2, ref error, "status");
        List<string>? statuses = null;
        if (statusNames is not null)
        {
            if (statusNames.Any(s => s is not ("open" or "closed"))) error ??= "status must be open, closed or both (comma-separated).";
            else statuses = [.. statusNames.Contains("open") ? PublicTickets.OpenStatuses : [], .. statusNames.Contains("closed") ? PublicTickets.ClosedStatuses : []];
        }
        var pageSize = Int(query["page_size"], DefaultPageSize, 1, MaxPageSize, ref error, "page_size");
        var page = Int(query["page"], 1, 1, MaxOffset / MaxPageSize, ref error, "page");
        if (error is null && start > end) error = "start_date must not be after end_date.";
        if (error is not null) return Open311Format.Error(format, StatusCodes.Status400BadRequest, error);

        // The spec: without dates, the most recent 90 days; a request asked for by id is found whatever its age.
        if (start is null && end is null && codes is null) start = time.GetUtcNow() - DefaultWindow;
        var filter = new PublicTicketFilter(codes, serviceCodes, start, end, statuses, Limit: pageSize, Offset: (page - 1) * pageSize);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var tickets = await PublicTickets.ListAsync(connection, filter, cancellationToken);
        return Open311Format.Result(new Open311List("service_requests", tickets.Select(ToOpen311).ToList()), format);
    }

    private static async Task<IResult> RequestAsync(string id, string format, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        if (!Open311Format.IsKnown(format)) return UnknownFormat();
        if (id.Length > 40 || !Domain.Text.SafeText.IsSafe(id)) return Open311Format.Error(format, StatusCodes.Status404NotFound, "service_request_id was not found.");
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var tickets = await PublicTickets.ListAsync(connection, new PublicTicketFilter(Codes: [id.ToUpperInvariant()], Limit: 1), cancellationToken);
        // A request whose category (or citizen) keeps it private is answered exactly like one that does not exist.
        return tickets.Count == 0
            ? Open311Format.Error(format, StatusCodes.Status404NotFound, "service_request_id was not found.")
            : Open311Format.Result(new Open311List("service_requests", [ToOpen311(tickets[0])]), format);
    }

    /// <summary>A request in the spec's fields and order. media_url is always empty: citizens' photos are never published.</summary>
    public static Open311Object ToOpen311(PublicTicket t) => new Open311Object("request")
        .Set("service_request_id", t.Code)
        .Set("status", t.Open311Status)
        .Set("status_notes", StatusNotes(t))
        .Set("service_name", t.ServiceName)
        .Set("service_code", t.ServiceCode)
        .Set("description", t.Description)
        .Set("agency_responsible", t.AgencyName)
        .Set("service_notice", null)
        .Set("requested_datetime", t.RequestedAt)
        .Set("updated_datetime", t.UpdatedAt)
        .Set("expected_datetime", t.ExpectedAt)
        .Set("address", t.Address)
        .Set("address_id", t.AreaCode)
        .Set("zipcode", null)
        .Set("lat", t.Latitude)
        .Set("long", t.Longitude)
        .Set("media_url", null);

    private static string StatusNotes(PublicTicket t) =>
        t.DuplicateOf is { } main ? $"{t.StatusText}. Trùng với phản ánh {main}."
        : t.Answer is { Length: > 0 } answer ? $"{t.StatusText}. {answer}"
        : t.StatusText + ".";

    private static string Description(ServiceRow s) =>
        s.Publication switch
        {
            "never" => $"{s.Name}. Phản ánh thuộc lĩnh vực này không được công khai.",
            _ => s.Name + ".",
        };

    private static IResult UnknownFormat() => Open311Format.Error(Open311Format.Json, StatusCodes.Status404NotFound, "Format must be json or xml.");

    private static List<string>? List(Microsoft.Extensions.Primitives.StringValues values, int max, ref string? error, string name)
    {
        if (values.Count == 0) return null;
        var items = values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (items.Count == 0) return null;
        if (items.Count > max || items.Any(i => i.Length > 40 || !Domain.Text.SafeText.IsSafe(i))) error ??= $"{name}: at most {max} values of at most 40 characters.";
        return items.Select(i => name == "status" ? i.ToLowerInvariant() : i.ToUpperInvariant()).Distinct().ToList();
    }

    private static DateTimeOffset? Date(Microsoft.Extensions.Primitives.StringValues values, ref string? error, string name)
    {
        if (values.Count == 0 || string.IsNullOrWhiteSpace(values[0])) return null;
        if (values.Count == 1 && values[0]!.Length <= 40 &&
            DateTimeOffset.TryParse(values[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) && at.Year is > 1999 and < 2200)
            return at;
        error ??= $"{name} must be a W3C date-time, e.g. 2026-11-01T00:00:00+07:00.";
        return null;
    }

    private static int Int(Microsoft.Extensions.Primitives.StringValues values, int fallback, int min, int max, ref string? error, string name)
    {
        if (values.Count == 0 || string.IsNullOrEmpty(values[0])) return fallback;
        if (values.Count == 1 && int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        error ??= $"{name} must be a whole number from {min} to {max}.";
        return fallback;
    }

    internal static async Task<IReadOnlyList<ServiceRow>> LoadServicesAsync(NpgsqlConnection connection, string? code, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<ServiceRow>(new CommandDefinition(
            """
            select code, name, keywords, publication from categories
            where active and (@code::text is null or code = @code)
            order by sort_order, code
            """, new { code = code?.ToUpperInvariant() }, cancellationToken: cancellationToken))).AsList();

    // A class rather than a positional record: Dapper reports text[] as System.Array when matching constructors.
    internal sealed class ServiceRow
    {
        public string Code { get; init; } = "";
        public string Name { get; init; } = "";
        public string[] Keywords { get; init; } = [];
        public string Publication { get; init; } = "never";
    }
}
