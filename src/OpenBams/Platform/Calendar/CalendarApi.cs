using Microsoft.EntityFrameworkCore;
using OpenBams.Law;
using OpenBams.Platform.Data;
using OpenBams.Platform.Export;
using OpenBams.Platform.Http;
using OpenBams.Platform.Identity;
using OpenBams.Platform.Localization;
using OpenBams.Registry;

namespace OpenBams.Platform.Calendar;

/// <summary>A calendar entry; <c>Name</c> is in the request language, <c>Marker</c> says "not from the seeds" when so.</summary>
public sealed record CalendarDayView(int Id, DateOnly Date, CalendarDayKind Kind, string Name, string NameAz, string NameEn,
    bool FromSeeds, string? Marker, string? Source, long Version);

/// <summary>What an administrator sends to add or change an entry; a change sends the Version it read.</summary>
public sealed record CalendarDayInput(DateOnly Date, CalendarDayKind Kind, string NameAz, string NameEn, string? Source, long Version = 0);

public sealed record SkippedDayView(DateOnly Date, string Reason);

/// <summary>
/// A computed deadline: the due date, the non-working days stepped over and the explanation in the request language.
/// <c>Warnings</c> names years the period touches that have no calendar entries at all (holidays not yet entered).
/// </summary>
public sealed record DeadlineView(DateOnly Start, int Amount, DeadlineUnit Unit, DateOnly Due, bool RolledForward,
    IReadOnlyList<SkippedDayView> Skipped, string Explanation, IReadOnlyList<string> Warnings);

/// <summary>The one working-day calendar: public holidays and transfers as editable data, and deadlines that explain themselves.</summary>
public static class CalendarApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/calendar").WithTags("Calendar");

        g.MapGet("/{year:int}", async (int year, AppDb db, CancellationToken ct) =>
                CalendarDays.BadYear(year) is { } e ? e : Results.Ok(await YearAsync(db, year, ct)))
            .AllowAnonymous().WithSummary("Holidays, transferred rest days and transferred working days of a year, with their source");
        g.MapGet("/{year:int}/export.csv", (int year, AppDb db, HttpContext http) => ExportAsync(http, db, year, xlsx: false))
            .AllowAnonymous().WithSummary("The entries of a year as CSV");
        g.MapGet("/{year:int}/export.xlsx", (int year, AppDb db, HttpContext http) => ExportAsync(http, db, year, xlsx: true))
            .AllowAnonymous().WithSummary("The entries of a year as XLSX");

        g.MapGet("/deadline", async (string from, int amount, DeadlineUnit? unit, AppDb db, CancellationToken ct) =>
        {
            if (!Fmt.TryParseDate(from, out var start) || start.Year is < CalendarDays.MinYear or > CalendarDays.MaxYear)
                return Problems.Field("from", T.BadDate, status: 400);
            if (amount is < 1 or > MaxAmount)
                return Problems.Field("amount", AmountText, status: 400);
            return Results.Ok(await DeadlineAsync(db, start, amount, unit ?? DeadlineUnit.WorkingDays, ct));
        }).AllowAnonymous()
            .WithSummary("A deadline counted on the working-day calendar (unit WorkingDays, CalendarDays or Months): the due date, the days it skipped and why");

        var admin = g.MapGroup("").RequireAuthorization(IdentitySetup.Administrator);
        admin.MapPost("/days", async (CalendarDayInput body, AppDb db, CancellationToken ct) =>
        {
            var (row, errors) = await CalendarDays.AddAsync(db, body, ct);
            return errors.Count > 0 ? RegistryApi.ToProblem(errors) : Results.Created($"/api/v1/calendar/days/{row!.Id}", View(row));
        }).WithSummary("Add a holiday, a transferred rest day or a transferred working day (administrator); 422 naming 'date' when the day has an entry");
        admin.MapPut("/days/{id:int}", async (int id, CalendarDayInput body, AppDb db, CancellationToken ct) =>
        {
            var r = await CalendarDays.UpdateAsync(db, id, body, ct);
            return r.NotFound ? Problems.NotFound("Calendar day")
                : r.Stale ? Problems.Conflict()
                : r.Errors.Count > 0 ? RegistryApi.ToProblem(r.Errors)
                : Results.Ok(View(r.Row!));
        }).WithSummary("Change a calendar entry (administrator); send the Version you read, a stale one is 409");
        admin.MapDelete("/days/{id:int}", async (int id, long? version, AppDb db, CancellationToken ct) =>
        {
            var r = await CalendarDays.DeleteAsync(db, id, version, ct);
            return r.NotFound ? Problems.NotFound("Calendar day") : r.Stale ? Problems.Conflict() : Results.NoContent();
        }).WithSummary("Remove a calendar entry (administrator); ?version= makes the removal conditional");
        admin.MapPost("/{year:int}/proposed", async (int year, AppDb db, CancellationToken ct) =>
        {
            if (CalendarDays.BadYear(year) is { } e) return e;
            var added = await CalendarDays.AddProposedAsync(db, year, ct);
            return Results.Ok(added.Select(View).ToList());
        }).WithSummary("Add the holidays and carried-over rest days proposed from Labour Code art. 105 for a year, on the days that have no entry yet (administrator; not from the seeds)");
    }

    public const int MaxAmount = 3660;
    public static readonly Text AmountText = new($"Müddət 1 ilə {MaxAmount} arasında tam ədəd olmalıdır", $"The amount must be a whole number from 1 to {MaxAmount}");

    public static async Task<List<CalendarDayView>> YearAsync(AppDb db, int year, CancellationToken ct)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        return (await db.CalendarDays.AsNoTracking().Where(d => d.Date >= from && d.Date <= to).OrderBy(d => d.Date).ToListAsync(ct))
            .Select(View).ToList();
    }

    /// <summary>Counts a deadline on the calendar loaded from the database (<see cref="WorkingCalendars"/>).</summary>
    public static async Task<DeadlineView> DeadlineAsync(AppDb db, DateOnly start, int amount, DeadlineUnit unit, CancellationToken ct)
    {
        // Years the period can reach: working days need at most ~1.5 calendar days each (long holiday runs included).
        var lastYear = start.Year + unit switch
        {
            DeadlineUnit.Months => amount / 12 + 1,
            DeadlineUnit.CalendarDays => amount / 365 + 1,
            _ => amount / 200 + 1,
        };
        var calendar = await WorkingCalendars.LoadAsync(db, start.Year, lastYear, ct);
        var d = unit switch
        {
            DeadlineUnit.CalendarDays => calendar.AddCalendarDays(start, amount),
            DeadlineUnit.Months => calendar.AddMonths(start, amount),
            _ => calendar.AddWorkingDays(start, amount),
        };
        var yearsWithEntries = calendar.Entries.Select(e => e.Date.Year).ToHashSet();
        var warnings = Enumerable.Range(start.Year, d.Due.Year - start.Year + 1).Where(y => !yearsWithEntries.Contains(y))
            .Select(y => CalendarTexts.NoEntriesForYear.Format(y)).ToList();
        return new DeadlineView(d.Start, d.Amount, d.Unit, d.Due, d.RolledForward,
            d.Skipped.Select(s => new SkippedDayView(s.Date, Text.English ? s.ReasonEn : s.ReasonAz)).ToList(), d.Explain(Text.Lang), warnings);
    }

    public static CalendarDayView View(CalendarDayRecord d) => new(d.Id, d.Date, d.Kind, Text.English ? d.NameEn : d.NameAz, d.NameAz, d.NameEn,
        d.FromSeeds, d.FromSeeds ? null : T.NotFromSeeds.ToString(), d.Source, d.Version);

    private static async Task<IResult> ExportAsync(HttpContext http, AppDb db, int year, bool xlsx)
    {
        if (CalendarDays.BadYear(year) is { } e) return e;
        var rows = await YearAsync(db, year, http.RequestAborted);
        string[] header =
        [
            "id", CalendarTexts.Date, CalendarTexts.Weekday, CalendarTexts.Kind, CalendarTexts.NameAz, CalendarTexts.NameEn,
            CalendarTexts.FromSeeds, CalendarTexts.Source,
        ];
        object?[] Row(CalendarDayView d) =>
        [
            d.Id, d.Date, CalendarTexts.WeekdayName(d.Date.DayOfWeek).ToString(), CalendarTexts.KindName(d.Kind).ToString(), d.NameAz, d.NameEn,
            d.FromSeeds ? T.Yes.ToString() : T.No + " (" + T.NotFromSeeds + ")", d.Source,
        ];
        if (xlsx)
        {
            http.Response.ContentType = Xlsx.ContentType;
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"calendar-{year}.xlsx\"";
            await Xlsx.WriteAsync(http.Response.Body, $"{CalendarTexts.Title} {year}", header,
                rows.Select(d => (IReadOnlyList<object?>)Row(d)).ToAsyncEnumerable(), http.RequestAborted);
        }
        else
        {
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"calendar-{year}.csv\"";
            await Csv.WriteAsync(http.Response.Body, header, rows.Select(d => (IReadOnlyList<string?>)Row(d).Select(v => v switch
            {
                null => null,
                DateOnly x => Fmt.Date(x),
                _ => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture),
            }).ToList()).ToAsyncEnumerable(), http.RequestAborted);
        }
        return Results.Empty;
    }
}

/// <summary>Outcome of a change to an entry: not found, stale Version, rule errors, or the saved row.</summary>
public sealed record CalendarChange(CalendarDayRecord? Row, List<FieldError> Errors, bool NotFound = false, bool Stale = false);

/// <summary>Changing the calendar data: the rules shared by the API and the administrator's page.</summary>
public static class CalendarDays
{
    public const int MinYear = 1900;
    public const int MaxYear = 2200;

    public static IResult? BadYear(int year) => year is < MinYear or > MaxYear
        ? Problems.Field("year", new($"İl {MinYear} ilə {MaxYear} arasında olmalıdır", $"The year must be from {MinYear} to {MaxYear}"), status: 400)
        : null;

    public static async Task<List<FieldError>> ValidateAsync(AppDb db, CalendarDayInput body, int? id, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (body.Date.Year is < MinYear or > MaxYear)
            errors.Add(new("date", new($"Tarix {MinYear}–{MaxYear} illərinə düşməlidir", $"The date must fall in {MinYear}–{MaxYear}")));
        if (!Enum.IsDefined(body.Kind))
            errors.Add(new("kind", new("Növ PublicHoliday, TransferredRestDay və ya TransferredWorkingDay olmalıdır", "The kind must be PublicHoliday, TransferredRestDay or TransferredWorkingDay")));
        if (string.IsNullOrWhiteSpace(body.NameAz) || body.NameAz.Trim().Length > 200)
            errors.Add(new("nameAz", new("Azərbaycanca ad tələb olunur (ən çox 200 simvol)", "The Azerbaijani name is required (at most 200 characters)")));
        if (string.IsNullOrWhiteSpace(body.NameEn) || body.NameEn.Trim().Length > 200)
            errors.Add(new("nameEn", new("İngiliscə ad tələb olunur (ən çox 200 simvol)", "The English name is required (at most 200 characters)")));
        if (body.Source?.Trim().Length > 300)
            errors.Add(new("source", new("Mənbə ən çox 300 simvol ola bilər", "The source may be at most 300 characters")));
        var weekend = WorkingCalendar.IsWeekend(body.Date);
        if (body.Kind == CalendarDayKind.TransferredWorkingDay && !weekend)
            errors.Add(new("kind", new("İş gününə yalnız şənbə və ya bazar köçürülə bilər", "Only a Saturday or Sunday can be made a working day")));
        if (body.Kind == CalendarDayKind.TransferredRestDay && weekend)
            errors.Add(new("kind", new("Şənbə və bazar onsuz da istirahət günüdür; köçürülmüş istirahət günü iş gününə düşməlidir", "Saturday and Sunday are rest days already; a transferred rest day falls on a weekday")));
        if (errors.All(e => e.Field != "date") && await db.CalendarDays.AnyAsync(d => d.Date == body.Date && d.Id != (id ?? 0), ct))
            errors.Add(DateTaken(body.Date));
        return errors;
    }

    private static FieldError DateTaken(DateOnly date) =>
        new("date", new($"{Fmt.Date(date)} üçün təqvimdə artıq qeyd var; onu dəyişin", $"{Fmt.Date(date)} already has a calendar entry; change that one"));

    public static async Task<(CalendarDayRecord? Row, List<FieldError> Errors)> AddAsync(AppDb db, CalendarDayInput input, CancellationToken ct)
    {
        var errors = await ValidateAsync(db, input, null, ct);
        if (errors.Count > 0) return (null, errors);
        var row = new CalendarDayRecord
        {
            Date = input.Date, Kind = input.Kind, NameAz = input.NameAz.Trim(), NameEn = input.NameEn.Trim(),
            FromSeeds = false, Source = Input.Blank(input.Source),
        };
        db.CalendarDays.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another administrator added the same day between the check and the save (unique index on Date).
            if (await TakenAsync(db, input.Date, null, ct)) return (null, [DateTaken(input.Date)]);
            throw;
        }
        return (row, []);
    }

    public static async Task<CalendarChange> UpdateAsync(AppDb db, int id, CalendarDayInput input, CancellationToken ct)
    {
        var row = await db.CalendarDays.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (row is null) return new(null, [], NotFound: true);
        if (row.Version != input.Version) return new(row, [], Stale: true);
        var errors = await ValidateAsync(db, input, id, ct);
        if (errors.Count > 0) return new(row, errors);
        (row.Date, row.Kind, row.NameAz, row.NameEn, row.Source) = (input.Date, input.Kind, input.NameAz.Trim(), input.NameEn.Trim(), Input.Blank(input.Source));
        // An administrator's change makes the entry theirs, whatever generated it.
        row.FromSeeds = false;
        row.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(row, [], Stale: true);
        }
        catch (DbUpdateException)
        {
            if (await TakenAsync(db, input.Date, id, ct)) return new(row, [DateTaken(input.Date)]);
            throw;
        }
        return new(row, []);
    }

    public static async Task<CalendarChange> DeleteAsync(AppDb db, int id, long? version, CancellationToken ct)
    {
        var row = await db.CalendarDays.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (row is null) return new(null, [], NotFound: true);
        if (version is not null && row.Version != version) return new(row, [], Stale: true);
        db.CalendarDays.Remove(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(row, [], Stale: true);
        }
        return new(row, []);
    }

    /// <summary>
    /// Adds the entries <see cref="AzerbaijanHolidays"/> proposes for a year (Labour Code art. 105; not from the seeds) on
    /// the days that have no entry yet. Existing entries, an administrator's included, are never touched.
    /// </summary>
    public static async Task<List<CalendarDayRecord>> AddProposedAsync(AppDb db, int year, CancellationToken ct)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var taken = (await db.CalendarDays.Where(d => d.Date >= from && d.Date <= to).Select(d => d.Date).ToListAsync(ct)).ToHashSet();
        var added = AzerbaijanHolidays.For(year).Where(e => !taken.Contains(e.Date)).GroupBy(e => e.Date).Select(g =>
        {
            var e = g.OrderBy(x => x.Kind).First();
            return new CalendarDayRecord
            {
                Date = g.Key, Kind = e.Kind, NameAz = string.Join("; ", g.Select(x => x.NameAz).Distinct()),
                NameEn = string.Join("; ", g.Select(x => x.NameEn).Distinct()), FromSeeds = e.FromSeeds, Source = e.Source,
            };
        }).ToList();
        if (added.Count == 0) return added;
        db.CalendarDays.AddRange(added);
        await db.SaveChangesAsync(ct);
        return added;
    }

    private static Task<bool> TakenAsync(AppDb db, DateOnly date, int? id, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return db.CalendarDays.AsNoTracking().AnyAsync(d => d.Date == date && d.Id != (id ?? 0), ct);
    }

}

/// <summary>Builds the kernel's <see cref="WorkingCalendar"/> from the editable data: the one calendar every module uses.</summary>
public static class WorkingCalendars
{
    /// <summary>The calendar with every entry from 1 January of <paramref name="fromYear"/> to 31 December of <paramref name="toYear"/>.</summary>
    public static async Task<WorkingCalendar> LoadAsync(AppDb db, int fromYear, int toYear, CancellationToken ct = default)
    {
        var from = new DateOnly(Math.Max(1, fromYear), 1, 1);
        var to = new DateOnly(Math.Min(9999, Math.Max(fromYear, toYear)), 12, 31);
        var rows = await db.CalendarDays.AsNoTracking().Where(d => d.Date >= from && d.Date <= to).ToListAsync(ct);
        return new WorkingCalendar(rows.Select(r => new CalendarEntry(r.Date, r.Kind, r.NameAz, r.NameEn, r.FromSeeds, r.Source)));
    }
}
