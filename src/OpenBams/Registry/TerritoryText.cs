using System.Text.RegularExpressions;

namespace OpenBams.Registry;

/// <summary>
/// Reads the "territorial units covered" column of the list (TLL art. 1 ¶1): "X, Y və Z kəndləri",
/// "Liman şəhəri, Qumbaşı kəndi və Şirinsu qəsəbəsi", "Binəqədi rayonu (aşağıda göstərilən ... çıxmaqla)".
/// OCR spellings of the type words (kondi, qasobəsi, kəndlori) are accepted.
/// </summary>
public static partial class TerritoryText
{
    [GeneratedRegex(@"^(?<names>.+?)\s+(?<type>k[əo]nd([iı]|l[əo]r[iı])|q[əaoe]s[əaoe]b[əaoe](s[iı]|l[əaoe]r[iı])|ş[əo]h[əo]r(i|l[əo]ri)|rayonu)\b(?<rest>.*)$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Segment();

    public static IReadOnlyList<(string Name, TerritorialUnitKind Kind)> Parse(string? text)
    {
        var result = new List<(string, TerritorialUnitKind)>();
        if (string.IsNullOrWhiteSpace(text)) return result;
        var rest = text.Trim();
        // "X rayonu (aşağıda göstərilən bələdiyyələrin əraziləri çıxmaqla)": the district minus the listed municipalities.
        var remainder = Regex.Match(rest, @"^(?<name>.+?)\s+rayonu\s*\(", RegexOptions.CultureInvariant);
        if (remainder.Success)
        {
            result.Add((remainder.Groups["name"].Value.Trim() + " rayonu", TerritorialUnitKind.CityDistrictRemainder));
            return result;
        }
        var guard = 0;
        while (rest.Length > 0 && guard++ < 50)
        {
            var m = Segment().Match(rest);
            if (!m.Success) break;
            var kind = KindOf(m.Groups["type"].Value);
            foreach (var name in SplitNames(m.Groups["names"].Value))
                result.Add((name, kind));
            rest = m.Groups["rest"].Value.TrimStart(' ', ',').Trim();
            if (rest.StartsWith("və ", StringComparison.Ordinal)) rest = rest[3..];
        }
        return result;
    }

    private static TerritorialUnitKind KindOf(string type) => type[0] switch
    {
        'k' => TerritorialUnitKind.Village,
        'q' => TerritorialUnitKind.Settlement,
        'ş' => TerritorialUnitKind.City,
        _ => TerritorialUnitKind.CityDistrictRemainder,
    };

    private static IEnumerable<string> SplitNames(string names) =>
        Regex.Split(names, @",\s*|\s+v[əo]\s+", RegexOptions.CultureInvariant)
            .Select(n => n.Trim().Trim(',', '.'))
            .Where(n => n.Length > 0);
}
