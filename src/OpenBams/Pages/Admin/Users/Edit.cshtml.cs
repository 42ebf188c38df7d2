using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenBams.Platform.Data;
using OpenBams.Platform.Identity;
using OpenBams.Registry;

namespace OpenBams.Pages.Admin.Users;

/// <summary>
/// Edit one account within a municipality: its administrator (or a platform administrator) changes the
/// name, the disabled flag and this municipality's roles, unlocks, or sets a new password. An account
/// that also holds roles elsewhere only loses this municipality's roles here (UserAdministration decides).
/// </summary>
public sealed class EditModel(AppDb db, UserManager<AppUser> users) : PageModel
{
    [FromRoute] public int MunicipalityId { get; set; }
    [FromRoute] public Guid UserId { get; set; }
    [BindProperty] public string FullName { get; set; } = "";
    [BindProperty] public bool Disabled { get; set; }
    [BindProperty] public List<Role> SelectedRoles { get; set; } = [];
    [BindProperty] public string ConcurrencyStamp { get; set; } = "";
    [BindProperty] public string? NewPassword { get; set; }
    public UserView? View { get; private set; }
    public List<FieldError> Errors { get; } = [];
    public bool Saved { get; private set; }
    public bool Stale { get; private set; }
    /// <summary>Why the change was refused (the account reaches beyond the actor's municipalities).</summary>
    public string? Refused { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public Task<IActionResult> OnPostAsync() => ChangeAsync(async user => Errors.AddRange(await UserAdministration.UpdateAsync(db, users, db.Tenant, user,
        new UserChange(FullName, Disabled, SelectedRoles.Select(r => new RoleGrant(r, MunicipalityId)).ToList(), ConcurrencyStamp), MunicipalityId)));

    public Task<IActionResult> OnPostUnlockAsync() => ChangeAsync(user => UserAdministration.UnlockAsync(db, users, db.Tenant, user));

    public Task<IActionResult> OnPostPasswordAsync() => ChangeAsync(async user =>
        Errors.AddRange(await UserAdministration.ResetPasswordAsync(db, users, db.Tenant, user, NewPassword)));

    private async Task<IActionResult> ChangeAsync(Func<AppUser, Task> change)
    {
        if (!db.Tenant.Administers(MunicipalityId)) return Forbid();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == UserId && db.RoleAssignments.Any(r => r.UserId == u.Id && r.MunicipalityId == MunicipalityId));
        if (user is null) return NotFound();
        try
        {
            await change(user);
            Saved = Errors.Count == 0;
        }
        catch (DbUpdateConcurrencyException)
        {
            Stale = true;
        }
        catch (TenantViolation refused)
        {
            Refused = refused.Message;
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }
        // The last role here may have been removed: then the account is no longer this municipality's to show.
        return await LoadAsync() ? Page() : RedirectToPage("/Admin/Users/Municipality", new { municipalityId = MunicipalityId });
    }

    private async Task<bool> LoadAsync()
    {
        if (!db.Tenant.Administers(MunicipalityId)) return false;
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == UserId && db.RoleAssignments.Any(r => r.UserId == u.Id && r.MunicipalityId == MunicipalityId));
        if (user is null) return false;
        View = await UserAdministration.ViewAsync(db, user);
        (FullName, Disabled, ConcurrencyStamp) = (user.FullName, user.Disabled, user.ConcurrencyStamp ?? "");
        SelectedRoles = View.Roles.Where(r => r.MunicipalityId == MunicipalityId).Select(r => r.Role).ToList();
        return true;
    }
}
