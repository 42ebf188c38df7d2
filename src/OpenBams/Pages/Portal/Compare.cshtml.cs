using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using OpenBams.Budget;
using OpenBams.Platform;
using OpenBams.Platform.Data;
using OpenBams.Registry;

namespace OpenBams.Pages.Portal;

/// <summary>Municipalities side by side, per resident (population from the registry), filtered by region and kind, sorted and paged.</summary>
public sealed class CompareModel(AppDb db, IMemoryCache cache, TimeProvider time) : PortalPageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public int? Region { get; set; }
    [BindProperty(SupportsGet = true)] public MunicipalityKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public const int PageSize = 50;
    public int Total { get; private set; }
    public List<PortalMunicipalityRow> Rows { get; private set; } = [];
    public List<global::OpenBams.Budget.Portal.Group> Kinds { get; private set; } = [];
    public List<(int Id, string Name)> Regions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year ??= Clock.Today(time).Year;
        var n = await PortalQueries.NationalAsync(db, cache, Year.Value, ct);
        Regions = (await db.Regions.AsNoTracking().OrderBy(r => r.Name).Select(r => new { r.Id, r.Name }).ToListAsync(ct)).Select(r => (r.Id, r.Name)).ToList();
        var rows = global::OpenBams.Budget.Portal.Filter(n.Rows, Region, Kind).ToList();
        Kinds = global::OpenBams.Budget.Portal.ByKind(rows);
        rows = (Sort switch
        {
            "revenue" => rows.OrderByDescending(r => r.PerResident(r.RevenueQepik) ?? -1),
            "paid" => rows.OrderByDescending(r => r.PerResident(r.PaidQepik) ?? -1),
            "planned" => rows.OrderByDescending(r => r.PerResident(r.PlannedExpenditureQepik) ?? -1),
            _ => rows.OrderByDescending(r => r.HasBudget).ThenBy(r => r.Name, StringComparer.Ordinal),
        }).ToList();
        Total = rows.Count;
        PageNumber = Math.Max(1, PageNumber);
        Rows = rows.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
    }

    public string Link(int page, string? sort = null) => $"/Portal/Compare?year={Year}&region={Region}&kind={Kind}&sort={sort ?? Sort}&p={page}";
}
