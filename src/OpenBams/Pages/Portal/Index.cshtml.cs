using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;
using OpenBams.Budget;
using OpenBams.Platform;
using OpenBams.Platform.Data;

namespace OpenBams.Pages.Portal;

/// <summary>The country: approved budgets against execution, by class, month and region (totals only; the list is on Compare).</summary>
public sealed class IndexModel(AppDb db, IMemoryCache cache, TimeProvider time) : PortalPageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public PortalNational N { get; private set; } = null!;
    public List<global::OpenBams.Budget.Portal.Group> Regions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year ??= Clock.Today(time).Year;
        N = await PortalQueries.NationalAsync(db, cache, Year.Value, ct);
        Regions = global::OpenBams.Budget.Portal.ByRegion(N.Rows);
    }
}
