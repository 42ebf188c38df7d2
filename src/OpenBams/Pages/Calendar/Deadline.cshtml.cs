using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenBams.Law;
using OpenBams.Platform.Calendar;
using OpenBams.Platform.Data;
using OpenBams.Platform.Localization;

namespace OpenBams.Pages.Calendar;

/// <summary>Public deadline calculator on the working-day calendar; explains every skipped day.</summary>
[AllowAnonymous]
public sealed class DeadlineModel(AppDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public int Amount { get; set; } = 5;
    [BindProperty(SupportsGet = true)] public DeadlineUnit Unit { get; set; } = DeadlineUnit.WorkingDays;
    public DeadlineView? Result { get; private set; }
    public Text? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (From is null) return;
        if (!Fmt.TryParseDate(From, out var start)) { Error = T.BadDate; return; }
        if (Amount is < 1 or > 3660) { Error = new("Müddət 1 ilə 3660 arasında olmalıdır", "The amount must be between 1 and 3660"); return; }
        Result = await CalendarApi.DeadlineAsync(db, start, Amount, Unit, ct);
    }
}
