using Microsoft.Extensions.Options;

namespace ZaloBot.Evidence;

/// <summary>
/// Citizens' photos must not live among the program's files: outside Development, a local store inside the content
/// root or the application's own folder (a source checkout under <c>dotnet run</c>, or the published files) is refused
/// at start, naming the setting — the way a missing public address is.
/// </summary>
internal sealed class EvidencePathValidator(IHostEnvironment? environment) : IValidateOptions<EvidenceOptions>
{
    public ValidateOptionsResult Validate(string? name, EvidenceOptions options)
    {
        if (environment is null || environment.IsDevelopment() || options.Storage != EvidenceStorageKind.Local || string.IsNullOrWhiteSpace(options.LocalPath))
            return ValidateOptionsResult.Success;
        var store = Resolve(environment.ContentRootPath, options.LocalPath);
        foreach (var folder in new[] { environment.ContentRootPath, AppContext.BaseDirectory })
        {
            if (IsInside(store, Path.GetFullPath(folder)))
                return ValidateOptionsResult.Fail(
                    $"Evidence:LocalPath '{options.LocalPath}' is {store}, inside the application's folder {Path.GetFullPath(folder)}: citizens' photos and files " +
                    "would be kept with the program (and in a source checkout, beside the code). Set Evidence:LocalPath to a persistent directory outside it " +
                    "(e.g. /var/lib/zalobot/evidence), or Evidence:Storage to S3.");
        }
        return ValidateOptionsResult.Success;
    }

    /// <summary>The store's directory: a relative path is under the content root, as the store itself resolves it.</summary>
    public static string Resolve(string contentRoot, string localPath) =>
        Path.GetFullPath(Path.IsPathRooted(localPath) ? localPath : Path.Combine(contentRoot, localPath));

    private static bool IsInside(string path, string folder)
    {
        var root = Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar;
        return (Path.TrimEndingDirectorySeparator(path) + Path.DirectorySeparatorChar).StartsWith(root, StringComparison.Ordinal);
    }
}
