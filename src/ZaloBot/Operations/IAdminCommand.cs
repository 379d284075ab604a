namespace ZaloBot.Operations;

/// <summary>
/// A command-line command a feature offers (<c>dotnet run --project src/ZaloBot -- staff add …</c>). The feature
/// registers it, so the dispatcher in <see cref="CommandLine"/> finds it in the container and names no feature itself.
/// It runs after the migrations, within a minute.
/// </summary>
public interface IAdminCommand
{
    /// <summary>The first argument that selects it.</summary>
    string Name { get; }

    /// <summary>Its forms in the list of commands, e.g. "staff add|enrol".</summary>
    string Usage { get; }

    Task<int> RunAsync(IServiceProvider services, string[] args, CommandOutput output, CancellationToken cancellationToken);
}
