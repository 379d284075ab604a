using ZaloBot.Outbox;

namespace ZaloBot.Tickets;

public static class TicketServiceCollectionExtensions
{
    public static IServiceCollection AddTickets(this IServiceCollection services)
    {
        services.AddSingleton<TicketService>();
        services.AddSingleton<ITicketReachability, TicketReachability>();
        return services;
    }
}
