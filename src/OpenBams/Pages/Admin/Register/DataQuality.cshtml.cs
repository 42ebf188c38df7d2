using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenBams.Platform.Data;
using OpenBams.Platform.Export;
using OpenBams.Platform.Identity;
using OpenBams.Platform.Localization;
using OpenBams.Registry;

namespace OpenBams.Pages.Admin.Register;

/// <summary>The defects of the 2005 list, visible to administrators (digest-C §4), each row linked to its correction form.</summary>
[Authorize(Policy = IdentitySetup.Administrator)]
public sealed class DataQualityModel(AppDb db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public DataDefect? Defect { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public DataQualitySummary Summary { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Summary = await DataQuality.PageAsync(db, Defect, PageNumber, PageSize, ct);

    /// <summary>GET ?handler=Csv: every row with a defect (or with the chosen one) as CSV.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"{FileName}.csv\"";
        await Csv.WriteAsync(Response.Body, Header, RowsAsync(ct).Select(r => (IReadOnlyList<string?>)Row(r)
            .Select(v => v is null ? null : Convert.ToString(v, CultureInfo.InvariantCulture)).ToList()), ct);
        return new EmptyResult();
    }

    /// <summary>GET ?handler=Xlsx: the same rows as XLSX.</summary>
    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        Response.ContentType = Xlsx.ContentType;
        Response.Headers.ContentDisposition = $"attachment; filename=\"{FileName}.xlsx\"";
        await Xlsx.WriteAsync(Response.Body, RegistryTexts.DataQuality, Header, RowsAsync(ct).Select(r => (IReadOnlyList<object?>)Row(r)), ct);
        return new EmptyResult();
    }

    private string FileName => Defect is null ? "data-quality" : $"data-quality-{Defect}";

    private static string[] Header =>
    [
        "id", RegistryTexts.Name, RegistryTexts.NameAsPrinted, RegistryTexts.Region, RegistryTexts.District, RegistryTexts.ListNumber,
        RegistryTexts.ListNumber + " (" + RegisterAdminTexts.Printed + ")", RegisterAdminTexts.Defect, RegisterAdminTexts.Notes, RegisterAdminTexts.SourceLines,
    ];

    private static object?[] Row(DataQualityRow r) =>
    [
        r.Id, r.Name, r.NameAsPrinted, r.Region, r.District, r.ListNumber, r.ListNumberPrinted,
        string.Join("; ", r.Defects.Select(d => RegistryTexts.DefectName(d).ToString())), r.Notes, r.SourceLines,
    ];

    /// <summary>Every matching row, read page by page through the same query the page uses.</summary>
    private async IAsyncEnumerable<DataQualityRow> RowsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        for (var page = 1; ; page++)
        {
            var s = await DataQuality.PageAsync(db, Defect, page, 500, ct);
            foreach (var r in s.Rows.Items) yield return r;
            if (page >= s.Rows.Pages) yield break;
        }
    }

    public string Link(DataDefect? defect, int? page = null, string? handler = null)
    {
        var q = new Dictionary<string, string?> { ["handler"] = handler, ["Defect"] = defect?.ToString(), ["page"] = page?.ToString() };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/Admin/Register/DataQuality", q.Where(kv => !string.IsNullOrEmpty(kv.Value))!);
    }
}
