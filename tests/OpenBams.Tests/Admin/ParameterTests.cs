using System.Net;
using System.Net.Http.Json;
using OpenBams.Law;
using OpenBams.Platform.Parameters;
using OpenBams.Platform.Identity;
using OpenBams.Testing;
using OpenBams.Tests.Registry;
using static OpenBams.Tests.Admin.AdminHttp;

namespace OpenBams.Tests.Admin;

/// <summary>
/// Effective-dated legal parameters (ŞMV): public reads with the "not from the seeds" marker, an administrator's new
/// value from a date, corrections that supersede a row without losing it, and the rules of the input. Every test
/// uses dates of its own, so the order of the tests does not matter.
/// </summary>
public abstract class ParameterTests(AppFixture fixture)
{
    private TestApp App => fixture.App;
    private const string Smv = LegalParameterKeys.ConditionalFinancialUnit;

    private static Task<HttpResponseMessage> AddAsync(HttpClient client, object body, string key = Smv) =>
        client.PostAsJsonAsync($"/api/v1/parameters/{key}/values?lang=en", body, RegistryHttp.Json);

    private static async Task<ParameterOnDate> OnAsync(HttpClient client, DateOnly on, string format = "yyyy-MM-dd")
    {
        var r = await client.GetAsync($"/api/v1/parameters/{Smv}?on={on.ToString(format)}&lang=en");
        Assert.True(r.StatusCode == HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<ParameterOnDate>(RegistryHttp.Json))!;
    }

    private static async Task<ParameterView> ViewAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<ParameterView>($"/api/v1/parameters/{Smv}?lang=en", RegistryHttp.Json))!;

    [Fact]
    public async Task Everyone_reads_the_parameters_and_the_shipped_SMV_is_marked_not_from_the_seeds()
    {
        var list = (await App.Client().GetFromJsonAsync<List<ParameterView>>("/api/v1/parameters?lang=en", RegistryHttp.Json))!;
        var smv = Assert.Single(list, p => p.Key == Smv);
        Assert.Equal("manat", smv.Unit);
        Assert.Equal("Conditional financial unit", smv.Name);
        Assert.Equal("Şərti maliyyə vahidi", smv.NameAz);
        var shipped = Assert.Single(smv.History, h => h.ValidFrom == new DateOnly(2006, 1, 1));
        Assert.False(shipped.FromSeeds);
        Assert.Equal("not from the seeds", shipped.Marker);
        Assert.NotNull(smv.Current);
        Assert.Equal("not from the seeds", smv.Current!.Marker);

        var az = (await App.Client().GetFromJsonAsync<List<ParameterView>>("/api/v1/parameters", RegistryHttp.Json))!;
        Assert.Equal("qanun mətnlərindən deyil", az.Single(p => p.Key == Smv).History.First().Marker);

        Assert.Equal(HttpStatusCode.NotFound, (await App.Client().GetAsync("/api/v1/parameters/NO_SUCH_KEY")).StatusCode);
        var bad = await App.Client().GetAsync($"/api/v1/parameters/{Smv}?on=tomorrow");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("on", (await bad.ProblemAsync()).GetProperty("field").GetString());
        // Before the first value nothing is in force.
        var none = await App.Client().GetAsync($"/api/v1/parameters/{Smv}?on=1999-12-31");
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        Assert.Equal("on", (await none.ProblemAsync()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_new_SMV_value_from_a_future_date_applies_from_that_date_and_not_before()
    {
        var admin = await App.LoginAdminAsync();
        var from = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(3);
        var oldValue = (await OnAsync(App.Client(), from.AddDays(-1))).Value;

        var r = await AddAsync(admin, new { validFrom = from, value = 1.5m, citation = "EC 225", fromSeeds = false, note = "Test: a future ŞMV" });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var view = (await r.Content.ReadFromJsonAsync<ParameterView>(RegistryHttp.Json))!;
        var added = Assert.Single(view.History, h => h.ValidFrom == from);
        Assert.Equal(1.5m, added.Value);
        Assert.Equal("EC 225", added.Citation);
        Assert.Equal("admin", added.RecordedBy);
        // Today's value is unchanged: the new one is not in force yet.
        Assert.NotEqual(added.Id, view.Current!.Id);

        var before = await OnAsync(App.Client(), from.AddDays(-1));
        Assert.Equal(oldValue, before.Value);
        var onTheDay = await OnAsync(App.Client(), from, "dd.MM.yyyy");
        Assert.Equal(1.5m, onTheDay.Value);
        Assert.Equal(from, onTheDay.ValidFrom);
        Assert.Equal("EC 225", onTheDay.Citation);
        Assert.Equal(added.Id, onTheDay.Id);
        Assert.Equal(1.5m, (await OnAsync(App.Client(), from.AddYears(1))).Value);

        // Later modules read the same through the timeline.
        var timeline = await App.WithDbAsync(db => LegalParameters.TimelineAsync(db, Smv));
        Assert.Equal(1.5m, timeline.ValueOn(from));
        Assert.Equal(oldValue, timeline.ValueOn(from.AddDays(-1)));
        Assert.Equal(LegalReference.Parse("EC 225"), timeline.On(from)!.Citation);

        // The change is in the audit log.
        var audit = await admin.GetStringAsync($"/api/v1/audit?entity=LegalParameterRecord&entityId={added.Id}");
        Assert.Contains("\"create\"", audit);
    }

    [Fact]
    public async Task A_correction_supersedes_the_row_it_corrects_which_stays_in_the_history()
    {
        var admin = await App.LoginAdminAsync();
        var from = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(5);
        var r = await AddAsync(admin, new { validFrom = from, value = 2.2m, fromSeeds = false, note = "Test: typo, should be 2.0" });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var wrong = (await r.Content.ReadFromJsonAsync<ParameterView>(RegistryHttp.Json))!.History.Single(h => h.ValidFrom == from);

        // The same date again without saying what it corrects is refused.
        var dup = await AddAsync(admin, new { validFrom = from, value = 2.0m, fromSeeds = false, note = "Test: duplicate" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, dup.StatusCode);
        Assert.Equal("validFrom", (await dup.ProblemAsync()).GetProperty("field").GetString());
        // A correction keeps the corrected row's date.
        var moved = await AddAsync(admin, new { validFrom = from.AddDays(1), value = 2.0m, fromSeeds = false, note = "Test", correctsId = wrong.Id });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, moved.StatusCode);
        Assert.Equal("validFrom", (await moved.ProblemAsync()).GetProperty("field").GetString());

        var fixedResponse = await AddAsync(admin, new { validFrom = from, value = 2.0m, fromSeeds = false, note = "Test: corrected", correctsId = wrong.Id });
        Assert.True(fixedResponse.StatusCode == HttpStatusCode.Created, await fixedResponse.Content.ReadAsStringAsync());
        var view = await ViewAsync(App.Client());
        var rows = view.History.Where(h => h.ValidFrom == from).ToList();
        Assert.Equal(2, rows.Count);
        var old = rows.Single(h => h.Id == wrong.Id);
        var correction = rows.Single(h => h.Id != wrong.Id);
        Assert.True(old.Superseded);
        Assert.Equal(correction.Id, old.SupersededById);
        Assert.Equal(2.2m, old.Value);
        Assert.False(correction.Superseded);
        Assert.Equal(2.0m, (await OnAsync(App.Client(), from)).Value);
        Assert.Equal(2.0m, (await App.WithDbAsync(db => LegalParameters.TimelineAsync(db, Smv))).ValueOn(from));

        // A superseded row cannot be corrected again; the live one can.
        var again = await AddAsync(admin, new { validFrom = from, value = 2.1m, fromSeeds = false, note = "Test", correctsId = wrong.Id });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Equal("correctsId", (await again.ProblemAsync()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task The_input_rules_name_the_field()
    {
        var admin = await App.LoginAdminAsync();
        var from = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(7);

        var citation = await AddAsync(admin, new { validFrom = from, value = 1.2m, citation = "article five", fromSeeds = false, note = "Test" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, citation.StatusCode);
        var problem = await citation.ProblemAsync();
        Assert.Equal("citation", problem.GetProperty("field").GetString());
        Assert.Contains("citation", problem.ErrorFields());

        var negative = await AddAsync(admin, new { validFrom = from, value = -1m, fromSeeds = false, note = "Test" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, negative.StatusCode);
        Assert.Equal("value", (await negative.ProblemAsync()).GetProperty("field").GetString());

        var unknown = await AddAsync(admin, new { validFrom = from, value = 1m, fromSeeds = false, note = "Test" }, key: "NO_SUCH_KEY");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        var noSource = await AddAsync(admin, new { validFrom = from, value = 1m, fromSeeds = false });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noSource.StatusCode);
        Assert.Equal("note", (await noSource.ProblemAsync()).GetProperty("field").GetString());

        // Nothing of the above was stored.
        Assert.DoesNotContain((await ViewAsync(App.Client())).History, h => h.ValidFrom == from);

        // Only an administrator writes.
        Assert.Equal(HttpStatusCode.Unauthorized, (await AddAsync(App.Client(), new { validFrom = from, value = 1m, fromSeeds = false, note = "x" })).StatusCode);
        var user = $"p-tax-{Guid.NewGuid():N}"[..14];
        await App.CreateUserAsync(user, Role.TaxOfficer, null);
        Assert.Equal(HttpStatusCode.Forbidden, (await AddAsync(await App.LoginAsync(user), new { validFrom = from, value = 1m, fromSeeds = false, note = "x" })).StatusCode);
    }

    [Fact]
    public async Task The_administrator_pages_list_the_values_add_a_correction_and_strike_the_corrected_row_through()
    {
        var admin = await App.LoginAdminAsync();
        var list = await admin.PageAsync("/Admin/Parameters?lang=en");
        var row = list.QuerySelector($"#param-{Smv}")!;
        Assert.Contains("not from the seeds", row.TextContent);
        Assert.NotNull(row.QuerySelector($"a[href='/Admin/Parameters/{Smv}']"));

        var from = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(9);
        var page = $"/Admin/Parameters/{Smv}";
        // A new value typed the Azerbaijani way (comma decimals, dd.MM.yyyy).
        var r = await admin.PostFormAsync(page, [F("ValidFrom", from.ToString("dd.MM.yyyy")), F("Value", "3,30"), F("Citation", "ec 225"), F("Note", "Test: page")]);
        Assert.StartsWith($"/Admin/Parameters/{Smv}", r.Redirected());
        var added = (await ViewAsync(App.Client())).History.Single(h => h.ValidFrom == from);
        Assert.Equal(3.30m, added.Value);
        Assert.Equal("EC 225", added.Citation);

        // A correction from the form, the date left empty.
        r = await admin.PostFormAsync(page, [F("CorrectsId", added.Id), F("ValidFrom", ""), F("Value", "3.25"), F("Note", "Test: page correction")]);
        r.Redirected();
        var doc = await admin.PageAsync(page + "?lang=en");
        var struck = doc.QuerySelector($"#row-{added.Id}")!;
        Assert.Contains("line-through", struck.GetAttribute("style"));
        Assert.Contains("corrected", struck.TextContent);
        Assert.Contains(doc.QuerySelectorAll("#history tbody tr"), tr => tr.TextContent.Contains("3.25") || tr.TextContent.Contains("3,25"));

        // A bad citation stays on the page with the field named.
        r = await admin.PostFormAsync(page, [F("ValidFrom", from.AddDays(1).ToString("dd.MM.yyyy")), F("Value", "1"), F("Citation", "nonsense"), F("Note", "x")]);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var errors = (await r.HtmlAsync()).QuerySelector(".error")!.TextContent;
        Assert.Contains("citation", errors);

        // Exports.
        var csv = await App.Client().GetStringAsync($"/api/v1/parameters/export.csv?key={Smv}");
        Assert.Contains("Test: page correction", csv);
        Assert.True((await App.Client().GetAsync("/Admin/Parameters")).Refused());
    }
}

public sealed class ParameterTests_Sqlite(SqliteFixture f) : ParameterTests(f), IClassFixture<SqliteFixture>;
public sealed class ParameterTests_Postgres(PostgresFixture f) : ParameterTests(f), IClassFixture<PostgresFixture>;
