using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenBams.Platform.Data;
using OpenBams.Registry;

namespace OpenBams.Pages.Register;

[AllowAnonymous]
public sealed class StatisticsModel(AppDb db) : PageModel
{
    public RegisterStatisticsView S { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => S = await RegisterStatistics.ComputeAsync(db, ct);
}
