using System.Globalization;
using System.Text;
using OpenBams.Law;
using OpenBams.Law.Taxes;
using OpenBams.Platform.Localization;

namespace OpenBams.Taxes;

/// <summary>
/// The bank statement CSV format (docs/payments.md): a header row naming the columns, then one payment a line. The delimiter
/// is taken from the header (";" — the usual one where the decimal mark is a comma —, "," or a tab); fields may be quoted as
/// in RFC 4180 but a line never spans two physical lines, so line numbers in the report are the file's own.
/// </summary>
public static class StatementFormat
{
    public const string Bank = "bank";
    public const string LineId = "line_id";
    public const string ValueDate = "value_date";
    public const string Amount = "amount";
    public const string Currency = "currency";
    public const string Reference = "reference";
    public const string PayerId = "payer_id";
    public const string PayerName = "payer_name";
    public const string Channel = "channel";

    public static readonly string[] Required = [Bank, LineId, ValueDate, Amount, Currency, Reference, Channel];
    public static readonly string[] Columns = [Bank, LineId, ValueDate, Amount, Currency, Reference, PayerId, PayerName, Channel];

    /// <summary>The prefix of a voluntary one-time payment to a project (LTP 3.3(b), 9.2): "VP-&lt;projectId&gt;".</summary>
    public const string ProjectPrefix = "VP-";

    /// <summary>The column positions of a header, or the missing required columns.</summary>
    public sealed record Header(char Delimiter, int[] Index)
    {
        public int this[string column] => Index[Array.IndexOf(Columns, column)];
    }

    public static (Header? Header, IReadOnlyList<string> Missing) ReadHeader(string line)
    {
        var delimiter = line.Contains(';') ? ';' : line.Contains('\t') ? '\t' : ',';
        var fields = new List<string>();
        Split(line, delimiter, fields);
        var names = fields.Select(f => f.Trim().Trim('\uFEFF').ToLowerInvariant()).ToList();
        var index = Columns.Select(c => names.IndexOf(c)).ToArray();
        var missing = Required.Where(c => index[Array.IndexOf(Columns, c)] < 0).ToList();
        return (missing.Count == 0 ? new Header(delimiter, index) : null, missing);
    }

    /// <summary>Splits one line into its fields (RFC 4180 quotes within the line); false when a quote is not closed.</summary>
    public static bool Split(string line, char delimiter, List<string> fields)
    {
        fields.Clear();
        var i = 0;
        StringBuilder? sb = null;
        while (true)
        {
            if (i < line.Length && line[i] == '"')
            {
                sb ??= new StringBuilder();
                sb.Clear();
                i++;
                while (true)
                {
                    if (i >= line.Length) return false;
                    var c = line[i++];
                    if (c != '"') { sb.Append(c); continue; }
                    if (i < line.Length && line[i] == '"') { sb.Append('"'); i++; continue; }
                    break;
                }
                fields.Add(sb.ToString());
                while (i < line.Length && line[i] != delimiter) i++;
            }
            else
            {
                var j = line.IndexOf(delimiter, i);
                if (j < 0) j = line.Length;
                fields.Add(line.Substring(i, j - i));
                i = j;
            }
            if (i >= line.Length) return true;
            i++;
            if (i == line.Length) { fields.Add(""); return true; }
        }
    }

    /// <summary>What a reference field names: a payment notice (by its 18-digit reference) or a voluntary project.</summary>
    public readonly record struct Target(string Reference, PaymentReference? Notice, int? ProjectId);

    /// <summary>Reads a reference as printed on a notice, or "VP-&lt;projectId&gt;"; the error says what is wrong in both languages.</summary>
    public static bool TryTarget(string? text, out Target target, out Text? error)
    {
        target = default;
        var s = (text ?? "").Trim();
        if (s.StartsWith(ProjectPrefix, StringComparison.OrdinalIgnoreCase))
        {
            if (int.TryParse(s.AsSpan(ProjectPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var project) && project > 0)
            {
                target = new Target(ProjectPrefix + project.ToString(CultureInfo.InvariantCulture), null, project);
                error = null;
                return true;
            }
            error = new Text("Layihə istinadı «VP-» və layihənin nömrəsidir, məs. VP-12", "A project reference is \"VP-\" and the project's number, e.g. VP-12");
            return false;
        }
        var digits = new string(s.Where(c => c is not (' ' or '-')).ToArray());
        if (PaymentReference.TryParse(s, out var reference, out _))
        {
            target = new Target(reference.Value, reference, null);
            error = null;
            return true;
        }
        error = digits.Length == 0 ? new Text("Ödəniş istinadı boşdur", "The payment reference is empty")
            : !digits.All(char.IsAsciiDigit) ? new Text("Ödəniş istinadı yalnız rəqəmlərdən ibarətdir (və ya VP-<layihə>)", "A payment reference has digits only (or VP-<project>)")
            : digits.Length != PaymentReference.Length ? new Text($"Ödəniş istinadı {PaymentReference.Length} rəqəmdir; bunda {digits.Length} rəqəm var",
                $"A payment reference has {PaymentReference.Length} digits; this one has {digits.Length}")
            : IsCheckError(digits) ? new Text("Yoxlama rəqəmləri uyğun gəlmir: istinad səhv yazılıb", "The check digits do not match: the reference is mistyped")
            : new Text("İstinad heç bir bələdiyyəni və ya bildirişi göstərmir", "The reference names no municipality or notice");
        return false;
    }

    private static bool IsCheckError(string digits)
    {
        PaymentReference.TryParse(digits, out _, out var e);
        return e is not null && e.Contains("check digits", StringComparison.Ordinal);
    }

    public static bool TryDate(string? s, out DateOnly d) =>
        DateOnly.TryParseExact(s?.Trim(), ["yyyy-MM-dd", "dd.MM.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out d);

    /// <summary>A bank code: letters, digits, ".", "_" and "-" (it is part of the line's unique key "bank:&lt;bank&gt;:&lt;line&gt;").</summary>
    public static bool IsBankCode(string s) => s.Length is > 0 and <= 50 && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    /// <summary>A line id: up to 100 printable characters without spaces.</summary>
    public static bool IsLineId(string s) => s.Length is > 0 and <= 100 && s.All(c => c > ' ' && c != '\u007F');

    /// <summary>The unique key of a statement line: the same line is never booked twice, across files and after a crash.</summary>
    public static string ExternalId(string bank, string lineId) => $"bank:{bank}:{lineId}";

    /// <summary>A 64-bit hash of a line's key, to find a line id repeated inside one file without keeping every id in memory.</summary>
    public static ulong KeyHash(string bank, string lineId)
    {
        var h = 14695981039346656037UL;
        foreach (var c in bank) h = (h ^ c) * 1099511628211UL;
        h = (h ^ 1) * 1099511628211UL;
        foreach (var c in lineId) h = (h ^ c) * 1099511628211UL;
        // splitmix64 finaliser: spreads the FNV bits.
        h ^= h >> 30; h *= 0xbf58476d1ce4e5b9UL;
        h ^= h >> 27; h *= 0x94d049bb133111ebUL;
        return h ^ (h >> 31);
    }

    /// <summary>Reads the payer's FIN (7 characters) or VÖEN (10 digits); null when empty.</summary>
    public static bool TryPayerId(string? s, out string? id)
    {
        id = null;
        if (string.IsNullOrWhiteSpace(s)) return true;
        var t = s.Trim();
        if (t.Length == TaxId.Length && TaxId.TryParse(t, out var voen, out _)) { id = voen.Value; return true; }
        if (PersonalId.TryParse(t, out var fin, out _)) { id = fin.Value; return true; }
        return false;
    }

    /// <summary>Issue messages are stored in both languages, "az\nen", and shown in the reader's.</summary>
    public static string Pack(Text t) => t.Az + "\n" + t.En;

    public static string Unpack(string stored, string? lang = null)
    {
        var i = stored.IndexOf('\n');
        if (i < 0) return stored;
        return (lang ?? Text.Lang) == "en" ? stored[(i + 1)..] : stored[..i];
    }
}
