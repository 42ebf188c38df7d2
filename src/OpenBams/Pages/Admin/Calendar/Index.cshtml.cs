using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using OpenBams.Law;
using OpenBams.Platform.Calendar;
using OpenBams.Platform.Data;
using OpenBams.Platform.Identity;
using OpenBams.Platform.Localization;
using OpenBams.Registry;

namespace OpenBams.Pages.Admin.Calendar;

/// <summary>A year of the working-day calendar: the entries (filter, search, paging, export) and the forms to add, change and remove them.</summary>
[Authorize(Policy = IdentitySetup.Administrator)]
public sealed class IndexModel(AppDb db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public int Year { get; set; } = DateTime.UtcNow.Year;
    [BindProperty(SupportsGet = true)] public CalendarDayKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    [FromQuery(Name = "edit")] public int? EditId { get; set; }
    [FromQuery(Name = "done")] public string? Done { get; set; }

    // The add / edit form.
    [BindProperty] public int? DayId { get; set; }
    [BindProperty] public long DayVersion { get; set; }
    [BindProperty] public string? DayDate { get; set; }
    [BindProperty] public CalendarDayKind DayKind { get; set; }
    [BindProperty] public string? DayNameAz { get; set; }
    [BindProperty] public string? DayNameEn { get; set; }
    [BindProperty] public string? DaySource { get; set; }

    public List<CalendarDayView> All { get; private set; } = [];
    public Paged<CalendarDayView> Result { get; private set; } = new([], 0, 1, PageSize);
    public List<FieldError> Errors { get; } = [];
    public bool Stale { get; private set; }
    /// <summary>True when the form edits an existing entry (DayId set), false when it adds one.</summary>
    public bool Editing => DayId is not null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Year is < CalendarDays.MinYear or > CalendarDays.MaxYear) Year = DateTime.UtcNow.Year;
        await LoadAsync(ct);
        if (EditId is { } id && All.FirstOrDefault(d => d.Id == id) is { } day) Fill(day);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (!Fmt.TryParseDate(DayDate, out var date))
            Errors.Add(new("date", T.BadDate));
        else
        {
            var input = new CalendarDayInput(date, DayKind, DayNameAz ?? "", DayNameEn ?? "", DaySource, DayVersion);
            if (DayId is { } id)
            {
                var r = await CalendarDays.UpdateAsync(db, id, input, ct);
                if (r.NotFound) return NotFound();
                if (r.Stale)
                {
                    // Show the entry as it is now, with its new Version, and say why.
                    Stale = true;
                    await LoadAsync(ct);
                    if (All.FirstOrDefault(d => d.Id == id) is { } now) Fill(now);
                    else await FillFromDbAsync(id, ct);
                    return Page();
                }
                Errors.AddRange(r.Errors);
            }
            else
                Errors.AddRange((await CalendarDays.AddAsync(db, input, ct)).Errors);
            if (Errors.Count == 0) return Redirect(Link(year: date.Year, done: "saved"));
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, long version, CancellationToken ct)
    {
        var r = await CalendarDays.DeleteAsync(db, id, version, ct);
        if (r.NotFound) return Redirect(Link(done: "deleted"));
        if (r.Stale)
        {
            Stale = true;
            await LoadAsync(ct);
            return Page();
        }
        return Redirect(Link(done: "deleted"));
    }

    public async Task<IActionResult> OnPostProposedAsync(CancellationToken ct)
    {
        if (Year is < CalendarDays.MinYear or > CalendarDays.MaxYear) return BadRequest();
        var added = await CalendarDays.AddProposedAsync(db, Year, ct);
        return Redirect(Link(done: "proposed-" + added.Count));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        All = await CalendarApi.YearAsync(db, Year, ct);
        var filtered = All.Where(d => Kind is null || d.Kind == Kind)
            .Where(d => string.IsNullOrWhiteSpace(Q) || d.NameAz.Contains(Q.Trim(), StringComparison.CurrentCultureIgnoreCase)
                        || d.NameEn.Contains(Q.Trim(), StringComparison.OrdinalIgnoreCase) || (d.Source?.Contains(Q.Trim(), StringComparison.OrdinalIgnoreCase) ?? false))
            .ToList();
        var page = Math.Max(1, PageNumber);
        Result = new Paged<CalendarDayView>(filtered.Skip((page - 1) * PageSize).Take(PageSize).ToList(), filtered.Count, page, PageSize);
    }

    private void Fill(CalendarDayView d) =>
        (DayId, DayVersion, DayDate, DayKind, DayNameAz, DayNameEn, DaySource) = (d.Id, d.Version, Fmt.Date(d.Date), d.Kind, d.NameAz, d.NameEn, d.Source);

    private async Task FillFromDbAsync(int id, CancellationToken ct)
    {
        var row = await db.CalendarDays.FindAsync([id], ct);
        if (row is not null) Fill(CalendarApi.View(row));
    }

    /// <summary>This page with the current filters; year, page and the notice may be replaced.</summary>
    public string Link(int? year = null, int? page = null, string? done = null, int? edit = null)
    {
        var q = new Dictionary<string, string?>
        {
            ["year"] = (year ?? Year).ToString(), ["kind"] = year is null ? Kind?.ToString() : null, ["q"] = year is null ? Q : null,
            ["page"] = page?.ToString(), ["done"] = done, ["edit"] = edit?.ToString(),
        };
        return QueryHelpers.AddQueryString("/Admin/Calendar", q.Where(kv => !string.IsNullOrEmpty(kv.Value))!);
    }

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field) is { } e ? e.Message.ToString() : null;
}
