using System.Text.Json;
using Microsoft.Extensions.Options;
using ZaloBot.Domain.Understanding;
using ZaloBot.IntentModel;

namespace ZaloBot.Understanding;

/// <summary>
/// The understander the engine gets: the built-in phrase table with the operator's file laid over it, and the trained
/// model's second opinion on a message's intent unless <see cref="UnderstandingOptions.UseModel"/> is off (where the
/// operator's phrases change the intent the built-in table reads, they decide). The file is
/// checked for changes at most every <see cref="UnderstandingOptions.ReloadCheckInterval"/>, so operators add phrases
/// without a restart; a file that no longer parses keeps the last good table and is logged.
/// </summary>
public sealed class PhraseTableProvider(IOptions<UnderstandingOptions> options, TimeProvider time, ILogger<PhraseTableProvider> logger)
{
    private readonly Lock _gate = new();
    private Understander? _current;
    private DateTime _fileWrittenAt;
    private DateTimeOffset _checkedAt;

    public Understander Current
    {
        get
        {
            var now = time.GetUtcNow();
            if (_current is { } current && now - _checkedAt < options.Value.ReloadCheckInterval) return current;
            lock (_gate)
            {
                if (_current is { } fresh && now - _checkedAt < options.Value.ReloadCheckInterval) return fresh;
                _checkedAt = now;
                try
                {
                    Reload();
                }
                catch (Exception ex) when (_current is not null && ex is JsonException or IOException)
                {
                    logger.LogError(ex, "The phrase file {File} could not be read; the previous phrases stay in use", options.Value.PhrasesFile);
                }
                return _current!;
            }
        }
    }

    private void Reload()
    {
        var file = options.Value.PhrasesFile;
        if (string.IsNullOrWhiteSpace(file))
        {
            _current ??= WithModel(Understander.Default);
            return;
        }
        var writtenAt = File.GetLastWriteTimeUtc(file);
        if (_current is not null && writtenAt == _fileWrittenAt) return;
        if (!File.Exists(file)) throw new FileNotFoundException($"Understanding:PhrasesFile {file} does not exist.", file);
        var table = PhraseTable.BuiltIn().Merge(PhraseTable.Parse(File.ReadAllText(file)));
        _current = options.Value.UseModel ? new Understander(table).AsShippedOver(Understander.Default) : new Understander(table);
        _fileWrittenAt = writtenAt;
        logger.LogInformation("Phrases loaded from {File}", file);
    }

    private Understander WithModel(Understander phrases) =>
        options.Value.UseModel ? phrases.AsShipped() : phrases;
}
