using System.Globalization;
using OpenBams.Law;
using OpenBams.Platform.Localization;

namespace OpenBams.Platform.Export;

/// <summary>
/// A list as a CSV or XLSX download, streamed to the response: the one writer of the council, taxes and tax-service exports.
/// Cells read the same in both: dates dd.MM.yyyy, moments in Baku time, yes/no in the request's language, money as a number.
/// </summary>
public static class ExportResponse
{
    public static Task WriteAsync(HttpContext http, string file, string sheet, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows, bool xlsx) =>
        WriteAsync(http, file, sheet, header, rows.ToAsyncEnumerable(), xlsx);

    /// <summary>Streams rows as they come (a large list is never held in memory); XLSX cuts the sheet name to its 31 characters.</summary>
    public static async Task WriteAsync(HttpContext http, string file, string sheet, IReadOnlyList<string> header, IAsyncEnumerable<IReadOnlyList<object?>> rows, bool xlsx)
    {
        if (xlsx)
        {
            http.Response.ContentType = Xlsx.ContentType;
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{file}.xlsx\"";
            await Xlsx.WriteAsync(http.Response.Body, sheet, header, rows.Select(r => (IReadOnlyList<object?>)r.Select(XlsxCell).ToList()), http.RequestAborted);
        }
        else
        {
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{file}.csv\"";
            await Csv.WriteAsync(http.Response.Body, header, rows.Select(r => (IReadOnlyList<string?>)r.Select(CsvCell).ToList()), http.RequestAborted);
        }
    }

    // XLSX keeps numbers (and DateOnly, which Xlsx writes dd.MM.yyyy) typed; the rest becomes the text CSV shows.
    private static object? XlsxCell(object? v) => v switch
    {
        Money m => Normal(m.Amount),
        DateTime or bool => CsvCell(v),
        _ => v,
    };

    private static string? CsvCell(object? v) => v switch
    {
        null => null,
        Money m => m.ToString(),
        DateOnly d => Fmt.Date(d),
        DateTime t => Fmt.DateTime(t),
        bool b => (string)(b ? T.Yes : T.No),
        _ => Convert.ToString(v, CultureInfo.InvariantCulture),
    };

    /// <summary>Without trailing zeros (55.0 → 55): a sum of amounts keeps the widest scale of its terms.</summary>
    private static decimal Normal(decimal d) => d / 1.000000000000000000000000000000000m;
}
