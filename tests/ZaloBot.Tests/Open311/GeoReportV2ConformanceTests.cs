using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ZaloBot.Domain.Tickets;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.Open311;

/// <summary>
/// A GeoReport v2 client written from the published specification (wiki.open311.org/GeoReport_v2), not from this
/// code: it knows only the spec's resources, parameters, field names, types and status values, and checks that every
/// answer parses the way any Open311 client would parse it. If our output drifts from the spec, this fails.
/// </summary>
public sealed partial class GeoReportV2Client(HttpClient http, string endpoint)
{
    // The spec: "All date/time fields must be formatted in a common subset of ISO 8601 … Timezone information (either Z
    // meaning UTC, or an HH:MM offset from UTC) must be included."
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex W3cDateTime();

    public static readonly string[] ServiceFields = ["service_code", "service_name", "description", "metadata", "type", "keywords", "group"];
    public static readonly string[] RequestFields =
    [
        "service_request_id", "status", "status_notes", "service_name", "service_code", "description", "agency_responsible",
        "service_notice", "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode",
        "lat", "long", "media_url",
    ];

    public async Task<List<JsonElement>> ServicesAsync()
    {
        var list = await GetArrayAsync("services.json");
        foreach (var s in list)
        {
            foreach (var field in ServiceFields) s.TryGetProperty(field, out _).ShouldBeTrue($"service lacks {field}");
            s.GetProperty("metadata").ValueKind.ShouldBeOneOf(JsonValueKind.True, JsonValueKind.False);
            s.GetProperty("type").GetString().ShouldBeOneOf("realtime", "batch", "blackbox");
        }
        var xml = await GetXmlAsync("services.xml");
        xml.Root!.Name.LocalName.ShouldBe("services");
        xml.Root.Elements("service").Count().ShouldBe(list.Count);
        return list;
    }

    public async Task<JsonElement> DefinitionAsync(string serviceCode)
    {
        var response = await http.GetAsync($"{endpoint}/services/{serviceCode}.json");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var definition = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        definition.GetProperty("service_code").GetString().ShouldBe(serviceCode);
        foreach (var a in definition.GetProperty("attributes").EnumerateArray())
        {
            a.GetProperty("variable").ValueKind.ShouldBeOneOf(JsonValueKind.True, JsonValueKind.False);
            a.GetProperty("code").GetString().ShouldNotBeNullOrEmpty();
            a.GetProperty("datatype").GetString().ShouldBeOneOf("string", "number", "datetime", "text", "singlevaluelist", "multivaluelist");
            a.GetProperty("required").ValueKind.ShouldBeOneOf(JsonValueKind.True, JsonValueKind.False);
            a.GetProperty("order").ValueKind.ShouldBe(JsonValueKind.Number);
            a.TryGetProperty("description", out _).ShouldBeTrue();
            if (a.GetProperty("datatype").GetString()!.EndsWith("valuelist", StringComparison.Ordinal))
                foreach (var v in a.GetProperty("values").EnumerateArray())
                {
                    v.TryGetProperty("key", out _).ShouldBeTrue();
                    v.TryGetProperty("name", out _).ShouldBeTrue();
                }
        }
        return definition;
    }

    public async Task<List<JsonElement>> RequestsAsync(string query = "")
    {
        var list = await GetArrayAsync("requests.json" + query);
        foreach (var r in list) CheckRequest(r);
        var xml = await GetXmlAsync("requests.xml" + query);
        xml.Root!.Name.LocalName.ShouldBe("service_requests");
        xml.Root.Elements("request").Count().ShouldBe(list.Count);
        return list;
    }

    public async Task<JsonElement> RequestAsync(string id)
    {
        var list = await GetArrayAsync($"requests/{id}.json");
        list.Count.ShouldBe(1); // the spec returns one request inside the same list shape
        CheckRequest(list[0]);
        return list[0];
    }

    /// <summary>POST requests: form-encoded fields; the answer is a list holding the new service_request_id (or a token).</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(IDictionary<string, string> fields)
    {
        var response = await http.PostAsync($"{endpoint}/requests.json", new FormUrlEncodedContent(fields));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        body.ValueKind.ShouldBe(JsonValueKind.Array);
        if (response.IsSuccessStatusCode)
            (body[0].TryGetProperty("service_request_id", out _) || body[0].TryGetProperty("token", out _)).ShouldBeTrue();
        else
            CheckErrors(body, (int)response.StatusCode);
        return (response.StatusCode, body);
    }

    public static void CheckErrors(JsonElement body, int status)
    {
        foreach (var e in body.EnumerateArray())
        {
            e.GetProperty("code").GetInt32().ShouldBe(status);
            e.GetProperty("description").GetString().ShouldNotBeNullOrEmpty();
        }
    }

    private static void CheckRequest(JsonElement r)
    {
        r.GetProperty("service_request_id").GetString().ShouldNotBeNullOrEmpty();
        r.GetProperty("status").GetString().ShouldBeOneOf("open", "closed");
        foreach (var field in new[] { "requested_datetime", "updated_datetime", "expected_datetime" })
            if (r.TryGetProperty(field, out var at) && at.ValueKind == JsonValueKind.String)
            {
                W3cDateTime().IsMatch(at.GetString()!).ShouldBeTrue($"{field} '{at.GetString()}' is not a W3C date-time with a zone");
                DateTimeOffset.Parse(at.GetString()!, CultureInfo.InvariantCulture);
            }
        foreach (var field in new[] { "lat", "long" })
            if (r.TryGetProperty(field, out var c) && c.ValueKind != JsonValueKind.Null) c.ValueKind.ShouldBe(JsonValueKind.Number);
        foreach (var field in RequestFields) r.TryGetProperty(field, out _).ShouldBeTrue($"request lacks {field}");
    }

    private async Task<List<JsonElement>> GetArrayAsync(string path)
    {
        var response = await http.GetAsync($"{endpoint}/{path}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        response.Content.Headers.ContentType!.CharSet.ShouldBe("utf-8");
        var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        root.ValueKind.ShouldBe(JsonValueKind.Array);
        return root.EnumerateArray().ToList();
    }

    private async Task<XDocument> GetXmlAsync(string path)
    {
        var text = await http.GetStringAsync($"{endpoint}/{path}");
        text.ShouldStartWith("<?xml", Case.Sensitive);
        text[..Math.Min(60, text.Length)].ShouldContain("encoding=\"utf-8\"", Case.Insensitive);
        return XDocument.Parse(text);
    }
}

public class GeoReportV2ConformanceTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task The_service_passes_a_client_written_from_the_spec_through_every_method()
    {
        var http = await service.StartReadyAsync();
        var client = new GeoReportV2Client(http, "/open311/v2");
        var admin = await service.AsAsync(StaffRole.Admin);
        var key = JsonDocument.Parse(await (await admin.PostAsJsonAsync("/api/channel-keys", new { channel = "web" })).Content.ReadAsStringAsync())
            .RootElement.GetProperty("apiKey").GetString()!;

        var services = await client.ServicesAsync();
        var code = services.First(s => s.GetProperty("service_code").GetString() == "INFRA").GetProperty("service_code").GetString()!;
        await client.DefinitionAsync(code);

        var (status, body) = await client.PostAsync(new Dictionary<string, string>
        {
            ["api_key"] = key, ["service_code"] = code, ["lat"] = "21.18", ["long"] = "106.07",
            ["description"] = "Vỉa hè bị lún sụt nguy hiểm cho người đi bộ", ["email"] = "ignored@example.vn", ["device_id"] = "x", ["phone"] = "0911222333",
        });
        status.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.Created);
        var id = body[0].GetProperty("service_request_id").GetString()!;

        (await client.RequestAsync(id)).GetProperty("status").GetString().ShouldBe("open");
        (await client.RequestsAsync()).Select(r => r.GetProperty("service_request_id").GetString()).ShouldContain(id);
        (await client.RequestsAsync($"?service_request_id={id}")).Count.ShouldBe(1);
        (await client.RequestsAsync($"?service_code={code}&status=open")).Select(r => r.GetProperty("service_request_id").GetString()).ShouldContain(id);
        (await client.RequestsAsync("?status=closed")).ShouldAllBe(r => r.GetProperty("status").GetString() == "closed");
        var now = DateTimeOffset.UtcNow;
        (await client.RequestsAsync($"?start_date={now.AddDays(-1):yyyy-MM-ddTHH:mm:ssZ}&end_date={now.AddDays(1):yyyy-MM-ddTHH:mm:ssZ}"))
            .Select(r => r.GetProperty("service_request_id").GetString()).ShouldContain(id);

        var (refused, errors) = await client.PostAsync(new Dictionary<string, string> { ["service_code"] = code, ["description"] = "Không có khóa API thì bị từ chối" });
        ((int)refused).ShouldBeInRange(400, 403);
        GeoReportV2Client.CheckErrors(errors, (int)refused);
    }
}
