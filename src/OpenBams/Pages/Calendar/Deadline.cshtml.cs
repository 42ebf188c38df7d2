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
    [BindProperty(SupportsGet = true)] public string? Amount { get; set; }
    [BindProperty(SupportsGet = true)] public DeadlineUnit Unit { get; set; } = DeadlineUnit.WorkingDays;
    public DeadlineView? Result { get; private set; }
    public List<(string Field, Text Message)> Errors { get; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(From))
        {
            // An empty form starts from today, 5 working days (the SL 48.1 period), without computing.
            Amount ??= "5";
            return;
        }
        if (!Fmt.TryParseDate(From, out var start) || start.Year is < CalendarDays.MinYear or > CalendarDays.MaxYear)
            Errors.Add(("from", T.BadDate));
        if (!int.TryParse(Amount, out var amount) || amount is < 1 or > CalendarApi.MaxAmount)
            Errors.Add(("amount", CalendarApi.AmountText));
        if (Errors.Count == 0)
            Result = await CalendarApi.DeadlineAsync(db, start, amount, Unit, ct);
    }

    public string Example(string from, int amount, DeadlineUnit unit) => $"?From={from}&Amount={amount}&Unit={unit}";
}
