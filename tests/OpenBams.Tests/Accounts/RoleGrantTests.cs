using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenBams.Platform.Identity;
using OpenBams.Registry;
using OpenBams.Testing;
using OpenBams.Tests.PlatformApi;
using static OpenBams.Tests.Accounts.AccountsHttp;

namespace OpenBams.Tests.Accounts;

/// <summary>
/// Roles are granted only in municipalities that exist and are active (not merged or dissolved); a municipal
/// role needs a municipality and a national one takes none; national roles come only from a platform
/// administrator. Each refusal is 422 problem+json naming the grant's field, e.g. roles[1].municipalityId.
/// </summary>
public abstract class RoleGrantTests(AppFixture fixture)
{
    private TestApp App => fixture.App;

    private static object NewUser(string userName, params RoleGrant[] roles) =>
        new { userName, fullName = "Full " + userName, password = "Good-password-2026", roles };

    private Task SetStatusAsync(int municipalityId, MunicipalityStatus status) => App.WithDbAsync(async db =>
    {
        (await db.Municipalities.SingleAsync(m => m.Id == municipalityId)).Status = status;
        return await db.SaveChangesAsync();
    });

    private Task<bool> ExistsAsync(string userName) => App.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == userName));

    [Fact]
    public async Task A_role_is_granted_only_in_an_existing_active_municipality()
    {
        var ids = await App.MunicipalityIdsAsync(400, 3);
        var (active, dissolved, merged) = (ids[0], ids[1], ids[2]);
        await SetStatusAsync(dissolved, MunicipalityStatus.Dissolved);
        await SetStatusAsync(merged, MunicipalityStatus.Merged);
        var admin = await App.LoginAdminAsync();
        const string url = "/api/v1/admin/users?lang=en";

        var none = await (await admin.PostJsonAsync(url, NewUser("grant-none", Grants((Role.TaxOfficer, 999_999))))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "roles[0].municipalityId");
        Assert.Contains("no municipality № 999999", none.GetProperty("title").GetString());
        var gone = await (await admin.PostJsonAsync(url, NewUser("grant-dissolved", Grants((Role.TaxOfficer, active), (Role.TaxOfficer, dissolved))))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "roles[1].municipalityId");
        Assert.Contains("dissolved", gone.GetProperty("title").GetString());
        var joined = await (await admin.PostJsonAsync(url, NewUser("grant-merged", Grants((Role.Chairman, merged))))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "roles[0].municipalityId");
        Assert.Contains("merged", joined.GetProperty("title").GetString());
        Assert.False(await ExistsAsync("grant-none") || await ExistsAsync("grant-dissolved") || await ExistsAsync("grant-merged"));

        var created = await (await admin.PostJsonAsync(url, NewUser("grant-active", Grants((Role.TaxOfficer, active))))).OkAsync<UserView>(HttpStatusCode.Created);
        Assert.Equal([new RoleView(Role.TaxOfficer, active)], created.Roles);

        // A role held from before the dissolution stays through an unrelated change; a new one there is refused.
        await App.AddRoleAsync(created.Id, Role.Accountant, dissolved);
        var read = await admin.ReadAsync($"/api/v1/admin/users/{created.Id}");
        var renamed = await (await admin.PutJsonAsync($"/api/v1/admin/users/{created.Id}", Change(read, fullName: "Renamed"))).OkAsync<UserView>();
        Assert.Contains(new RoleView(Role.Accountant, dissolved), renamed.Roles);
        await (await admin.PutJsonAsync($"/api/v1/admin/users/{created.Id}?lang=en",
                Change(renamed, roles: Grants((Role.TaxOfficer, active), (Role.Accountant, dissolved), (Role.Secretary, dissolved)))))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "roles[2].municipalityId");

        // The administrator of a dissolved municipality cannot add accounts to it either.
        await App.CreateUserAsync("grant-madm-dissolved", Role.MunicipalAdministrator, dissolved);
        var theirs = await App.LoginAsync("grant-madm-dissolved");
        await (await theirs.PostJsonAsync($"/api/v1/municipalities/{dissolved}/users?lang=en", NewUser("grant-in-dissolved", Grants((Role.TaxOfficer, dissolved)))))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "roles[0].municipalityId");
        Assert.False(await ExistsAsync("grant-in-dissolved"));
    }

    [Fact]
    public async Task A_municipal_role_needs_a_municipality_and_a_national_role_must_not_have_one()
    {
        var m = (await App.MunicipalityIdsAsync(410, 1)).Single();
        var admin = await App.LoginAdminAsync();
        const string url = "/api/v1/admin/users?lang=en";

        var unscoped = await (await admin.PostJsonAsync(url, NewUser("grant-unscoped", Grants((Role.Chairman, m), (Role.Accountant, null)))))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "roles[1].municipalityId");
        Assert.Contains("needs a municipality", unscoped.GetProperty("title").GetString());
        var scoped = await (await admin.PostJsonAsync(url, NewUser("grant-scoped-national", Grants((Role.OversightOfficer, m)))))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "roles[0].municipalityId");
        Assert.Contains("national role", scoped.GetProperty("title").GetString());
        Assert.False(await ExistsAsync("grant-unscoped") || await ExistsAsync("grant-scoped-national"));

        var national = await (await admin.PostJsonAsync(url, NewUser("grant-national", Grants((Role.OversightOfficer, null))))).OkAsync<UserView>(HttpStatusCode.Created);
        Assert.Equal([new RoleView(Role.OversightOfficer, null)], national.Roles);
    }

    [Fact]
    public async Task Only_a_platform_administrator_grants_a_national_role()
    {
        var m = (await App.MunicipalityIdsAsync(420, 1)).Single();
        await App.CreateUserAsync("grant-madm", Role.MunicipalAdministrator, m);
        var staff = await App.CreateUserAsync("grant-staff", Role.TaxOfficer, m);
        var client = await App.LoginAsync("grant-madm");
        var url = $"/api/v1/municipalities/{m}/users/{staff.Id}?lang=en";

        var read = await client.ReadAsync(url);
        var p = await (await client.PutJsonAsync(url, Change(read, roles: Grants((Role.TaxOfficer, m), (Role.NationalAnalyst, null)))))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "roles[1].role");
        Assert.Contains("only a platform administrator", p.GetProperty("title").GetString());
        Assert.Equal(Grants((Role.TaxOfficer, m)), await App.StoredRolesAsync(staff.Id));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostJsonAsync("/api/v1/admin/users", NewUser("grant-by-madm", Grants((Role.NationalAnalyst, null))))).StatusCode);

        var admin = await App.LoginAdminAsync();
        var adminRead = await admin.ReadAsync($"/api/v1/admin/users/{staff.Id}");
        var granted = await (await admin.PutJsonAsync($"/api/v1/admin/users/{staff.Id}", Change(adminRead, roles: Grants((Role.TaxOfficer, m), (Role.NationalAnalyst, null))))).OkAsync<UserView>();
        Assert.Contains(new RoleView(Role.NationalAnalyst, null), granted.Roles);
    }
}

public sealed class RoleGrantTests_Sqlite(SqliteFixture f) : RoleGrantTests(f), IClassFixture<SqliteFixture>;
public sealed class RoleGrantTests_Postgres(PostgresFixture f) : RoleGrantTests(f), IClassFixture<PostgresFixture>;
