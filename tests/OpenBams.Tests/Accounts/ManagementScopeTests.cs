using System.Net;
using OpenBams.Platform.Identity;
using OpenBams.Registry;
using OpenBams.Testing;
using OpenBams.Tests.Admin;
using OpenBams.Tests.PlatformApi;
using static OpenBams.Tests.Accounts.AccountsHttp;

namespace OpenBams.Tests.Accounts;

/// <summary>
/// A municipal administrator of A manages an account only if every role it holds is in a municipality they
/// administer. An account that also holds a role in B, or a national role (up to platform Administrator), is
/// seen in A's list but only a platform administrator changes it; A's administrator may only take A's roles away.
/// </summary>
public abstract class ManagementScopeTests(AppFixture fixture)
{
    private TestApp App => fixture.App;
    private const string NewPassword = "Hijacked-password-2026";

    /// <summary>Municipalities A and B, and a logged-in municipal administrator of A.</summary>
    private async Task<(int A, int B, HttpClient AdminOfA)> SetUpAsync(int slot)
    {
        var ids = await App.MunicipalityIdsAsync(200 + slot * 2, 2);
        await App.CreateUserAsync($"scope-madm-{slot}", Role.MunicipalAdministrator, ids[0]);
        return (ids[0], ids[1], await App.LoginAsync($"scope-madm-{slot}"));
    }

    /// <summary>Every way the municipal route changes an account, each expected to be refused and to leave it as it was.</summary>
    private async Task AssertUntouchableAsync(HttpClient client, int a, AppUser target)
    {
        var url = $"/api/v1/municipalities/{a}/users/{target.Id}";
        var read = await client.ReadAsync(url);
        Assert.False(read.Manageable);
        var before = await App.StoredUserAsync(target.Id);
        var roles = await App.StoredRolesAsync(target.Id);

        await (await client.PostJsonAsync($"{url}/reset-password?lang=en", new { newPassword = NewPassword })).AssertForbiddenAsync();
        await (await client.PostAsync($"{url}/unlock", null)).AssertForbiddenAsync();
        await (await client.PutJsonAsync(url, Change(read, disabled: true))).AssertForbiddenAsync();
        await (await client.PutJsonAsync(url, Change(read, fullName: "Renamed by A"))).AssertForbiddenAsync();
        await (await client.PutJsonAsync(url, Change(read, roles: [.. read.Roles.Select(r => new RoleGrant(r.Role, r.MunicipalityId)), new(Role.Deputy, a)]))).AssertForbiddenAsync();

        var after = await App.StoredUserAsync(target.Id);
        Assert.Equal((before.FullName, before.Disabled, before.PasswordHash, before.SecurityStamp, before.ConcurrencyStamp),
            (after.FullName, after.Disabled, after.PasswordHash, after.SecurityStamp, after.ConcurrencyStamp));
        Assert.Equal(roles, await App.StoredRolesAsync(target.Id));
        await App.LoginAsync(target.UserName!);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Client().PostLoginAsync(target.UserName!, NewPassword)).StatusCode);
    }

    [Fact]
    public async Task An_account_with_roles_in_A_and_B_is_refused_to_As_administrator_and_one_only_in_A_is_not()
    {
        var (a, b, client) = await SetUpAsync(0);
        var mixed = await App.CreateUserAsync("scope-mixed", Role.TaxOfficer, a);
        await App.AddRoleAsync(mixed.Id, Role.Secretary, b);
        var onlyA = await App.CreateUserAsync("scope-only-a", Role.TaxOfficer, a);

        await AssertUntouchableAsync(client, a, mixed);

        // A's administrator sees the account in A's list, with A's role only.
        var list = await (await client.GetAsync($"/api/v1/municipalities/{a}/users")).OkAsync<Paged<UserView>>();
        var seen = Assert.Single(list.Items, u => u.UserName == "scope-mixed");
        Assert.False(seen.Manageable);
        Assert.Equal([new RoleView(Role.TaxOfficer, a)], seen.Roles);
        Assert.True(Assert.Single(list.Items, u => u.UserName == "scope-only-a").Manageable);

        // The same calls on an account whose only roles are in A succeed.
        var url = $"/api/v1/municipalities/{a}/users/{onlyA.Id}";
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostJsonAsync($"{url}/reset-password", new { newPassword = "Brand-new-password-7" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"{url}/unlock", null)).StatusCode);
        var read = await client.ReadAsync(url);
        Assert.True(read.Manageable);
        var changed = await (await client.PutJsonAsync(url, Change(read, fullName: "Renamed by A", roles: Grants((Role.TaxOfficer, a), (Role.Chairman, a))))).OkAsync<UserView>();
        Assert.Equal("Renamed by A", changed.FullName);
        await App.LoginAsync("scope-only-a", "Brand-new-password-7");

        // A platform administrator manages the mixed account, through either route.
        var admin = await App.LoginAdminAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostJsonAsync($"/api/v1/municipalities/{a}/users/{mixed.Id}/reset-password", new { newPassword = "Admin-set-password-1" })).StatusCode);
        var adminRead = await admin.ReadAsync($"/api/v1/admin/users/{mixed.Id}");
        Assert.True(adminRead.Manageable);
        Assert.True((await (await admin.PutJsonAsync($"/api/v1/admin/users/{mixed.Id}", Change(adminRead, disabled: true))).OkAsync<UserView>()).Disabled);
    }

    [Fact]
    public async Task A_platform_administrator_or_a_national_role_holder_with_a_role_in_A_is_refused_to_As_administrator()
    {
        var (a, _, client) = await SetUpAsync(1);
        var platformAdmin = await App.CreateUserAsync("scope-padmin", Role.Administrator, null);
        await App.AddRoleAsync(platformAdmin.Id, Role.Chairman, a);
        var oversight = await App.CreateUserAsync("scope-oversight", Role.OversightOfficer, null);
        await App.AddRoleAsync(oversight.Id, Role.CouncilMember, a);

        await AssertUntouchableAsync(client, a, platformAdmin);
        await AssertUntouchableAsync(client, a, oversight);
        // The national role is not shown to A's administrator.
        Assert.Equal([new RoleView(Role.Chairman, a)], (await client.ReadAsync($"/api/v1/municipalities/{a}/users/{platformAdmin.Id}")).Roles);
    }

    [Fact]
    public async Task As_administrator_may_take_only_As_roles_away_from_an_account_that_also_has_roles_in_B()
    {
        var (a, b, client) = await SetUpAsync(2);
        var mixed = await App.CreateUserAsync("scope-revoke", Role.TaxOfficer, a);
        await App.AddRoleAsync(mixed.Id, Role.Accountant, a);
        await App.AddRoleAsync(mixed.Id, Role.Secretary, b);
        var url = $"/api/v1/municipalities/{a}/users/{mixed.Id}";

        var read = await client.ReadAsync(url);
        var fewer = await (await client.PutJsonAsync(url, Change(read, roles: Grants((Role.Accountant, a))))).OkAsync<UserView>();
        Assert.Equal([new RoleView(Role.Accountant, a)], fewer.Roles);
        Assert.Equal(Grants((Role.Accountant, a), (Role.Secretary, b)), await App.StoredRolesAsync(mixed.Id));

        // Taking the last of A's roles away: the account leaves A's list, its role in B stays.
        Assert.Equal(HttpStatusCode.OK, (await client.PutJsonAsync(url, Change(fewer, roles: []))).StatusCode);
        Assert.Equal(Grants((Role.Secretary, b)), await App.StoredRolesAsync(mixed.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
        Assert.DoesNotContain((await (await client.GetAsync($"/api/v1/municipalities/{a}/users")).OkAsync<Paged<UserView>>()).Items, u => u.Id == mixed.Id);
    }

    [Fact]
    public async Task An_administrator_of_both_A_and_B_manages_an_account_with_roles_in_both()
    {
        var (a, b, _) = await SetUpAsync(3);
        var both = await App.CreateUserAsync("scope-madm-ab", Role.MunicipalAdministrator, a);
        await App.AddRoleAsync(both.Id, Role.MunicipalAdministrator, b);
        var client = await App.LoginAsync("scope-madm-ab");
        var staff = await App.CreateUserAsync("scope-staff-ab", Role.TaxOfficer, a);
        await App.AddRoleAsync(staff.Id, Role.Secretary, b);

        Assert.True((await client.ReadAsync($"/api/v1/municipalities/{a}/users/{staff.Id}")).Manageable);
        Assert.Equal(HttpStatusCode.NoContent,
            (await client.PostJsonAsync($"/api/v1/municipalities/{a}/users/{staff.Id}/reset-password", new { newPassword = "Both-set-password-1" })).StatusCode);
        await App.LoginAsync("scope-staff-ab", "Both-set-password-1");
    }

    [Fact]
    public async Task The_edit_page_refuses_such_an_account_and_offers_only_to_remove_As_roles()
    {
        var (a, b, _) = await SetUpAsync(4);
        var client = await App.LoginAsync("scope-madm-4");
        var mixed = await App.CreateUserAsync("scope-page-mixed", Role.TaxOfficer, a);
        await App.AddRoleAsync(mixed.Id, Role.Secretary, b);
        var onlyA = await App.CreateUserAsync("scope-page-only-a", Role.TaxOfficer, a);
        var page = $"/Admin/m/{a}/Users/{mixed.Id}?lang=en";

        var html = await client.PageAsync(page);
        Assert.NotNull(html.QuerySelector("#managed-elsewhere"));
        Assert.Null(html.QuerySelector("input[name=NewPassword]"));
        Assert.Null(html.QuerySelector("#edit-user"));

        // A hand-made post is refused all the same.
        var stamp = (await App.StoredUserAsync(mixed.Id)).ConcurrencyStamp;
        var password = await client.PostFormAsync(page, [AdminHttp.F("NewPassword", NewPassword)], $"/Admin/m/{a}/Users/{mixed.Id}?handler=Password&lang=en");
        Assert.Equal(HttpStatusCode.Forbidden, password.StatusCode);
        Assert.Contains("Only a platform administrator", (await password.HtmlAsync()).QuerySelector("#refused")?.TextContent);
        var disable = await client.PostFormAsync(page, [AdminHttp.F("FullName", "Test scope-page-mixed"), AdminHttp.F("Disabled", "true"),
            AdminHttp.F("SelectedRoles", Role.TaxOfficer), AdminHttp.F("ConcurrencyStamp", stamp)]);
        Assert.Equal(HttpStatusCode.Forbidden, disable.StatusCode);
        Assert.False((await App.StoredUserAsync(mixed.Id)).Disabled);
        await App.LoginAsync("scope-page-mixed");

        // The offered form removes A's role, and only that.
        var remove = await client.PostFormAsync(page, [AdminHttp.F("FullName", "Test scope-page-mixed"), AdminHttp.F("Disabled", "false"),
            AdminHttp.F("ConcurrencyStamp", stamp)]);
        Assert.Equal($"/Admin/m/{a}/Users", remove.Redirected());
        Assert.Equal(Grants((Role.Secretary, b)), await App.StoredRolesAsync(mixed.Id));

        // The page still sets a password for an account only in A.
        var ok = await client.PostFormAsync($"/Admin/m/{a}/Users/{onlyA.Id}", [AdminHttp.F("NewPassword", "Page-set-password-1")], $"/Admin/m/{a}/Users/{onlyA.Id}?handler=Password");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        await App.LoginAsync("scope-page-only-a", "Page-set-password-1");
    }
}

public sealed class ManagementScopeTests_Sqlite(SqliteFixture f) : ManagementScopeTests(f), IClassFixture<SqliteFixture>;
public sealed class ManagementScopeTests_Postgres(PostgresFixture f) : ManagementScopeTests(f), IClassFixture<PostgresFixture>;
