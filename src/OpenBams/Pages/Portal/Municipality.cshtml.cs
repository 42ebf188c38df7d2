using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;
using OpenBams.Budget;
using OpenBams.Platform;
using OpenBams.Platform.Data;
using OpenBams.Platform.Localization;

namespace OpenBams.Pages.Portal;

/// <summary>One municipality's public budget for a year: plan against execution, every expenditure, tax collection in aggregate.</summary>
public sealed class MunicipalityModel(AppDb db, IMemoryCache cache, TimeProvider time) : PortalPageModel
{
    [BindProperty(SupportsGet = true)] public int MunicipalityId { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public PortalMunicipality P { get; private set; } = null!;
    public PortalExpenditurePage Expenditures { get; private set; } = null!;
    public string Api => $"/api/v1/portal/municipalities/{MunicipalityId}/{P.Year}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var today = Clock.Today(time);
        Year ??= await PortalQueries.DefaultYearAsync(db, MunicipalityId, today.Year, ct);
        if (await PortalQueries.MunicipalityAsync(db, cache, MunicipalityId, Year.Value, today, ct) is not { } p) return NotFound();
        P = p;
        Expenditures = await PortalQueries.ExpendituresAsync(db, MunicipalityId, p.Year, Q, PageNumber, PortalQueries.PageSize, Text.Lang, ct);
        return Page();
    }

    public string PageLink(int page) => $"/Portal/{MunicipalityId}/{P.Year}?q={Uri.EscapeDataString(Q ?? "")}&p={page}#expenditures";
}
