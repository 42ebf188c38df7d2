using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenBams.Law;
using OpenBams.Platform.Calendar;
using OpenBams.Platform.Identity;
using OpenBams.Testing;

namespace OpenBams.Tests.PlatformApi;

/// <summary>
/// The working-day calendar (Labour Code art. 105): public reads, deadlines that explain the days they skip,
/// and administrator edits. Every test that writes uses its own dates.
/// </summary>
public abstract class CalendarApiTests(AppFixture fixture)
{
    private TestApp App => fixture.App;

    private static object Day(string date, CalendarDayKind kind, long version = 0, string name = "Test day") =>
        new { date, kind, nameAz = name + " (az)", nameEn = name, source = "test", version };

    private async Task<DeadlineView> DeadlineAsync(string from, int amount, string unit = "WorkingDays") =>
        await (await App.Client().GetAsync($"/api/v1/calendar/deadline?from={from}&amount={amount}&unit={unit}&lang=en")).OkAsync<DeadlineView>();

    [Fact]
    public async Task The_2026_calendar_has_Novruz_on_20_March()
    {
        var days = await (await App.Client().GetAsync("/api/v1/calendar/2026?lang=en")).OkAsync<List<CalendarDayView>>();
        var novruz = Assert.Single(days, d => d.Date == new DateOnly(2026, 3, 20));
        Assert.Equal(CalendarDayKind.PublicHoliday, novruz.Kind);
        Assert.Contains("Novruz", novruz.NameEn);
        Assert.All(days, d => Assert.Equal(2026, d.Date.Year));
    }

    [Fact]
    public async Task Five_working_days_from_18_March_2026_skip_the_Novruz_days_and_say_so_LC_105()
    {
        var d = await DeadlineAsync("2026-03-18", 5);
        // 19.03 is day 1; 20–30 March are off (Novruz, Ramazan and their carry-overs); 31.03–03.04 are days 2–5.
        Assert.Equal(new DateOnly(2026, 4, 3), d.Due);
        Assert.Equal(DeadlineUnit.WorkingDays, d.Unit);
        Assert.Contains(d.Skipped, s => s.Date == new DateOnly(2026, 3, 20));
        Assert.Contains(d.Skipped, s => s.Date == new DateOnly(2026, 3, 24));
        Assert.DoesNotContain(d.Skipped, s => s.Date == new DateOnly(2026, 3, 19));
        Assert.Contains("20.03.2026", d.Explanation);
        Assert.Contains("Novruz", d.Explanation);
        Assert.Contains("03.04.2026", d.Explanation);
        Assert.Empty(d.Warnings);
    }

    [Fact]
    public async Task A_holiday_added_on_a_Wednesday_moves_a_deadline_across_it_by_one_working_day()
    {
        var wednesday = new DateOnly(2026, 10, 14);
        Assert.Equal(DayOfWeek.Wednesday, wednesday.DayOfWeek);
        var before = await DeadlineAsync("2026-10-12", 5);
        Assert.Equal(new DateOnly(2026, 10, 19), before.Due);

        var admin = await App.LoginAdminAsync();
        var r = await admin.PostJsonAsync("/api/v1/calendar/days?lang=en", Day("2026-10-14", CalendarDayKind.PublicHoliday, name: "Test holiday"));
        var added = await r.OkAsync<CalendarDayView>(HttpStatusCode.Created);
        Assert.False(added.FromSeeds);
        Assert.False(string.IsNullOrEmpty(added.Marker));

        var after = await DeadlineAsync("2026-10-12", 5);
        Assert.Equal(new DateOnly(2026, 10, 20), after.Due);
        Assert.Contains(after.Skipped, s => s.Date == wednesday);
        Assert.Contains("14.10.2026", after.Explanation);
        Assert.Contains(await (await App.Client().GetAsync("/api/v1/calendar/2026")).OkAsync<List<CalendarDayView>>(), d => d.Date == wednesday);
    }

    [Fact]
    public async Task A_second_entry_for_a_date_is_422_naming_date()
    {
        var admin = await App.LoginAdminAsync();
        var r = await admin.PostJsonAsync("/api/v1/calendar/days?lang=en", Day("2026-03-20", CalendarDayKind.PublicHoliday));
        await r.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "date");
        Assert.Equal(1, await App.WithDbAsync(db => db.CalendarDays.CountAsync(d => d.Date == new DateOnly(2026, 3, 20))));
    }

    [Fact]
    public async Task Only_a_weekend_day_can_become_a_working_day_a_weekday_is_422_naming_kind()
    {
        var weekday = new DateOnly(2031, 6, 4);
        Assert.Equal(DayOfWeek.Wednesday, weekday.DayOfWeek);
        var admin = await App.LoginAdminAsync();
        var r = await admin.PostJsonAsync("/api/v1/calendar/days?lang=en", Day("2031-06-04", CalendarDayKind.TransferredWorkingDay));
        await r.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "kind");
        Assert.False(await App.WithDbAsync(db => db.CalendarDays.AnyAsync(d => d.Date == weekday)));
    }

    [Fact]
    public async Task A_change_with_a_stale_version_is_409_a_fresh_one_saves_and_delete_removes_the_entry()
    {
        var admin = await App.LoginAdminAsync();
        var added = await (await admin.PostJsonAsync("/api/v1/calendar/days", Day("2031-05-07", CalendarDayKind.PublicHoliday, name: "Before"))).OkAsync<CalendarDayView>(HttpStatusCode.Created);

        var changed = await (await admin.PutJsonAsync($"/api/v1/calendar/days/{added.Id}?lang=en",
            Day("2031-05-07", CalendarDayKind.PublicHoliday, added.Version, "After"))).OkAsync<CalendarDayView>();
        Assert.Equal("After", changed.NameEn);
        Assert.NotEqual(added.Version, changed.Version);

        var stale = await admin.PutJsonAsync($"/api/v1/calendar/days/{added.Id}?lang=en", Day("2031-05-07", CalendarDayKind.PublicHoliday, added.Version, "Stale"));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        Assert.Equal("After", await App.WithDbAsync(db => db.CalendarDays.Where(d => d.Id == added.Id).Select(d => d.NameEn).SingleAsync()));

        Assert.Equal(HttpStatusCode.Conflict, (await admin.DeleteAsync($"/api/v1/calendar/days/{added.Id}?version={added.Version}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/calendar/days/{added.Id}?version={changed.Version}")).StatusCode);
        Assert.DoesNotContain(await (await App.Client().GetAsync("/api/v1/calendar/2031")).OkAsync<List<CalendarDayView>>(), d => d.Id == added.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/v1/calendar/days/{added.Id}")).StatusCode);
    }

    [Fact]
    public async Task Only_an_administrator_edits_the_calendar_anonymous_401_staff_403()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Client().PostJsonAsync("/api/v1/calendar/days", Day("2031-07-02", CalendarDayKind.PublicHoliday))).StatusCode);
        var m = (await App.MunicipalityIdsAsync(40, 1)).Single();
        await App.CreateUserAsync("cal-staff", Role.Secretary, m);
        var staff = await App.LoginAsync("cal-staff");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostJsonAsync("/api/v1/calendar/days", Day("2031-07-02", CalendarDayKind.PublicHoliday))).StatusCode);
        Assert.False(await App.WithDbAsync(db => db.CalendarDays.AnyAsync(d => d.Date == new DateOnly(2031, 7, 2))));
    }
}

public sealed class CalendarApiTests_Sqlite(SqliteFixture f) : CalendarApiTests(f), IClassFixture<SqliteFixture>;
public sealed class CalendarApiTests_Postgres(PostgresFixture f) : CalendarApiTests(f), IClassFixture<PostgresFixture>;
