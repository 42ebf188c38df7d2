using System.Text.RegularExpressions;

namespace OpenBams.Law;

/// <summary>
/// A citation of one article (or part of an article) of one act: <c>SL 16.1</c>, <c>EC 210.2.3</c>,
/// <c>LML 18.13</c>, <c>Const. 145</c>, <c>TAX-REG 5.2</c>.
/// </summary>
/// <remarks>
/// The act is a short code (see <see cref="Acts"/>). Known codes are matched case-insensitively and
/// written in their canonical spelling ("sl" becomes "SL", "Const" becomes "Const."); an unknown code is
/// accepted only in capitals (digests also cite decrees such as "D162"), so that stray words are refused.
/// The article starts with a digit and is made of parts separated by '.' or '-': "15.2-4", "52-2.3", "145.II".
/// </remarks>
public readonly partial record struct LegalReference
{
    /// <summary>Builds a reference, validating and canonicalising both parts.</summary>
    /// <exception cref="ArgumentException">The act or the article is not well formed.</exception>
    public LegalReference(string Act, string Article)
    {
        if (!TryNormalise(Act, Article, out var act, out var article, out var error))
            throw new ArgumentException(error, Act is null || !IsAct(Act) ? nameof(Act) : nameof(Article));
        this.Act = act;
        this.Article = article;
    }

    /// <summary>The act's code, e.g. "SL".</summary>
    public string Act { get; }

    /// <summary>The article inside the act, e.g. "16.1".</summary>
    public string Article { get; }

    /// <summary>Deconstructs into act and article.</summary>
    public void Deconstruct(out string act, out string article)
    {
        act = Act;
        article = Article;
    }

    /// <summary>Parses "SL 16.1"-style text.</summary>
    /// <exception cref="FormatException">The text is not a citation.</exception>
    public static LegalReference Parse(string s)
    {
        if (TryParse(s, out var reference)) return reference;
        throw new FormatException($"'{s}' is not a legal reference; expected an act code and an article, e.g. \"SL 16.1\" or \"EC 210.2\".");
    }

    /// <summary>Parses "SL 16.1"-style text without throwing.</summary>
    public static bool TryParse(string? s, out LegalReference reference)
    {
        reference = default;
        if (string.IsNullOrWhiteSpace(s)) return false;
        var m = Whole().Match(s.Trim());
        if (!m.Success) return false;
        if (!TryNormalise(m.Groups["act"].Value, m.Groups["art"].Value, out var act, out var article, out _)) return false;
        reference = new LegalReference(act, article);
        return true;
    }

    /// <summary>"SL 16.1".</summary>
    public override string ToString() => Act is null ? string.Empty : $"{Act} {Article}";

    private static bool TryNormalise(string? act, string? article, out string canonicalAct, out string canonicalArticle, out string error)
    {
        canonicalAct = canonicalArticle = string.Empty;
        act = act?.Trim();
        article = article?.Trim();
        if (string.IsNullOrEmpty(act) || !IsAct(act))
        {
            error = $"'{act}' is not an act code (known codes: {string.Join(", ", Acts.Codes)}; other codes must be written in capitals).";
            return false;
        }
        if (string.IsNullOrEmpty(article) || !ArticlePattern().IsMatch(article))
        {
            error = $"'{article}' is not an article number (it starts with a digit, parts separated by '.' or '-', e.g. \"15.2-4\").";
            return false;
        }
        canonicalAct = Acts.Canonical(act) ?? act;
        canonicalArticle = article;
        error = string.Empty;
        return true;
    }

    private static bool IsAct(string act) =>
        Acts.Canonical(act.Trim()) is not null || UnknownActPattern().IsMatch(act.Trim());

    [GeneratedRegex(@"^(?<act>\S+)\s+(?<art>\S+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Whole();

    [GeneratedRegex(@"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex UnknownActPattern();

    [GeneratedRegex(@"^[0-9][0-9A-Za-z]*([.\-][0-9A-Za-z]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex ArticlePattern();
}

/// <summary>
/// Marks code that implements a legal rule with the article it implements, e.g. <c>[Law("EC 210.2")]</c>.
/// The text is parsed when the attribute is read, so a mistyped citation fails the attribute test.
/// </summary>
[AttributeUsage(AttributeTargets.All, AllowMultiple = true, Inherited = false)]
public sealed class LawAttribute(string reference) : Attribute
{
    /// <summary>The cited article.</summary>
    public LegalReference Reference { get; } = LegalReference.Parse(reference);
}
