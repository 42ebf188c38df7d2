using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenBams.Platform.Data;
using OpenBams.Platform.Identity;

namespace OpenBams.Pages.Admin;

/// <summary>The administration index: links to what the current user's roles allow, nothing else.</summary>
public sealed class IndexModel(AppDb db) : PageModel
{
    public bool IsAdministrator { get; private set; }
    /// <summary>Municipalities whose administrator the user is, with their names.</summary>
    public List<(int Id, string Name)> Administered { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var tenant = db.Tenant;
        IsAdministrator = tenant.IsAdministrator;
        var ids = tenant.Roles.Where(r => r.Role == Role.MunicipalAdministrator && r.MunicipalityId is not null)
            .Select(r => r.MunicipalityId!.Value).Distinct().ToList();
        if (ids.Count == 0) return;
        var names = await db.Municipalities.AsNoTracking().Where(m => ids.Contains(m.Id)).Select(m => new { m.Id, m.Name }).ToListAsync(ct);
        Administered = ids.Select(id => (id, names.FirstOrDefault(n => n.Id == id)?.Name ?? $"#{id}")).OrderBy(x => x.Item2).ToList();
    }
}
