using System.Globalization;
using OpenBams.Platform.Localization;

namespace OpenBams.Platform.Export;

/// <summary>A register list as a CSV or XLSX download, streamed to the response, dates as dd.MM.yyyy; XLSX allows sheet names of 31 characters.</summary>
public static class ExportResponse
{
    public static async Task WriteAsync(HttpContext http, string file, string sheet, string[] header, List<IReadOnlyList<object?>> rows, bool xlsx)
    {
        if (xlsx)
        {
            http.Response.ContentType = Xlsx.ContentType;
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{file}.xlsx\"";
            await Xlsx.WriteAsync(http.Response.Body, sheet.Length > 31 ? sheet[..31] : sheet, header, rows.ToAsyncEnumerable(), http.RequestAborted);
        }
        else
        {
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{file}.csv\"";
            await Csv.WriteAsync(http.Response.Body, header, rows.Select(r => (IReadOnlyList<string?>)r.Select(v => v switch
            {
                null => null,
                DateOnly d => Fmt.Date(d),
                _ => Convert.ToString(v, CultureInfo.InvariantCulture),
            }).ToList()).ToAsyncEnumerable(), http.RequestAborted);
        }
    }
}
