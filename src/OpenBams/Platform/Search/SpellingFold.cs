using System.Text;

namespace OpenBams.Platform.Search;

/// <summary>
/// Folds Azerbaijani (Latin) text and its usual ASCII spellings to one search key, so that
/// "Biləcəri", "Bilecari" and "Bilajari", or "Şəki", "Sheki" and "Shaki", give the same key.
/// Query and stored text are folded the same way, so digraphs are safe to collapse.
/// </summary>
/// <remarks>
/// Classes: ə/a/e/o/ö are one class, because ASCII writers spell ə as "a" or "e" and the 2005 list's
/// OCR confuses ə with o ("Biləcori"); ı/i/y-less i one class; u/ü one; ş=sh=s; ç=ch=c=j (Cəlilabad,
/// Jalilabad); ğ=gh=g=q (Qəbələ, Gabala); x=kh. Double letters collapse (İsmayıllı, Ismayili).
/// It deliberately over-matches a little; results are ranked by how well the unfolded text matches.
/// </remarks>
public static class SpellingFold
{
    // Well-known English exonyms that no letter rule can reach.
    private static readonly (string From, string To)[] Exonyms =
    [
        ("baku", "bakı"), ("sumgait", "sumqayıt"), ("sumgayit", "sumqayıt"), ("nakhichevan", "naxçıvan"),
        ("shusha", "şuşa"), ("shirvan", "şirvan"), ("ali bayramli", "əli bayramlı"),
    ];

    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var s = LowerAz(text.Trim());
        foreach (var (from, to) in Exonyms)
            if (s.Contains(from, StringComparison.Ordinal)) s = s.Replace(from, to, StringComparison.Ordinal);
        s = s.Replace("kh", "x").Replace("sh", "s").Replace("ch", "c").Replace("gh", "g").Replace("zh", "c");
        var sb = new StringBuilder(s.Length);
        char prev = '\0';
        foreach (var ch in s)
        {
            var f = ch switch
            {
                'ə' or 'a' or 'e' or 'o' or 'ö' or 'ä' => 'e',
                'ı' or 'i' or 'î' => 'i',
                'u' or 'ü' => 'u',
                'ş' => 's',
                'ç' or 'c' or 'j' => 'c',
                'ğ' or 'q' or 'g' => 'g',
                'w' => 'v',
                'x' => 'x',
                'đ' => 'd',
                'ħ' => 'h',
                'ķ' or 'k' => 'k',
                '-' or '–' or '_' or '/' or ',' or '.' => ' ',
                _ when char.IsWhiteSpace(ch) => ' ',
                _ when char.IsLetterOrDigit(ch) => ch,
                _ => '\0',
            };
            if (f == '\0' || f == prev) continue;
            sb.Append(f);
            prev = f;
        }
        return sb.ToString().Trim();
    }

    /// <summary>Lower-cases with Azerbaijani rules: I → ı, İ → i.</summary>
    public static string LowerAz(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s)
            sb.Append(ch switch { 'I' => 'ı', 'İ' => 'i', _ => char.ToLowerInvariant(ch) });
        return sb.ToString();
    }
}
