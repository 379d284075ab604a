using ZaloBot.Domain.Conversations;
using ZaloBot.Inbox;

namespace ZaloBot.Conversations;

public static class ConversationServiceCollectionExtensions
{
    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        services.AddOptions<ConversationProcessorOptions>().BindConfiguration(ConversationProcessorOptions.Section)
            .Validate(o => o.MaxAttempts >= 1, "Conversations:MaxAttempts must be at least 1.")
            .Validate(o => o.PollInterval > TimeSpan.Zero, "Conversations:PollInterval must be positive.")
            .Validate(o => o.Workers is >= 1 and <= 64, "Conversations:Workers must be between 1 and 64.")
            .Validate(o => o.IdleCheckInterval > TimeSpan.Zero, "Conversations:IdleCheckInterval must be positive.")
            .ValidateOnStart();
        services.AddOptions<ConversationLimits>().BindConfiguration(ConversationProcessorOptions.Section + ":Limits")
            .Validate(l => l.MinDescriptionLength >= 1 && l.MaxDescriptionLength > l.MinDescriptionLength, "Conversations:Limits description lengths are inconsistent.")
            .Validate(l => l.MaxAttachments is >= 0 and <= 20, "Conversations:Limits:MaxAttachments must be between 0 and 20.")
            .Validate(l => l.ReminderAfter > TimeSpan.Zero && l.ExpireAfter > l.ReminderAfter, "Conversations:Limits:ExpireAfter must be longer than ReminderAfter.")
            .ValidateOnStart();

        services.AddSingleton<ChannelIntake>();
        services.AddSingleton<ZaloBot.Calendar.HolidayCalendar>();
        services.AddSingleton<ConversationContextLoader>();
        services.AddSingleton<ConversationTurns>();
        services.AddSingleton<ChatPrivacy>();
        services.AddSingleton<StaffChatHandler>();
        services.AddSingleton<FieldPhotoDesk>();
        services.AddSingleton<IInboxEventHandler, ConversationEventHandler>();
        services.AddSingleton<ConversationIdleTicker>();
        services.AddHostedService(sp => sp.GetRequiredService<ConversationIdleTicker>());
        return services;
    }
}
