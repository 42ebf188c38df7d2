using System.Text;

namespace OpenBams.Platform.Export;

/// <summary>RFC 4180 CSV: one reader for shipped data files, one writer for every register's export.</summary>
public static class Csv
{
    public static IEnumerable<string[]> Read(TextReader reader)
    {
        var field = new StringBuilder();
        var row = new List<string>();
        bool quoted = false, any = false;
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            any = true;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"') { field.Append('"'); reader.Read(); }
                    else quoted = false;
                }
                else field.Append(ch);
                continue;
            }
            switch (ch)
            {
                case '"': quoted = true; break;
                case ',': row.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n':
                    row.Add(field.ToString()); field.Clear();
                    yield return row.ToArray();
                    row.Clear(); any = false;
                    break;
                default: field.Append(ch); break;
            }
        }
        if (any) { row.Add(field.ToString()); yield return row.ToArray(); }
    }

    /// <summary>Reads a file with a header row into dictionaries keyed by column name.</summary>
    public static IEnumerable<IReadOnlyDictionary<string, string>> ReadWithHeader(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        string[]? header = null;
        foreach (var row in Read(reader))
        {
            if (header is null) { header = row; continue; }
            if (row.Length == 1 && row[0].Length == 0) continue;
            var d = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++) d[header[i]] = i < row.Length ? row[i] : "";
            yield return d;
        }
    }

    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        // A leading =,+,-,@ would run as a formula in a spreadsheet: neutralise it.
        if (value[0] is '=' or '+' or '-' or '@') value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    /// <summary>Writes UTF-8 with a BOM so that spreadsheet programs read Azerbaijani letters right.</summary>
    public static async Task WriteAsync(Stream output, IReadOnlyList<string> header, IAsyncEnumerable<IReadOnlyList<string?>> rows, CancellationToken ct = default)
    {
        await using var w = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        await w.WriteAsync(string.Join(",", header.Select(Escape)) + "\r\n");
        await foreach (var row in rows.WithCancellation(ct))
            await w.WriteAsync(string.Join(",", row.Select(Escape)) + "\r\n");
        await w.FlushAsync(ct);
    }
}
