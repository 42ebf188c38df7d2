using OpenBams.Platform.Export;

namespace OpenBams.Taxes;

/// <summary>
/// Only a forward to <see cref="ExportResponse"/>, the one export writer, for LocalPaymentsApi's returns and projects lists:
/// that file is being edited on another branch this session, so its two calls move (and this file goes) after the merge.
/// </summary>
public static class TaxExport
{
    public static async Task<IResult> WriteAsync(HttpContext http, string name, string title, IReadOnlyList<string> header,
        IAsyncEnumerable<object?[]> rows, bool xlsx)
    {
        await ExportResponse.WriteAsync(http, name, title, header, rows, xlsx);
        return Results.Empty;
    }

    public static IAsyncEnumerable<object?[]> Rows<T>(IEnumerable<T> items, Func<T, object?[]> row) => items.Select(row).ToAsyncEnumerable();
}
