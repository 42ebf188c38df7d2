using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenBams.Platform.Identity;
using OpenBams.Platform.Parameters;
using OpenBams.Testing;

namespace OpenBams.Tests.PlatformApi;

/// <summary>
/// Effective-dated legal parameters (ŞMV): the value in force on a date, administrator additions and corrections
/// that keep the history. Tests that add values use their own far-future dates (2090 and later, in increasing order
/// per test) so that "in force today" stays the shipped 1.10 and no test sees another's rows before its own date.
/// </summary>
public abstract class ParametersApiTests(AppFixture fixture)
{
    private TestApp App => fixture.App;

    private static string OnUrl(string date) => $"/api/v1/parameters/SMV?on={date}&lang=en";

    [Fact]
    public async Task The_list_has_SMV_in_force_today_at_1_10_marked_not_from_the_seeds()
    {
        var list = await (await App.Client().GetAsync("/api/v1/parameters?lang=en")).OkAsync<List<ParameterView>>();
        var smv = Assert.Single(list, p => p.Key == "SMV");
        Assert.NotNull(smv.Current);
        Assert.Equal(1.10m, smv.Current!.Value);
        Assert.False(smv.Current.FromSeeds);
        Assert.False(string.IsNullOrWhiteSpace(smv.Current.Marker));
        Assert.Contains(smv.History, h => h.Id == smv.Current.Id);

        var today = await (await App.Client().GetAsync(OnUrl(DateTime.UtcNow.ToString("yyyy-MM-dd")))).OkAsync<ParameterOnDate>();
        Assert.Equal(1.10m, today.Value);
        Assert.Equal(new DateOnly(2006, 1, 1), today.ValidFrom);
    }

    [Fact]
    public async Task A_new_value_from_a_future_date_applies_from_that_date_only()
    {
        var admin = await App.LoginAdminAsync();
        var r = await admin.PostJsonAsync("/api/v1/parameters/SMV/values?lang=en",
            new { validFrom = "2090-01-01", value = 1.50m, citation = "EC 225", fromSeeds = false, note = "test: new value from 2090" });
        var view = await r.OkAsync<ParameterView>(HttpStatusCode.Created);
        Assert.Equal(1.10m, view.Current!.Value);   // still 1.10 today
        Assert.Contains(view.History, h => h.ValidFrom == new DateOnly(2090, 1, 1) && h.Value == 1.50m && h.RecordedBy == "admin");

        Assert.Equal(1.10m, (await (await App.Client().GetAsync(OnUrl("2089-12-31"))).OkAsync<ParameterOnDate>()).Value);
        var on = await (await App.Client().GetAsync(OnUrl("2090-01-01"))).OkAsync<ParameterOnDate>();
        Assert.Equal(1.50m, on.Value);
        Assert.Equal("EC 225", on.Citation);
        Assert.Equal(1.50m, (await (await App.Client().GetAsync(OnUrl("2090-06-15"))).OkAsync<ParameterOnDate>()).Value);
        Assert.Equal(1.50m, (await (await App.Client().GetAsync("/api/v1/parameters/SMV?on=01.01.2090")).OkAsync<ParameterOnDate>()).Value);
    }

    [Fact]
    public async Task A_correction_supersedes_the_row_it_corrects_and_the_history_keeps_both()
    {
        var admin = await App.LoginAdminAsync();
        var first = await (await admin.PostJsonAsync("/api/v1/parameters/SMV/values",
            new { validFrom = "2095-01-01", value = 2.00m, citation = (string?)null, fromSeeds = false, note = "test: typo" })).OkAsync<ParameterView>(HttpStatusCode.Created);
        var wrongRow = first.History.Single(h => h.ValidFrom == new DateOnly(2095, 1, 1));

        var r = await admin.PostJsonAsync("/api/v1/parameters/SMV/values",
            new { validFrom = "2095-01-01", value = 2.20m, citation = (string?)null, fromSeeds = false, note = "test: corrected", correctsId = wrongRow.Id });
        var view = await r.OkAsync<ParameterView>(HttpStatusCode.Created);
        var rows = view.History.Where(h => h.ValidFrom == new DateOnly(2095, 1, 1)).ToList();
        Assert.Equal(2, rows.Count);
        var old = rows.Single(h => h.Id == wrongRow.Id);
        var fix = rows.Single(h => h.Id != wrongRow.Id);
        Assert.True(old.Superseded);
        Assert.Equal(fix.Id, old.SupersededById);
        Assert.Equal(2.00m, old.Value);
        Assert.False(fix.Superseded);
        Assert.Equal(2.20m, fix.Value);
        Assert.Equal(2.20m, (await (await App.Client().GetAsync(OnUrl("2095-01-01"))).OkAsync<ParameterOnDate>()).Value);

        // The superseded row cannot be corrected a second time.
        var again = await admin.PostJsonAsync("/api/v1/parameters/SMV/values?lang=en",
            new { validFrom = "2095-01-01", value = 2.30m, citation = (string?)null, fromSeeds = false, note = "test", correctsId = wrongRow.Id });
        await again.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "correctsId");
    }

    [Fact]
    public async Task A_correction_keeps_the_date_of_the_row_it_corrects_another_date_is_422_validFrom()
    {
        var admin = await App.LoginAdminAsync();
        var seedRow = await App.WithDbAsync(db => db.LegalParameters.Where(p => p.Key == "SMV" && p.ValidFrom == new DateOnly(2006, 1, 1)).Select(p => p.Id).SingleAsync());
        var r = await admin.PostJsonAsync("/api/v1/parameters/SMV/values?lang=en",
            new { validFrom = "2096-01-01", value = 1.20m, citation = "EC 225", fromSeeds = false, note = "test", correctsId = seedRow });
        await r.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validFrom");
        Assert.False(await App.WithDbAsync(db => db.LegalParameters.AnyAsync(p => p.ValidFrom == new DateOnly(2096, 1, 1))));
        Assert.Null(await App.WithDbAsync(db => db.LegalParameters.Where(p => p.Id == seedRow).Select(p => p.SupersededById).SingleAsync()));
    }

    [Fact]
    public async Task A_second_value_for_the_same_date_without_correctsId_is_422_validFrom()
    {
        var admin = await App.LoginAdminAsync();
        var r = await admin.PostJsonAsync("/api/v1/parameters/SMV/values?lang=en",
            new { validFrom = "2006-01-01", value = 1.20m, citation = "EC 225", fromSeeds = false, note = "test" });
        await r.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validFrom");
        Assert.Equal(1, await App.WithDbAsync(db => db.LegalParameters.CountAsync(p => p.Key == "SMV" && p.ValidFrom == new DateOnly(2006, 1, 1))));
    }

    [Fact]
    public async Task A_citation_that_is_not_act_and_article_is_422_citation()
    {
        var admin = await App.LoginAdminAsync();
        var r = await admin.PostJsonAsync("/api/v1/parameters/SMV/values?lang=en",
            new { validFrom = "2097-01-01", value = 1.20m, citation = "nonsense", fromSeeds = false, note = "test" });
        await r.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "citation");
        Assert.False(await App.WithDbAsync(db => db.LegalParameters.AnyAsync(p => p.ValidFrom == new DateOnly(2097, 1, 1))));
    }

    [Fact]
    public async Task Only_an_administrator_adds_values_anonymous_401_staff_403()
    {
        var body = new { validFrom = "2098-01-01", value = 9.99m, citation = "EC 225", fromSeeds = false, note = "test" };
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Client().PostJsonAsync("/api/v1/parameters/SMV/values", body)).StatusCode);
        var m = (await App.MunicipalityIdsAsync(30, 1)).Single();
        await App.CreateUserAsync("param-staff", Role.Chairman, m);
        var staff = await App.LoginAsync("param-staff");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostJsonAsync("/api/v1/parameters/SMV/values", body)).StatusCode);
        Assert.False(await App.WithDbAsync(db => db.LegalParameters.AnyAsync(p => p.ValidFrom == new DateOnly(2098, 1, 1))));
    }

    [Fact]
    public async Task The_audit_of_a_parameter_change_shows_the_value()
    {
        // The audit is how a later reader learns what ŞMV was set to and by whom; the amount is not a secret.
        var admin = await App.LoginAdminAsync();
        await (await admin.PostJsonAsync("/api/v1/parameters/SMV/values",
            new { validFrom = "2099-01-01", value = 3.25m, citation = "EC 225", fromSeeds = false, note = "test: audited" })).OkAsync<ParameterView>(HttpStatusCode.Created);
        var after = await App.WithDbAsync(db => db.AuditLog.AsNoTracking()
            .Where(e => e.Entity == "LegalParameterRecord" && e.Action == "create").OrderByDescending(e => e.Id).Select(e => e.After).FirstAsync());
        Assert.Contains("2099-01-01", after);
        Assert.Contains("3.25", after);
    }
}

public sealed class ParametersApiTests_Sqlite(SqliteFixture f) : ParametersApiTests(f), IClassFixture<SqliteFixture>;
public sealed class ParametersApiTests_Postgres(PostgresFixture f) : ParametersApiTests(f), IClassFixture<PostgresFixture>;
