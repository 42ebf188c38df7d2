using System.Net;
using OpenBams.Platform.Identity;
using OpenBams.Testing;
using OpenBams.Tests.PlatformApi;
using static OpenBams.Tests.Accounts.AccountsHttp;

namespace OpenBams.Tests.Accounts;

/// <summary>
/// The platform always keeps one active administrator, and a municipal administrator cannot lock their
/// municipality out by disabling themselves or dropping their own administrator role while they are its last.
/// A disabled administrator does not count.
/// </summary>
public abstract class LastAdministratorTests(AppFixture fixture)
{
    [Fact]
    public async Task The_last_active_platform_administrator_can_neither_be_disabled_nor_lose_the_role()
    {
        // A database of its own: it has exactly one platform administrator, "admin".
        await using var app = await TestApp.StartAsync(fixture.Provider);
        var admin = await app.LoginAdminAsync();
        var page = await (await admin.GetAsync("/api/v1/admin/users?q=admin")).OkAsync<OpenBams.Registry.Paged<UserView>>();
        var self = await admin.ReadAsync($"/api/v1/admin/users/{Assert.Single(page.Items, u => u.UserName == "admin").Id}");
        var url = $"/api/v1/admin/users/{self.Id}?lang=en";

        var p = await (await admin.PutJsonAsync(url, Change(self, disabled: true))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "disabled");
        Assert.Contains("last active platform administrator", p.GetProperty("title").GetString());
        await (await admin.PutJsonAsync(url, Change(self, roles: Grants((Role.OversightOfficer, null))))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "roles");
        await (await admin.PutJsonAsync(url, Change(self, roles: []))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "roles");
        Assert.False((await app.StoredUserAsync(self.Id)).Disabled);
        Assert.Equal(Grants((Role.Administrator, null)), await app.StoredRolesAsync(self.Id));

        // A second administrator who is disabled does not count...
        var second = await (await admin.PostJsonAsync("/api/v1/admin/users",
            new { userName = "last-admin-2", fullName = "Second Administrator", password = "Second-admin-2026", roles = Grants((Role.Administrator, null)) }))
            .OkAsync<UserView>(HttpStatusCode.Created);
        var secondDisabled = await (await admin.PutJsonAsync($"/api/v1/admin/users/{second.Id}", Change(second, disabled: true))).OkAsync<UserView>();
        await (await admin.PutJsonAsync(url, Change(self, disabled: true))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "disabled");

        // ...an active one does: then the first may go, and the second is the last.
        await (await admin.PutJsonAsync($"/api/v1/admin/users/{second.Id}", Change(secondDisabled, disabled: false))).OkAsync<UserView>();
        var other = await app.LoginAsync("last-admin-2", "Second-admin-2026");
        await (await other.PutJsonAsync(url, Change(self, disabled: true))).OkAsync<UserView>();
        var own = await other.ReadAsync($"/api/v1/admin/users/{second.Id}");
        await (await other.PutJsonAsync($"/api/v1/admin/users/{second.Id}?lang=en", Change(own, disabled: true)))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "disabled");
    }

    [Fact]
    public async Task The_last_municipal_administrator_cannot_disable_themselves_or_drop_their_own_administrator_role()
    {
        var app = fixture.App;
        var a = (await app.MunicipalityIdsAsync(500, 1)).Single();
        var first = await app.CreateUserAsync("last-madm", Role.MunicipalAdministrator, a);
        var client = await app.LoginAsync("last-madm");
        var users = $"/api/v1/municipalities/{a}/users";
        var url = $"{users}/{first.Id}?lang=en";

        var self = await client.ReadAsync(url);
        var p = await (await client.PutJsonAsync(url, Change(self, disabled: true))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "disabled");
        Assert.Contains("last active administrator of municipality", p.GetProperty("title").GetString());
        await (await client.PutJsonAsync(url, Change(self, roles: Grants((Role.TaxOfficer, a))))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "roles");
        Assert.Equal(Grants((Role.MunicipalAdministrator, a)), await app.StoredRolesAsync(first.Id));
        Assert.False((await app.StoredUserAsync(first.Id)).Disabled);

        // A second administrator who is disabled does not count; an active one does.
        var second = await (await client.PostJsonAsync(users, new { userName = "last-madm-2", fullName = "Second", password = "Second-madm-2026",
            roles = Grants((Role.MunicipalAdministrator, a)) })).OkAsync<UserView>(HttpStatusCode.Created);
        var secondDisabled = await (await client.PutJsonAsync($"{users}/{second.Id}", Change(second, disabled: true))).OkAsync<UserView>();
        await (await client.PutJsonAsync(url, Change(self, roles: Grants((Role.TaxOfficer, a))))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "roles");
        await (await client.PutJsonAsync($"{users}/{second.Id}", Change(secondDisabled, disabled: false))).OkAsync<UserView>();
        var dropped = await (await client.PutJsonAsync(url, Change(self, roles: Grants((Role.TaxOfficer, a))))).OkAsync<UserView>();
        Assert.Equal([new RoleView(Role.TaxOfficer, a)], dropped.Roles);

        // The rule guards against one's own hand only: a platform administrator may disable the last one.
        var admin = await app.LoginAdminAsync();
        var last = await admin.ReadAsync($"{users}/{second.Id}");
        Assert.True((await (await admin.PutJsonAsync($"{users}/{second.Id}", Change(last, disabled: true))).OkAsync<UserView>()).Disabled);
    }
}

public sealed class LastAdministratorTests_Sqlite(SqliteFixture f) : LastAdministratorTests(f), IClassFixture<SqliteFixture>;
public sealed class LastAdministratorTests_Postgres(PostgresFixture f) : LastAdministratorTests(f), IClassFixture<PostgresFixture>;
