namespace ZaloBot.Storage;

public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        TicketStatusTypeHandler.Register();
        services.AddOptions<StorageOptions>()
            .Configure(o =>
            {
                o.ConnectionString = configuration.GetConnectionString("Postgres");
                configuration.GetSection("Storage").Bind(o);
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();

        services.AddSingleton<DatabaseCommandCounter>();
        services.AddSingleton(sp =>
        {
            // Listening before the first command, so every round trip is counted.
            sp.GetRequiredService<DatabaseCommandCounter>();
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var builder = new NpgsqlDataSourceBuilder(options.ConnectionString);
            if (!new System.Data.Common.DbConnectionStringBuilder { ConnectionString = options.ConnectionString }.ContainsKey("Max Auto Prepare"))
                builder.ConnectionStringBuilder.MaxAutoPrepare = options.MaxAutoPrepare;
            builder.UseLoggerFactory(sp.GetRequiredService<ILoggerFactory>());
            return builder.Build();
        });

        services.AddSingleton<MigrationState>();
        services.AddSingleton<DatabaseMigrator>();
        services.AddHostedService<MigrationHostedService>();
        return services;
    }
}
