using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using OpenBams.Platform.Audit;
using OpenBams.Platform.Data;
using OpenBams.Platform.Localization;
using OpenBams.Registry;

namespace OpenBams.Pages.Admin.Audit;

/// <summary>Shared by the national audit page and a municipality's audit page: the filters, the page of entries and the links.</summary>
public abstract class AuditPageModel(AppDb db) : PageModel
{
    protected AppDb Db => db;
    [BindProperty(SupportsGet = true)] public string? Entity { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityId { get; set; }
    [BindProperty(SupportsGet = true)] public string? UserName { get; set; }
    [BindProperty(SupportsGet = true)] public string? Action { get; set; }
    [BindProperty(SupportsGet = true)] public int? MunicipalityFilter { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    // Not BindProperty: the route value "page" (the page's own path) would win over the query string.
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public Paged<AuditRow> Result { get; private set; } = new([], 0, 1, AuditApi.DefaultPageSize);
    public Text? Error { get; private set; }
    public IReadOnlyList<string> EntityNames => AuditApi.EntityNames(db);

    /// <summary>The municipality the page is limited to; null on the national page.</summary>
    public abstract int? Scope { get; }

    /// <summary>Base of the export links (".csv" / ".xlsx" are appended).</summary>
    public string ExportBase => Scope is { } m ? $"/api/v1/municipalities/{m}/audit/export" : "/api/v1/audit/export";

    private AuditQuery Query() => new()
    {
        Entity = Entity, EntityId = EntityId, UserName = UserName, Action = Action,
        MunicipalityId = Scope is null ? MunicipalityFilter : null, From = From, To = To, Page = PageNumber,
    };

    protected async Task LoadAsync(CancellationToken ct)
    {
        var (page, error) = await AuditApi.PageAsync(db, Query(), Scope, ct);
        if (error is not null)
        {
            // Show what the user typed, say what was wrong, and list without the date filter.
            Error = AuditTexts.BadFilterDate;
            var q = Query();
            q.From = q.To = null;
            (page, _) = await AuditApi.PageAsync(db, q, Scope, ct);
        }
        Result = page!;
    }

    private Dictionary<string, string?> Filters() => new()
    {
        ["entity"] = Entity, ["entityId"] = EntityId, ["userName"] = UserName, ["action"] = Action,
        ["municipalityId"] = Scope is null ? MunicipalityFilter?.ToString() : null, ["from"] = From, ["to"] = To,
    };

    /// <summary>The current page's path with the filters and the given page number.</summary>
    public string PageLink(int page)
    {
        var q = Filters();
        q["page"] = page.ToString();
        return QueryHelpers.AddQueryString(Request.Path, q.Where(kv => !string.IsNullOrEmpty(kv.Value))!);
    }

    /// <summary>An export link with the same filters (the API names them in camelCase).</summary>
    public string ExportLink(string extension) =>
        QueryHelpers.AddQueryString(ExportBase + extension, Filters().Where(kv => !string.IsNullOrEmpty(kv.Value))!);

    /// <summary>Where to read the changed record, when it has a page.</summary>
    public static string? RecordLink(AuditRow a) => a.Entity switch
    {
        "Municipality" when int.TryParse(a.EntityId, out var id) => $"/Register/{id}",
        "CalendarDayRecord" => "/Admin/Calendar",
        "LegalParameterRecord" => "/Admin/Parameters",
        _ => null,
    };
}
