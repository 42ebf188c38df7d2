using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using OpenBams.Platform.Data;
using OpenBams.Platform.Identity;

namespace OpenBams.Pages.Admin.Users;

[Authorize(Policy = IdentitySetup.Administrator)]
public sealed class IndexModel(AppDb db, UserManager<AppUser> users) : UsersPageModel(db, users)
{
    public override int? Scope => null;
    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);
    public Task OnPostAsync(CancellationToken ct) => CreateAsync(ct);
}
