using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using OpenBams.Platform.Audit;
using OpenBams.Platform.Data;
using OpenBams.Platform.Localization;
using OpenBams.Registry;

namespace OpenBams.Pages.Admin.Audit;

/// <summary>Shared by the national audit page and a municipality's audit page.</summary>
public abstract class AuditPageModel(AppDb db) : PageModel
{
    protected AppDb Db => db;
    [BindProperty(SupportsGet = true)] public AuditQuery Q { get; set; } = new();
    public Paged<AuditRow>? Result { get; private set; }
    public Text? Error { get; private set; }
    public virtual string? ExportBase => null;

    protected async Task LoadAsync(int? municipalityId, CancellationToken ct)
    {
        var (page, error) = await AuditApi.PageAsync(db, Q, municipalityId, ct);
        if (error is not null)
        {
            Error = new Text("Filtrdəki tarix gg.aa.iiii formatında olmalıdır", "Dates in the filter must be dd.MM.yyyy");
            Q.From = Q.To = null;
            (page, _) = await AuditApi.PageAsync(db, Q, municipalityId, ct);
        }
        Result = page;
    }

    public string PageLink(int page)
    {
        var query = Request.Query.ToDictionary(kv => kv.Key, kv => (string?)kv.Value.ToString());
        query["Page"] = page.ToString();
        return QueryHelpers.AddQueryString(Request.Path, query);
    }
}
