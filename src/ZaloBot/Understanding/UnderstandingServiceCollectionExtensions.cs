using Microsoft.Extensions.Options;

namespace ZaloBot.Understanding;

public static class UnderstandingServiceCollectionExtensions
{
    private static readonly string[] ModelFiles = [IntentModel.IntentClassifier.FileName, IntentModel.IntentClassifier.FlowFileName];

    public static IServiceCollection AddUnderstanding(this IServiceCollection services)
    {
        services.AddOptions<UnderstandingOptions>().BindConfiguration(UnderstandingOptions.Section)
            .Validate(o => string.IsNullOrWhiteSpace(o.PhrasesFile) || File.Exists(o.PhrasesFile),
                "Understanding:PhrasesFile names a file that does not exist.")
            .Validate(o => o.ReloadCheckInterval > TimeSpan.Zero, "Understanding:ReloadCheckInterval must be positive.")
            .Validate(o => o.KeepUnrecognised >= 100, "Understanding:KeepUnrecognised must be at least 100.")
            .Validate(o => !o.UseModel || ModelFiles.All(f => File.Exists(Path.Combine(AppContext.BaseDirectory, f))),
                $"Understanding:UseModel is on but {string.Join(" or ", ModelFiles)} is missing beside the service (the build of ZaloBot.IntentModel trains them from corpus/intents).")
            .ValidateOnStart();
        services.AddSingleton<PhraseTableProvider>();
        services.AddSingleton<UnrecognisedMessages>();
        // Fail fast on a phrase file that does not parse, rather than on the first citizen's message.
        services.AddSingleton<IValidateOptions<UnderstandingOptions>, PhraseFileValidation>();
        return services;
    }

    private sealed class PhraseFileValidation : IValidateOptions<UnderstandingOptions>
    {
        public ValidateOptionsResult Validate(string? name, UnderstandingOptions options)
        {
            if (string.IsNullOrWhiteSpace(options.PhrasesFile) || !File.Exists(options.PhrasesFile)) return ValidateOptionsResult.Success;
            try
            {
                Domain.Understanding.PhraseTable.Parse(File.ReadAllText(options.PhrasesFile));
                return ValidateOptionsResult.Success;
            }
            catch (System.Text.Json.JsonException ex)
            {
                return ValidateOptionsResult.Fail($"Understanding:PhrasesFile {options.PhrasesFile} is not a valid phrase table: {ex.Message}");
            }
        }
    }
}
