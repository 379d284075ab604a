using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using ZaloBot.Inbox;

namespace ZaloBot.Operations;

/// <summary>Example request bodies in the OpenAPI document, so the API page shows what to send.</summary>
public static class OpenApiExamples
{
    private static readonly Dictionary<string, JsonNode> RequestExamples = new(StringComparer.Ordinal)
    {
        ["TicketAccept"] = new JsonObject { ["expectedVersion"] = 1 },
        ["TicketReject"] = new JsonObject { ["reason"] = "Nội dung thuộc thẩm quyền giải quyết của Tòa án.", ["expectedVersion"] = 2 },
        ["TicketAssign"] = new JsonObject { ["agencyCode"] = "SXD" },
        ["TicketTransfer"] = new JsonObject { ["agencyCode"] = "UBND-KB", ["reason"] = "Tuyến đường do phường quản lý." },
        ["TicketResolve"] = new JsonObject { ["result"] = "Đã nạo vét cống, nước đã rút. Đội vệ sinh kiểm tra lại ngày 26/11." },
        ["TicketReopen"] = new JsonObject { ["reason"] = "Người dân báo cống lại bị tắc." },
        ["TicketReply"] = new JsonObject { ["text"] = "Chiều nay đội vệ sinh môi trường sẽ đến nạo vét cống." },
        ["TicketNote"] = new JsonObject { ["text"] = "Cần điều xe hút bùn từ công ty môi trường." },
        ["ReceiveZaloEvent"] = JsonNode.Parse("""
            {"app_id":"1234567890","user_id_by_app":"5500000000000000001","event_name":"user_send_text","timestamp":"1795500000000",
             "sender":{"id":"2400000000000000001"},"recipient":{"id":"4300000000000000001"},
             "message":{"text":"Đường Lý Thái Tổ ngập sâu","msg_id":"a1b2c3d4e5"}}
            """)!,
    };

    public static OpenApiOptions AddExamples(this OpenApiOptions options)
    {
        options.AddOperationTransformer((operation, context, _) =>
        {
            var name = context.Description.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName;
            if (name is not null && RequestExamples.TryGetValue(name, out var example) &&
                operation.RequestBody?.Content?.TryGetValue("application/json", out var media) == true)
            {
                media.Example = example.DeepClone();
            }
            return Task.CompletedTask;
        });
        return options;
    }
}
