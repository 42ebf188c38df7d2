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
/// name, the disabled flag and this municipality's roles, unlocks, or sets a new password.
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

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!db.Tenant.Administers(MunicipalityId)) return Forbid();
        var user = await MemberAsync();
        if (user is null) return NotFound();
        try
        {
            Errors.AddRange(await UserAdministration.UpdateAsync(db, users, db.Tenant, user,
                new UserChange(FullName, Disabled, SelectedRoles.Select(r => new RoleGrant(r, MunicipalityId)).ToList(), ConcurrencyStamp), MunicipalityId));
            Saved = Errors.Count == 0;
        }
        catch (DbUpdateConcurrencyException)
        {
            Stale = true;
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostUnlockAsync()
    {
        if (!db.Tenant.Administers(MunicipalityId)) return Forbid();
        if (await MemberAsync() is not { } user) return NotFound();
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        Saved = true;
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostPasswordAsync()
    {
        if (!db.Tenant.Administers(MunicipalityId)) return Forbid();
        if (await MemberAsync() is not { } user) return NotFound();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var r = await users.ResetPasswordAsync(user, token, NewPassword ?? "");
        Errors.AddRange(r.Errors.Select(e => new FieldError("newPassword", new(e.Description, e.Description))));
        Saved = r.Succeeded;
        await LoadAsync();
        return Page();
    }

    private Task<AppUser?> MemberAsync() =>
        db.Users.FirstOrDefaultAsync(u => u.Id == UserId && db.RoleAssignments.Any(r => r.UserId == u.Id && r.MunicipalityId == MunicipalityId));

    private async Task<bool> LoadAsync()
    {
        if (!db.Tenant.Administers(MunicipalityId)) return false;
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == UserId && db.RoleAssignments.Any(r => r.UserId == u.Id && r.MunicipalityId == MunicipalityId));
        if (user is null) return false;
        View = UserAdministration.View(user, await db.RoleAssignments.AsNoTracking().Where(r => r.UserId == user.Id).ToListAsync());
        (FullName, Disabled, ConcurrencyStamp) = (user.FullName, user.Disabled, user.ConcurrencyStamp ?? "");
        SelectedRoles = View.Roles.Where(r => r.MunicipalityId == MunicipalityId).Select(r => r.Role).ToList();
        return true;
    }
}
