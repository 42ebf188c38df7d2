using System.Net;
using System.Net.Http.Json;
using OpenBams.Law;
using OpenBams.Platform.Calendar;
using OpenBams.Platform.Identity;
using OpenBams.Testing;
using OpenBams.Tests.Registry;
using static OpenBams.Tests.Admin.AdminHttp;

namespace OpenBams.Tests.Admin;

/// <summary>
/// The editable working-day calendar and the deadlines computed on it. The tests work in 2031, a year the start-up
/// data leaves empty, each on days of its own.
/// </summary>
public abstract class CalendarTests(AppFixture fixture)
{
    private TestApp App => fixture.App;

    private static Task<HttpResponseMessage> AddAsync(HttpClient client, DateOnly date, string kind = "PublicHoliday", string az = "Sınaq bayramı", string en = "Test Holiday") =>
        client.PostAsJsonAsync("/api/v1/calendar/days?lang=en", new { date, kind, nameAz = az, nameEn = en, source = "Test decision N 1" }, RegistryHttp.Json);

    private static async Task<CalendarDayView> AddedAsync(HttpClient client, DateOnly date, string kind = "PublicHoliday", string az = "Sınaq bayramı", string en = "Test Holiday")
    {
        var r = await AddAsync(client, date, kind, az, en);
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<CalendarDayView>(RegistryHttp.Json))!;
    }

    private static async Task<DeadlineView> DeadlineAsync(HttpClient client, string query)
    {
        var r = await client.GetAsync("/api/v1/calendar/deadline?" + query);
        Assert.True(r.StatusCode == HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<DeadlineView>(RegistryHttp.Json))!;
    }

    [Fact]
    public async Task A_holiday_added_by_the_administrator_is_skipped_by_the_deadline_and_named_in_its_explanation()
    {
        var admin = await App.LoginAdminAsync();
        var before = await DeadlineAsync(App.Client(), "from=2031-04-14&amount=1&unit=WorkingDays&lang=en");
        Assert.Equal(new DateOnly(2031, 4, 15), before.Due);

        var day = await AddedAsync(admin, new DateOnly(2031, 4, 15), en: "Test Holiday of April");
        Assert.False(day.FromSeeds);
        Assert.Equal("not from the seeds", day.Marker);

        var en = await DeadlineAsync(App.Client(), "from=2031-04-14&amount=1&unit=WorkingDays&lang=en");
        Assert.Equal(new DateOnly(2031, 4, 16), en.Due);
        var skipped = Assert.Single(en.Skipped);
        Assert.Equal(new DateOnly(2031, 4, 15), skipped.Date);
        Assert.Equal("Test Holiday of April", skipped.Reason);
        Assert.Contains("16.04.2031", en.Explanation);
        Assert.Contains("Test Holiday of April", en.Explanation);
        Assert.Contains("15.04.2031", en.Explanation);

        var az = await DeadlineAsync(App.Client(), "from=14.04.2031&amount=1");
        Assert.Equal(new DateOnly(2031, 4, 16), az.Due);
        Assert.Contains("Sınaq bayramı", az.Explanation);
        Assert.Contains("iş günü", az.Explanation);

        // The year's list shows it to everyone; the module-facing loader builds the same calendar.
        var year = (await App.Client().GetFromJsonAsync<List<CalendarDayView>>("/api/v1/calendar/2031?lang=en", RegistryHttp.Json))!;
        Assert.Contains(year, d => d.Id == day.Id && d.Kind == CalendarDayKind.PublicHoliday && d.Source == "Test decision N 1");
        var calendar = await App.WithDbAsync(db => WorkingCalendars.LoadAsync(db, 2031, 2031));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2031, 4, 15)));

        // Removing it gives the day back.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/calendar/days/{day.Id}")).StatusCode);
        Assert.Equal(new DateOnly(2031, 4, 15), (await DeadlineAsync(App.Client(), "from=2031-04-14&amount=1")).Due);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/v1/calendar/days/{day.Id}")).StatusCode);
    }

    [Fact]
    public async Task A_second_entry_for_the_same_date_is_refused_naming_the_date()
    {
        var admin = await App.LoginAdminAsync();
        await AddedAsync(admin, new DateOnly(2031, 6, 10));
        var r = await AddAsync(admin, new DateOnly(2031, 6, 10), az: "Başqa", en: "Another");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode);
        var problem = await r.ProblemAsync();
        Assert.Equal("date", problem.GetProperty("field").GetString());
        Assert.Contains("10.06.2031", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_change_with_a_stale_Version_is_a_conflict()
    {
        var admin = await App.LoginAdminAsync();
        var day = await AddedAsync(admin, new DateOnly(2031, 7, 8));
        var body = new { date = day.Date, kind = "PublicHoliday", nameAz = "Dəyişdirilmiş ad", nameEn = "Renamed", source = "Test", version = day.Version };
        var ok = await admin.PutAsJsonAsync($"/api/v1/calendar/days/{day.Id}", body, RegistryHttp.Json);
        Assert.True(ok.StatusCode == HttpStatusCode.OK, await ok.Content.ReadAsStringAsync());
        var changed = (await ok.Content.ReadFromJsonAsync<CalendarDayView>(RegistryHttp.Json))!;
        Assert.Equal(day.Version + 1, changed.Version);
        Assert.Equal("Renamed", changed.NameEn);

        // The same body again carries the Version that was read before the change.
        var stale = await admin.PutAsJsonAsync($"/api/v1/calendar/days/{day.Id}", body with { nameEn = "Lost update" }, RegistryHttp.Json);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("version", (await stale.ProblemAsync()).GetProperty("field").GetString());
        var staleDelete = await admin.DeleteAsync($"/api/v1/calendar/days/{day.Id}?version={day.Version}");
        Assert.Equal(HttpStatusCode.Conflict, staleDelete.StatusCode);
        var year = (await App.Client().GetFromJsonAsync<List<CalendarDayView>>("/api/v1/calendar/2031", RegistryHttp.Json))!;
        Assert.Equal("Renamed", year.Single(d => d.Id == day.Id).NameEn);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync("/api/v1/calendar/days/999999", body, RegistryHttp.Json)).StatusCode);
    }

    [Fact]
    public async Task The_rules_of_an_entry_and_of_a_deadline_request_name_the_field()
    {
        var admin = await App.LoginAdminAsync();
        // Only a weekend day can be made a working day, and only a weekday a transferred rest day.
        var r = await AddAsync(admin, new DateOnly(2031, 9, 9), kind: "TransferredWorkingDay");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode);
        Assert.Equal("kind", (await r.ProblemAsync()).GetProperty("field").GetString());
        r = await AddAsync(admin, new DateOnly(2031, 5, 17), kind: "TransferredRestDay");
        Assert.Equal("kind", (await r.ProblemAsync()).GetProperty("field").GetString());
        r = await AddAsync(admin, new DateOnly(2031, 9, 9), az: " ", en: "x");
        Assert.Equal("nameAz", (await r.ProblemAsync()).GetProperty("field").GetString());

        // A Saturday made a working day counts.
        await AddedAsync(admin, new DateOnly(2031, 5, 17), kind: "TransferredWorkingDay", az: "İş günü (köçürmə)", en: "Working Saturday");
        Assert.Equal(new DateOnly(2031, 5, 17), (await DeadlineAsync(App.Client(), "from=2031-05-16&amount=1")).Due);

        var bad = await App.Client().GetAsync("/api/v1/calendar/deadline?from=31.02.2031&amount=5");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("from", (await bad.ProblemAsync()).GetProperty("field").GetString());
        bad = await App.Client().GetAsync("/api/v1/calendar/deadline?from=2031-01-10&amount=0");
        Assert.Equal("amount", (await bad.ProblemAsync()).GetProperty("field").GetString());
        bad = await App.Client().GetAsync("/api/v1/calendar/deadline?from=2031-01-10&amount=5&unit=Weeks");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        // Months and calendar days roll forward to a working day.
        var months = await DeadlineAsync(App.Client(), "from=2031-01-31&amount=1&unit=Months&lang=en");
        Assert.Equal(new DateOnly(2031, 2, 28), months.Due);
        var days = await DeadlineAsync(App.Client(), "from=2031-01-01&amount=3&unit=CalendarDays&lang=en");
        Assert.Equal(new DateOnly(2031, 1, 6), days.Due); // 04.01.2031 is a Saturday
        Assert.True(days.RolledForward);
        // A year without any entry is computed on weekends only, and the answer says so.
        var empty = await DeadlineAsync(App.Client(), "from=2045-01-02&amount=2&lang=en");
        Assert.Equal(new DateOnly(2045, 1, 4), empty.Due);
        Assert.Contains(empty.Warnings, w => w.Contains("2045"));

        // Only an administrator writes.
        Assert.Equal(HttpStatusCode.Unauthorized, (await AddAsync(App.Client(), new DateOnly(2031, 9, 10))).StatusCode);
        var user = $"c-chair-{Guid.NewGuid():N}"[..14];
        await App.CreateUserAsync(user, Role.NationalAnalyst, null);
        var analyst = await App.LoginAsync(user);
        Assert.Equal(HttpStatusCode.Forbidden, (await AddAsync(analyst, new DateOnly(2031, 9, 10))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.DeleteAsync("/api/v1/calendar/days/1")).StatusCode);
    }

    [Fact]
    public async Task The_administrator_page_adds_edits_and_removes_days_and_the_public_calculator_explains_them()
    {
        var admin = await App.LoginAdminAsync();
        var page = "/Admin/Calendar?year=2031";
        var r = await admin.PostFormAsync(page, [F("Year", 2031), F("DayDate", "14.10.2031"), F("DayKind", "PublicHoliday"),
            F("DayNameAz", "Səhifə bayramı"), F("DayNameEn", "Page Holiday"), F("DaySource", "Test")], "/Admin/Calendar?handler=Save");
        Assert.Contains("done=saved", r.Redirected());
        var doc = await admin.PageAsync(page + "&lang=en");
        var row = doc.QuerySelectorAll("#calendar tbody tr").Single(tr => tr.TextContent.Contains("Page Holiday"));
        Assert.Contains("14.10.2031", row.TextContent);
        Assert.Contains("not from the seeds", row.TextContent);
        var id = int.Parse(row.Id!["day-".Length..]);

        // The same date again: the form stays, the field is named.
        r = await admin.PostFormAsync(page, [F("Year", 2031), F("DayDate", "2031-10-14"), F("DayKind", "PublicHoliday"),
            F("DayNameAz", "x"), F("DayNameEn", "x")], "/Admin/Calendar?handler=Save");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("date", (await r.HtmlAsync()).QuerySelector(".error")!.TextContent);

        // Edit with the Version the form carries; then a stale form says someone changed it.
        var form = await admin.PageAsync($"/Admin/Calendar?year=2031&edit={id}");
        var version = form.QuerySelector("input[name='DayVersion']")!.GetAttribute("value")!;
        r = await admin.PostFormAsync(page, [F("Year", 2031), F("DayId", id), F("DayVersion", version), F("DayDate", "14.10.2031"),
            F("DayKind", "PublicHoliday"), F("DayNameAz", "Səhifə bayramı (düzəliş)"), F("DayNameEn", "Page Holiday (fixed)")], "/Admin/Calendar?handler=Save");
        r.Redirected();
        r = await admin.PostFormAsync(page, [F("Year", 2031), F("DayId", id), F("DayVersion", version), F("DayDate", "14.10.2031"),
            F("DayKind", "PublicHoliday"), F("DayNameAz", "Köhnə forma"), F("DayNameEn", "Old form")], "/Admin/Calendar?handler=Save");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var staleDoc = await r.HtmlAsync();
        Assert.NotNull(staleDoc.QuerySelector("#stale"));
        Assert.Equal("Page Holiday (fixed)", staleDoc.QuerySelector("input[name='DayNameEn']")!.GetAttribute("value"));

        // The public calculator (no login) shows the due date and names the holiday.
        var calc = await App.Client().PageAsync("/Calendar/Deadline?From=13.10.2031&Amount=1&Unit=WorkingDays&lang=en");
        Assert.Equal("15.10.2031", calc.QuerySelector("#due")!.TextContent);
        Assert.Contains("Page Holiday (fixed)", calc.QuerySelector("#explanation")!.TextContent);
        Assert.Contains("Page Holiday (fixed)", calc.QuerySelector("#skipped")!.TextContent);
        var badCalc = await App.Client().PageAsync("/Calendar/Deadline?From=xx&Amount=1&lang=en");
        Assert.NotNull(badCalc.QuerySelector(".error"));

        // Delete from the page.
        var current = (await App.Client().GetFromJsonAsync<List<CalendarDayView>>("/api/v1/calendar/2031", RegistryHttp.Json))!.Single(d => d.Id == id);
        r = await admin.PostFormAsync(page, [F("id", id), F("version", current.Version), F("Year", 2031)], "/Admin/Calendar?handler=Delete");
        Assert.Contains("done=deleted", r.Redirected());
        Assert.DoesNotContain((await App.Client().GetFromJsonAsync<List<CalendarDayView>>("/api/v1/calendar/2031", RegistryHttp.Json))!, d => d.Id == id);

        // Exports of a year; the admin page is for administrators only.
        var csv = await App.Client().GetStringAsync("/api/v1/calendar/2031/export.csv");
        Assert.StartsWith("\uFEFFid,", csv);
        Assert.True((await App.Client().GetAsync(page)).Refused());
    }

    [Fact]
    public async Task The_proposed_holidays_of_a_year_fill_only_the_free_days()
    {
        var admin = await App.LoginAdminAsync();
        // 2040 is empty; one day is taken by an administrator first and must stay theirs.
        await AddedAsync(admin, new DateOnly(2040, 3, 8), az: "Öz qeydimiz", en: "Our own entry");
        var r = await admin.PostAsync("/api/v1/calendar/2040/proposed", null);
        Assert.True(r.StatusCode == HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        var added = (await r.Content.ReadFromJsonAsync<List<CalendarDayView>>(RegistryHttp.Json))!;
        Assert.Contains(added, d => d.Date == new DateOnly(2040, 1, 1));
        Assert.DoesNotContain(added, d => d.Date == new DateOnly(2040, 3, 8));
        Assert.All(added, d => Assert.False(d.FromSeeds));
        var year = (await App.Client().GetFromJsonAsync<List<CalendarDayView>>("/api/v1/calendar/2040?lang=en", RegistryHttp.Json))!;
        Assert.Equal("Our own entry", year.Single(d => d.Date == new DateOnly(2040, 3, 8)).NameEn);
        // A second run adds nothing.
        var again = (await (await admin.PostAsync("/api/v1/calendar/2040/proposed", null)).Content.ReadFromJsonAsync<List<CalendarDayView>>(RegistryHttp.Json))!;
        Assert.Empty(again);
    }
}

public sealed class CalendarTests_Sqlite(SqliteFixture f) : CalendarTests(f), IClassFixture<SqliteFixture>;
public sealed class CalendarTests_Postgres(PostgresFixture f) : CalendarTests(f), IClassFixture<PostgresFixture>;
