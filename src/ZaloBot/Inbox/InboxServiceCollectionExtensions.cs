namespace ZaloBot.Inbox;

public static class InboxServiceCollectionExtensions
{
    /// <summary>
    /// The pipeline between the receiver and the conversations: the writer the receiver stores events with, the signal
    /// that wakes the processor, and the processor that hands each stored event to the <see cref="IInboxEventHandler"/>
    /// (registered by the conversations). Its options are the Conversations section's, bound by AddConversations.
    /// </summary>
    public static IServiceCollection AddInbox(this IServiceCollection services)
    {
        services.AddSingleton<InboxWriter>();
        services.AddSingleton<ProcessorSignal>();
        services.AddSingleton<InboxProcessor>();
        services.AddHostedService(sp => sp.GetRequiredService<InboxProcessor>());
        return services;
    }
}
