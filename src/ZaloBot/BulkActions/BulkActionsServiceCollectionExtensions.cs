namespace ZaloBot.BulkActions;

public static class BulkActionsServiceCollectionExtensions
{
    public static IServiceCollection AddBulkActions(this IServiceCollection services) => services.AddSingleton<BulkActionService>();
}
