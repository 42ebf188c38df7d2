using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenBams.Platform.Identity;
using OpenBams.Registry;
using OpenBams.Testing;

namespace OpenBams.Tests.PlatformApi;

/// <summary>
/// A municipality's staff accounts (/api/v1/municipalities/{municipalityId}/users), managed by its
/// MunicipalAdministrator and by nobody else's. Each test takes its own pair of municipalities (A, B).
/// </summary>
public abstract class AccountsApiTests(AppFixture fixture)
{
    private TestApp App => fixture.App;

    /// <summary>Municipalities A and B, and a logged-in municipal administrator of A.</summary>
    private async Task<(int A, int B, HttpClient AdminOfA)> SetUpAsync(int slot)
    {
        var ids = await App.MunicipalityIdsAsync(100 + slot * 2, 2);
        var name = $"madm-{slot}";
        await App.CreateUserAsync(name, Role.MunicipalAdministrator, ids[0]);
        return (ids[0], ids[1], await App.LoginAsync(name));
    }

    private static object NewUser(string userName, int municipalityId, string password = "Good-password-2026", string? personalId = null,
        Role role = Role.TaxOfficer, int? roleMunicipality = -1) => new
    {
        userName, fullName = "Full " + userName, password, personalId,
        roles = new[] { new { role, municipalityId = roleMunicipality == -1 ? municipalityId : roleMunicipality } },
    };

    [Fact]
    public async Task A_municipal_administrator_creates_and_lists_accounts_of_their_municipality()
    {
        var (a, _, client) = await SetUpAsync(0);
        var r = await client.PostJsonAsync($"/api/v1/municipalities/{a}/users?lang=en", NewUser("acc-created", a, personalId: "5ab12cd"));
        var created = await r.OkAsync<UserView>(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/municipalities/{a}/users/{created.Id}", r.Headers.Location?.OriginalString);
        Assert.Equal("acc-created", created.UserName);
        Assert.Equal("5AB12CD", created.PersonalId);   // FIN is stored in its canonical upper-case form
        Assert.Equal([new RoleView(Role.TaxOfficer, a)], created.Roles);

        var page = await (await client.GetAsync($"/api/v1/municipalities/{a}/users")).OkAsync<Paged<UserView>>();
        Assert.Contains(page.Items, u => u.UserName == "acc-created");
        Assert.Contains(page.Items, u => u.UserName == "madm-0");
        Assert.All(page.Items, u => Assert.Contains(u.Roles, x => x.MunicipalityId == a));

        var one = await (await client.GetAsync($"/api/v1/municipalities/{a}/users/{created.Id}")).OkAsync<UserView>();
        Assert.Equal(created.Id, one.Id);

        // The new account can log in with the password it was given.
        await App.LoginAsync("acc-created", "Good-password-2026");
    }

    [Fact]
    public async Task A_municipal_administrator_resets_a_password_and_ends_a_lockout()
    {
        var (a, _, client) = await SetUpAsync(1);
        var staff = await App.CreateUserAsync("acc-reset", Role.Accountant, a);
        var login = App.Client();
        for (var i = 0; i < 5; i++) await login.PostLoginAsync("acc-reset", "wrong-password-" + i);
        Assert.Equal((HttpStatusCode)423, (await login.PostLoginAsync("acc-reset", TestApp.Password)).StatusCode);
        Assert.True((await (await client.GetAsync($"/api/v1/municipalities/{a}/users/{staff.Id}")).OkAsync<UserView>()).LockedOut);

        var unlock = await client.PostAsync($"/api/v1/municipalities/{a}/users/{staff.Id}/unlock", null);
        Assert.Equal(HttpStatusCode.NoContent, unlock.StatusCode);
        await App.LoginAsync("acc-reset");

        var weak = await client.PostJsonAsync($"/api/v1/municipalities/{a}/users/{staff.Id}/reset-password?lang=en", new { newPassword = "short" });
        await weak.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "newPassword");

        var reset = await client.PostJsonAsync($"/api/v1/municipalities/{a}/users/{staff.Id}/reset-password", new { newPassword = "Brand-new-password-7" });
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        await App.LoginAsync("acc-reset", "Brand-new-password-7");
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Client().PostLoginAsync("acc-reset", TestApp.Password)).StatusCode);
    }

    [Fact]
    public async Task A_municipal_administrator_cannot_touch_another_municipalitys_accounts_403_and_they_stay_unchanged()
    {
        var (_, b, client) = await SetUpAsync(2);
        var other = await App.CreateUserAsync("acc-of-b", Role.Secretary, b);
        var stamp = other.ConcurrencyStamp!;

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/municipalities/{b}/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/municipalities/{b}/users/{other.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostJsonAsync($"/api/v1/municipalities/{b}/users", NewUser("acc-sneaky", b))).StatusCode);
        var put = await client.PutJsonAsync($"/api/v1/municipalities/{b}/users/{other.Id}",
            new { fullName = "Hijacked", disabled = true, roles = new[] { new { role = Role.Chairman, municipalityId = b } }, concurrencyStamp = stamp });
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostJsonAsync($"/api/v1/municipalities/{b}/users/{other.Id}/reset-password", new { newPassword = "Hijacked-password-1" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/admin/users")).StatusCode);

        var after = await App.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == other.Id));
        Assert.Equal("Test acc-of-b", after.FullName);
        Assert.False(after.Disabled);
        Assert.Equal(stamp, after.ConcurrencyStamp);
        var roles = await App.WithDbAsync(db => db.RoleAssignments.Where(r => r.UserId == other.Id).Select(r => r.Role).ToListAsync());
        Assert.Equal([Role.Secretary], roles);
        Assert.False(await App.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "acc-sneaky")));
        await App.LoginAsync("acc-of-b");
    }

    [Fact]
    public async Task A_change_with_a_stale_concurrency_stamp_is_409_and_a_fresh_one_is_saved()
    {
        var (a, _, client) = await SetUpAsync(3);
        var staff = await App.CreateUserAsync("acc-stale", Role.LandOfficer, a);
        var read = await (await client.GetAsync($"/api/v1/municipalities/{a}/users/{staff.Id}")).OkAsync<UserView>();

        var ok = await client.PutJsonAsync($"/api/v1/municipalities/{a}/users/{staff.Id}",
            new { fullName = "Renamed once", disabled = false, roles = new[] { new { role = Role.LandOfficer, municipalityId = a }, new { role = Role.Accountant, municipalityId = a } }, concurrencyStamp = read.ConcurrencyStamp });
        var changed = await ok.OkAsync<UserView>();
        Assert.Equal("Renamed once", changed.FullName);
        Assert.Equal(2, changed.Roles.Count);
        Assert.NotEqual(read.ConcurrencyStamp, changed.ConcurrencyStamp);

        // A second editor still holding the first read loses.
        var stale = await client.PutJsonAsync($"/api/v1/municipalities/{a}/users/{staff.Id}",
            new { fullName = "Renamed twice", disabled = false, roles = new[] { new { role = Role.LandOfficer, municipalityId = a } }, concurrencyStamp = read.ConcurrencyStamp });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Renamed once", await App.WithDbAsync(db => db.Users.Where(u => u.Id == staff.Id).Select(u => u.FullName).SingleAsync()));
    }

    [Fact]
    public async Task A_weak_password_is_422_naming_password()
    {
        var (a, _, client) = await SetUpAsync(4);
        var r = await client.PostJsonAsync($"/api/v1/municipalities/{a}/users?lang=en", NewUser("acc-weak", a, password: "abc"));
        await r.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "password");
        Assert.False(await App.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "acc-weak")));
        Assert.False(await App.WithDbAsync(db => db.Users.AnyAsync(u => u.NormalizedUserName == "ACC-WEAK")));
    }

    [Fact]
    public async Task An_invalid_FIN_is_422_naming_personalId()
    {
        var (a, _, client) = await SetUpAsync(5);
        var r = await client.PostJsonAsync($"/api/v1/municipalities/{a}/users?lang=en", NewUser("acc-fin", a, personalId: "ab12"));
        await r.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "personalId");
        Assert.False(await App.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "acc-fin")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]   // 0 = "the route's municipality", filled in below
    public async Task A_national_role_cannot_be_granted_through_the_municipal_route_422_naming_the_role(int? scoped)
    {
        var (a, _, client) = await SetUpAsync(scoped is null ? 6 : 7);
        var name = scoped is null ? "acc-natl" : "acc-natl-scoped";
        var r = await client.PostJsonAsync($"/api/v1/municipalities/{a}/users?lang=en",
            NewUser(name, a, role: Role.Administrator, roleMunicipality: scoped is null ? null : a));
        await r.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "roles[0].role");
        Assert.False(await App.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == name)));
        var granter = "madm-" + (scoped is null ? 6 : 7);
        Assert.False(await App.WithDbAsync(db => db.RoleAssignments.AnyAsync(x => x.Role == Role.Administrator && x.GrantedBy == granter)));
    }

    [Fact]
    public async Task Creating_an_account_is_audited_without_the_password_hash()
    {
        var (a, _, client) = await SetUpAsync(8);
        var created = await (await client.PostJsonAsync($"/api/v1/municipalities/{a}/users", NewUser("acc-audited", a))).OkAsync<UserView>(HttpStatusCode.Created);
        var id = created.Id.ToString();

        var entries = await App.WithDbAsync(db => db.AuditLog.AsNoTracking()
            .Where(e => (e.Entity == "AppUser" && e.EntityId == id) || e.Entity == "RoleAssignment").ToListAsync());
        var user = Assert.Single(entries, e => e.Entity == "AppUser" && e.Action == "create");
        Assert.Equal("madm-8", user.UserName);
        var role = Assert.Single(entries, e => e.Entity == "RoleAssignment" && e.After!.Contains(id));
        Assert.Equal("create", role.Action);
        Assert.Equal(a, role.MunicipalityId);
        Assert.Equal("madm-8", role.UserName);

        using var after = JsonDocument.Parse(user.After!);
        Assert.Equal("***", after.RootElement.GetProperty("PasswordHash").GetString());
        Assert.Equal("***", after.RootElement.GetProperty("SecurityStamp").GetString());
        var hash = await App.WithDbAsync(db => db.Users.Where(u => u.Id == created.Id).Select(u => u.PasswordHash).SingleAsync());
        foreach (var e in entries.Where(e => e.After?.Contains(id) == true || e.EntityId == id))
        {
            Assert.DoesNotContain(hash!, e.After ?? "");
            Assert.DoesNotContain(hash!, e.Before ?? "");
            Assert.DoesNotContain("Good-password-2026", (e.After ?? "") + (e.Before ?? ""));
        }
    }
}

public sealed class AccountsApiTests_Sqlite(SqliteFixture f) : AccountsApiTests(f), IClassFixture<SqliteFixture>;
public sealed class AccountsApiTests_Postgres(PostgresFixture f) : AccountsApiTests(f), IClassFixture<PostgresFixture>;
