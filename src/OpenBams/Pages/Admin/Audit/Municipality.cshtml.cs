using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenBams.Platform.Data;

namespace OpenBams.Pages.Admin.Audit;

/// <summary>A municipality's own audit log; TenantGuard and the administrator check keep other municipalities out.</summary>
public sealed class MunicipalityModel(AppDb db) : AuditPageModel(db)
{
    public string MunicipalityName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int municipalityId, CancellationToken ct)
    {
        if (!Db.Tenant.Administers(municipalityId)) return Forbid();
        MunicipalityName = await Db.Municipalities.Where(m => m.Id == municipalityId).Select(m => m.Name).FirstOrDefaultAsync(ct) ?? "";
        await LoadAsync(municipalityId, ct);
        return Page();
    }
}
