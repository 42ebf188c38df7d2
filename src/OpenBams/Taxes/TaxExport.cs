using System.Globalization;
using OpenBams.Platform.Export;
using OpenBams.Platform.Localization;

namespace OpenBams.Taxes;

/// <summary>CSV or XLSX of a taxes list, streamed, with dates as dd.MM.yyyy (the rates, reliefs, returns and projects lists).</summary>
public static class TaxExport
{
    public static async Task<IResult> WriteAsync(HttpContext http, string name, string title, IReadOnlyList<string> header,
        IAsyncEnumerable<object?[]> rows, bool xlsx)
    {
        if (xlsx)
        {
            http.Response.ContentType = Xlsx.ContentType;
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}.xlsx\"";
            await Xlsx.WriteAsync(http.Response.Body, title, header, rows.Select(r => (IReadOnlyList<object?>)r.Select(Cell).ToList()), http.RequestAborted);
        }
        else
        {
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}.csv\"";
            await Csv.WriteAsync(http.Response.Body, header, rows.Select(r => (IReadOnlyList<string?>)r.Select(v => Convert.ToString(Cell(v), CultureInfo.InvariantCulture)).ToList()), http.RequestAborted);
        }
        return Results.Empty;
    }

    private static object? Cell(object? v) => v switch
    {
        DateOnly d => Fmt.Date(d),
        DateTime t => Fmt.DateTime(t),
        Enum e => e.ToString(),
        bool b => b ? T.Yes.ToString() : T.No.ToString(),
        _ => v,
    };

    public static async IAsyncEnumerable<object?[]> Rows<T>(IEnumerable<T> items, Func<T, object?[]> row)
    {
        foreach (var i in items) yield return row(i);
        await Task.CompletedTask;
    }
}
