using System.Runtime.CompilerServices;

namespace ZaloBot.Tests.Infrastructure;

/// <summary>Tests read tickets through Dapper before or without a service (fixtures, seeds): register the handlers the service registers at start-up.</summary>
internal static class DapperSetup
{
    [ModuleInitializer]
    internal static void Register() => ZaloBot.Storage.TicketStatusTypeHandler.Register();
}
