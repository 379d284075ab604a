namespace ZaloBot.Domain.Tickets;

/// <summary>
/// Reading back a value that is stored by a name of its own (a status, a role): the value whose name matches, so the
/// one mapping (<c>ToName</c>) serves both ways and no second list of names can drift from it.
/// </summary>
public static class StoredNames
{
    public static bool TryParse<T>(string? name, Func<T, string> toName, out T value) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (toName(candidate) == name)
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }
}
