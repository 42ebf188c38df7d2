using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenBams.Council;
using OpenBams.Platform.Data;

namespace OpenBams.Pages.Account;

/// <summary>The user's messages in the system (session calls, SL 16.1), newest first; opening the page marks them read.</summary>
[Authorize]
public sealed class NotificationsModel(AppDb db, TimeProvider time) : PageModel
{
    public IReadOnlyList<Notification> Items { get; private set; } = [];
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    public int Total { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = db.Tenant.UserId;
        var q = db.Notifications.Where(n => n.UserId == me && n.Channel == NotificationChannel.InApp);
        Total = await q.CountAsync(ct);
        Items = await q.OrderByDescending(n => n.Id).Skip((Math.Max(1, PageNumber) - 1) * 50).Take(50).ToListAsync(ct);
        var unread = Items.Where(n => n.ReadAt is null).ToList();
        foreach (var n in unread) n.ReadAt = Platform.Clock.UtcNow(time);
        if (unread.Count > 0) await db.SaveChangesAsync(ct);
    }
}
