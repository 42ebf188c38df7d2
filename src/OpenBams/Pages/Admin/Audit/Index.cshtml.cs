using Microsoft.AspNetCore.Authorization;
using OpenBams.Platform.Data;
using OpenBams.Platform.Identity;

namespace OpenBams.Pages.Admin.Audit;

/// <summary>The whole audit log, for platform administrators.</summary>
[Authorize(Policy = IdentitySetup.Administrator)]
public sealed class IndexModel(AppDb db) : AuditPageModel(db)
{
    public override int? Scope => null;
    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);
}
