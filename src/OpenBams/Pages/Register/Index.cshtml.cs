using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenBams.Platform.Data;
using OpenBams.Registry;

namespace OpenBams.Pages.Register;

[AllowAnonymous]
public sealed class IndexModel(AppDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? RegionId { get; set; }
    [BindProperty(SupportsGet = true)] public int? DistrictId { get; set; }
    [BindProperty(SupportsGet = true)] public MunicipalityKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public MunicipalityStatus? Status { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1; // not BindProperty: the route value "page" (/Register/Index) would win
    [BindProperty(SupportsGet = true)] public int PageSize { get; set; } = 50;

    public Paged<MunicipalityRow> Result { get; private set; } = null!;
    public List<RegionView> Regions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Regions = await RegistryApi.RegionsAsync(db, ct);
        Result = await RegisterSearch.PageAsync(db, Query(), ct);
    }

    public RegisterQuery Query() => new(Q, RegionId, DistrictId, Kind, Status, PageNumber, PageSize);

    /// <summary>Query string of the current filters, for the paging and export links.</summary>
    public string Link(string path, int? page = null)
    {
        var p = new Dictionary<string, string?>
        {
            ["q"] = Q, ["regionId"] = RegionId?.ToString(), ["districtId"] = DistrictId?.ToString(),
            ["kind"] = Kind?.ToString(), ["status"] = Status?.ToString(), ["page"] = page?.ToString(),
            ["pageSize"] = PageSize != 50 ? PageSize.ToString() : null,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(path, p.Where(kv => !string.IsNullOrEmpty(kv.Value))!);
    }
}
