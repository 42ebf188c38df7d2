using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenBams.Platform.Data;
using OpenBams.Platform.Identity;
using OpenBams.Registry;

namespace OpenBams.Pages.Admin.Users;

/// <summary>List and create accounts; national for administrators, per municipality for its administrator.</summary>
public abstract class UsersPageModel(AppDb db, UserManager<AppUser> users) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    [BindProperty] public string? NewUserName { get; set; }
    [BindProperty] public string? NewFullName { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    [BindProperty] public string? NewPersonalId { get; set; }
    [BindProperty] public List<Role> NewRoles { get; set; } = [];
    [BindProperty] public int? NewMunicipalityId { get; set; }
    public Paged<UserView> Result { get; private set; } = null!;
    public List<FieldError> Errors { get; private set; } = [];
    public bool Created { get; private set; }
    protected AppDb Db => db;
    /// <summary>Null on the national page.</summary>
    public abstract int? Scope { get; }

    protected async Task LoadAsync(CancellationToken ct) =>
        Result = await UserAdministration.PageAsync(db, Scope, Q, PageNumber, 50, ct);

    protected async Task CreateAsync(CancellationToken ct)
    {
        var municipality = Scope ?? NewMunicipalityId;
        var grants = NewRoles.Select(r => new RoleGrant(r, Roles.IsMunicipal(r) ? municipality : null)).ToList();
        var (_, errors) = await UserAdministration.CreateAsync(db, users, db.Tenant,
            new NewUser(NewUserName ?? "", NewFullName ?? "", NewPassword ?? "", NewPersonalId, grants), Scope);
        Errors = errors;
        Created = errors.Count == 0;
        if (Created) (NewUserName, NewFullName, NewPassword, NewPersonalId, NewRoles) = (null, null, null, null, []);
        await LoadAsync(ct);
    }
}
