using Microsoft.EntityFrameworkCore;
using OpenBams.Law;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;
using OpenBams.Platform.Identity;
using OpenBams.Platform.Localization;
using OpenBams.Registry;

namespace OpenBams.Platform.Calendar;

public sealed record CalendarDayView(int Id, DateOnly Date, CalendarDayKind Kind, string NameAz, string NameEn, bool FromSeeds, string? Source, long Version);
public sealed record CalendarDayInput(DateOnly Date, CalendarDayKind Kind, string NameAz, string NameEn, string? Source, long Version = 0);
public sealed record SkippedDayView(DateOnly Date, string Reason);
public sealed record DeadlineView(DateOnly Start, int Amount, DeadlineUnit Unit, DateOnly Due, bool RolledForward, IReadOnlyList<SkippedDayView> Skipped, string Explanation);

/// <summary>The one working-day calendar: public holidays and transfers as editable data, and deadlines that explain themselves.</summary>
public static class CalendarApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/calendar").WithTags("Calendar");

        g.MapGet("/{year:int}", async (int year, AppDb db, CancellationToken ct) => Results.Ok(await YearAsync(db, year, ct)))
            .AllowAnonymous().WithSummary("Holidays, transferred rest days and transferred working days of a year");

        g.MapGet("/deadline", async (string from, int amount, DeadlineUnit? unit, AppDb db, CancellationToken ct) =>
        {
            if (!Fmt.TryParseDate(from, out var start))
                return Problems.Field("from", T.BadDate, status: 400);
            if (amount is < 1 or > 3660)
                return Problems.Field("amount", new("Müddət 1 ilə 3660 arasında olmalıdır", "The amount must be between 1 and 3660"), status: 400);
            return Results.Ok(await DeadlineAsync(db, start, amount, unit ?? DeadlineUnit.WorkingDays, ct));
        }).AllowAnonymous().WithSummary("A deadline counted on the working-day calendar, with the days it skipped");

        var admin = g.MapGroup("/days").RequireAuthorization(IdentitySetup.Administrator);
        admin.MapPost("", async (CalendarDayInput body, AppDb db, CancellationToken ct) =>
        {
            var (row, errors) = await CalendarDays.AddAsync(db, body, ct);
            return errors.Count > 0 ? RegistryApi.ToProblem(errors) : Results.Created($"/api/v1/calendar/days/{row!.Id}", View(row));
        }).WithSummary("Add a holiday or a transfer (administrator)");
        admin.MapPut("/{id:int}", async (int id, CalendarDayInput body, AppDb db, CancellationToken ct) =>
        {
            var row = await db.CalendarDays.FirstOrDefaultAsync(d => d.Id == id, ct);
            if (row is null) return Problems.NotFound("Calendar day");
            if (row.Version != body.Version) return Problems.Conflict();
            var errors = await ValidateAsync(db, body, id, ct);
            if (errors.Count > 0) return RegistryApi.ToProblem(errors);
            (row.Date, row.Kind, row.NameAz, row.NameEn, row.Source) = (body.Date, body.Kind, body.NameAz.Trim(), body.NameEn.Trim(), body.Source?.Trim());
            row.Version++;
            await db.SaveChangesAsync(ct);
            return Results.Ok(View(row));
        }).WithSummary("Change a calendar day (administrator); send the Version you read");
        admin.MapDelete("/{id:int}", async (int id, AppDb db, CancellationToken ct) =>
        {
            var row = await db.CalendarDays.FirstOrDefaultAsync(d => d.Id == id, ct);
            if (row is null) return Problems.NotFound("Calendar day");
            db.CalendarDays.Remove(row);
            await db.SaveChangesAsync(ct);
            return Results.NoContent();
        }).WithSummary("Remove a calendar day (administrator)");
    }

    public static async Task<List<CalendarDayView>> YearAsync(AppDb db, int year, CancellationToken ct)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        return (await db.CalendarDays.AsNoTracking().Where(d => d.Date >= from && d.Date <= to).OrderBy(d => d.Date).ToListAsync(ct))
            .Select(View).ToList();
    }

    public static async Task<DeadlineView> DeadlineAsync(AppDb db, DateOnly start, int amount, DeadlineUnit unit, CancellationToken ct)
    {
        var calendar = await WorkingCalendars.LoadAsync(db, start.Year, start.Year + 1 + amount / 200, ct);
        var d = unit switch
        {
            DeadlineUnit.CalendarDays => calendar.AddCalendarDays(start, amount),
            DeadlineUnit.Months => calendar.AddMonths(start, amount),
            _ => calendar.AddWorkingDays(start, amount),
        };
        return new DeadlineView(d.Start, d.Amount, d.Unit, d.Due, d.RolledForward,
            d.Skipped.Select(s => new SkippedDayView(s.Date, Text.English ? s.ReasonEn : s.ReasonAz)).ToList(), d.Explain(Text.Lang));
    }

    internal static async Task<List<FieldError>> ValidateAsync(AppDb db, CalendarDayInput body, int? id, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(body.NameAz)) errors.Add(new("nameAz", new("Azərbaycanca ad tələb olunur", "The Azerbaijani name is required")));
        if (string.IsNullOrWhiteSpace(body.NameEn)) errors.Add(new("nameEn", new("İngiliscə ad tələb olunur", "The English name is required")));
        var weekend = WorkingCalendar.IsWeekend(body.Date);
        if (body.Kind == CalendarDayKind.TransferredWorkingDay && !weekend)
            errors.Add(new("kind", new("İş gününə köçürmə yalnız şənbə və ya bazar gününə ola bilər", "Only a Saturday or Sunday can be made a working day")));
        if (body.Kind == CalendarDayKind.TransferredRestDay && weekend)
            errors.Add(new("kind", new("Şənbə və bazar onsuz da istirahət günüdür", "Saturday and Sunday are rest days already")));
        if (await db.CalendarDays.AnyAsync(d => d.Date == body.Date && d.Id != (id ?? 0), ct))
            errors.Add(new("date", new($"{Fmt.Date(body.Date)} üçün artıq qeyd var", $"{Fmt.Date(body.Date)} already has an entry")));
        return errors;
    }

    private static CalendarDayView View(CalendarDayRecord d) => new(d.Id, d.Date, d.Kind, d.NameAz, d.NameEn, d.FromSeeds, d.Source, d.Version);
}

/// <summary>Changing the calendar data: the rules shared by the API and the administrator's page.</summary>
public static class CalendarDays
{
    public static async Task<(CalendarDayRecord? Row, List<FieldError> Errors)> AddAsync(AppDb db, CalendarDayInput input, CancellationToken ct)
    {
        var errors = await CalendarApi.ValidateAsync(db, input, null, ct);
        if (errors.Count > 0) return (null, errors);
        var row = new CalendarDayRecord
        {
            Date = input.Date, Kind = input.Kind, NameAz = input.NameAz.Trim(), NameEn = input.NameEn.Trim(), FromSeeds = false, Source = input.Source?.Trim(),
        };
        db.CalendarDays.Add(row);
        await db.SaveChangesAsync(ct);
        return (row, []);
    }
}

/// <summary>Builds the kernel's <see cref="WorkingCalendar"/> from the editable data: the one calendar every module uses.</summary>
public static class WorkingCalendars
{
    public static async Task<WorkingCalendar> LoadAsync(AppDb db, int fromYear, int toYear, CancellationToken ct = default)
    {
        var from = new DateOnly(fromYear, 1, 1);
        var to = new DateOnly(toYear, 12, 31);
        var rows = await db.CalendarDays.AsNoTracking().Where(d => d.Date >= from && d.Date <= to).ToListAsync(ct);
        return new WorkingCalendar(rows.Select(r => new CalendarEntry(r.Date, r.Kind, r.NameAz, r.NameEn, r.FromSeeds, r.Source)));
    }
}
