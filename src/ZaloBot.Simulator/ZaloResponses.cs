using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ZaloBot.Simulator;

/// <summary>Zalo answers almost everything with HTTP 200 and an envelope whose "error" field says what happened.</summary>
internal static class ZaloResponses
{
    public static IResult Ok(JsonNode data) =>
        Results.Json(new JsonObject { ["error"] = 0, ["message"] = "Success", ["data"] = data });

    public static IResult Error(int code, string message) =>
        Results.Json(new JsonObject { ["error"] = code, ["message"] = message });

    public static IResult ForFault(Fault fault) => fault.Kind switch
    {
        FaultKind.ZaloError => Error(fault.Code ?? -999, "Simulated error"),
        FaultKind.ServerError => Results.StatusCode(StatusCodes.Status500InternalServerError),
        FaultKind.TokenExpired => Error(-216, "Access token is invalid"),
        FaultKind.RateLimited => Error(-32, "Exceeded the rate limit"),
        FaultKind.OutsideWindow => Error(-213, "User has not interacted with the OA in the last 7 days"),
        FaultKind.NightTime => Error(-234, "Messages are not sent at night"),
        _ => Results.StatusCode(StatusCodes.Status500InternalServerError),
    };
}
