namespace ZaloBot.Storage;

/// <summary>Whether this process has seen the schema fully migrated; readiness and the receiver depend on it.</summary>
public sealed class MigrationState
{
    private volatile bool _applied;

    public bool IsApplied => _applied;

    public void MarkApplied() => _applied = true;
}
