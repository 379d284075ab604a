using Microsoft.AspNetCore.Authentication;
using ZaloBot.Operations;

namespace ZaloBot.Staff;

public static class StaffPolicies
{
    public const string Staff = "staff";
    public const string Supervisor = "supervisor";
    public const string Admin = "admin";

    public static IServiceCollection AddStaffAuth(this IServiceCollection services)
    {
        services.AddSingleton<StaffStore>();
        services.AddSingleton<StaffEnrolment>();
        services.AddSingleton<IAdminCommand, StaffCliCommand>();
        services.AddSingleton<StaffReminders>();
        services.AddHostedService(sp => sp.GetRequiredService<StaffReminders>());
        services.AddAuthentication(StaffAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, StaffAuthenticationHandler>(StaffAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Staff, p => p.RequireAuthenticatedUser())
            .AddPolicy(Supervisor, p => p.RequireRole(StaffRole.Supervisor.ToName(), StaffRole.Admin.ToName()))
            .AddPolicy(Admin, p => p.RequireRole(StaffRole.Admin.ToName()));
        return services;
    }
}
