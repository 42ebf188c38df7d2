using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenBams.Platform.Data;

namespace OpenBams.Pages.Admin.Audit;

/// <summary>
/// A municipality's own audit log, for its administrator (and the platform administrator). TenantGuard has
/// checked the route's municipality; the administrator check is here; AppDb's query filter hides other rows.
/// </summary>
public sealed class MunicipalityModel(AppDb db) : AuditPageModel(db)
{
    [FromRoute] public int MunicipalityId { get; set; }
    public override int? Scope => MunicipalityId;
    public string MunicipalityName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Db.Tenant.Administers(MunicipalityId)) return Forbid();
        var name = await Db.Municipalities.Where(m => m.Id == MunicipalityId).Select(m => m.Name).FirstOrDefaultAsync(ct);
        if (name is null) return NotFound();
        MunicipalityName = name;
        await LoadAsync(ct);
        return Page();
    }
}
