using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenBams.Law;
using OpenBams.Platform.Calendar;
using OpenBams.Platform.Data;
using OpenBams.Platform.Identity;
using OpenBams.Platform.Localization;
using OpenBams.Registry;

namespace OpenBams.Pages.Admin.Calendar;

[Authorize(Policy = IdentitySetup.Administrator)]
public sealed class IndexModel(AppDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Year { get; set; } = DateTime.UtcNow.Year;
    public List<CalendarDayView> Days { get; private set; } = [];
    public List<FieldError> Errors { get; } = [];
    [BindProperty] public string? Date { get; set; }
    [BindProperty] public CalendarDayKind Kind { get; set; }
    [BindProperty] public string? NameAz { get; set; }
    [BindProperty] public string? NameEn { get; set; }
    [BindProperty] public string? Source { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Days = await CalendarApi.YearAsync(db, Year, ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (!Fmt.TryParseDate(Date, out var date))
            Errors.Add(new("date", T.BadDate));
        else
        {
            var (_, errors) = await CalendarDays.AddAsync(db, new CalendarDayInput(date, Kind, NameAz ?? "", NameEn ?? "", Source), ct);
            Errors.AddRange(errors);
            if (Errors.Count == 0) return RedirectToPage(new { Year = date.Year });
        }
        Days = await CalendarApi.YearAsync(db, Year, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var row = await db.CalendarDays.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (row is null) return NotFound();
        db.CalendarDays.Remove(row);
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { Year });
    }

}
