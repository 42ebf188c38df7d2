using Microsoft.AspNetCore.Authorization;
using OpenBams.Platform.Data;
using OpenBams.Platform.Identity;

namespace OpenBams.Pages.Admin.Audit;

[Authorize(Policy = IdentitySetup.Administrator)]
public sealed class IndexModel(AppDb db) : AuditPageModel(db)
{
    public override string? ExportBase => "/api/v1/audit/export";
    public Task OnGetAsync(CancellationToken ct) => LoadAsync(null, ct);
}
