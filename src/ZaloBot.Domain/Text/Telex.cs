using System.Text;

namespace ZaloBot.Domain.Text;

/// <summary>
/// Telex keystrokes left in words when a phone's Vietnamese keyboard is off ("kinh bawcs" for "kinh bắc", "dduwowngf"
/// for "đường"): undone to the plain letters, as a word typed without marks reads. Only a fallback where nothing else
/// matched — "ads" and "bus" are words of their own.
/// </summary>
public static class Telex
{
    /// <summary><paramref name="normalized"/> (lower case, no marks) with each word's Telex keystrokes taken out.</summary>
    public static string Undo(string normalized) =>
        string.Join(' ', normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(UndoWord));

    private static string UndoWord(string word)
    {
        if (word.Length < 2 || !word.All(char.IsAsciiLetterLower)) return word;
        var plain = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            var last = plain.Length > 0 ? plain[^1] : '\0';
            // "aw", "ow", "uw": the breve and the horn; "aa", "ee", "oo", "dd": the circumflex and the stroke.
            if (c == 'w' && last is 'a' or 'o' or 'u') continue;
            if (c == 'w') { plain.Append('u'); continue; }
            if (c == last && c is 'a' or 'e' or 'o' or 'd') continue;
            plain.Append(c);
        }
        // A tone key closes the word: no Vietnamese syllable ends in s, f, r, x or j.
        if (plain.Length > 2 && plain[^1] is 's' or 'f' or 'r' or 'x' or 'j') plain.Length--;
        return plain.ToString();
    }
}
