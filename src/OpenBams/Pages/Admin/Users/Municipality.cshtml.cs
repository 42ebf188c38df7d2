using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using OpenBams.Platform.Data;
using OpenBams.Platform.Identity;

namespace OpenBams.Pages.Admin.Users;

/// <summary>A municipality's accounts, for its administrator; TenantGuard has already checked the route's municipality.</summary>
public sealed class MunicipalityModel(AppDb db, UserManager<AppUser> users) : UsersPageModel(db, users)
{
    [FromRoute] public int MunicipalityId { get; set; }
    public override int? Scope => MunicipalityId;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Db.Tenant.Administers(MunicipalityId)) return Forbid();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Db.Tenant.Administers(MunicipalityId)) return Forbid();
        await CreateAsync(ct);
        return Page();
    }
}
