using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OpenBams.Platform.Data;
using OpenBams.Platform.Identity;
using OpenBams.Testing;
using OpenBams.Tests.PlatformApi;
using static OpenBams.Tests.Accounts.AccountsHttp;

namespace OpenBams.Tests.Accounts;

/// <summary>
/// Disabling an account or changing its roles reaches the sessions it already has: the cookie's security
/// stamp is checked again after IdentitySetup's one-minute interval, and the change gave the account a new
/// stamp. The cookie and the security-stamp validator read a test clock, moved forward instead of waiting.
/// </summary>
public abstract class SessionTests(ClockedAppFixture fixture)
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task A_disabled_accounts_existing_session_ends_within_a_minute()
    {
        var a = (await App.MunicipalityIdsAsync(10, 1)).Single();
        await App.CreateUserAsync("sess-madm", Role.MunicipalAdministrator, a);
        var staff = await App.CreateUserAsync("sess-staff", Role.TaxOfficer, a);
        var other = await App.CreateUserAsync("sess-other", Role.TaxOfficer, a);
        var staffSession = await App.LoginAsync("sess-staff");
        var otherSession = await App.LoginAsync("sess-other");
        var admin = await App.LoginAsync("sess-madm");

        var url = $"/api/v1/municipalities/{a}/users";
        await (await admin.PutJsonAsync($"{url}/{staff.Id}", Change(await admin.ReadAsync($"{url}/{staff.Id}"), disabled: true))).OkAsync<UserView>();
        // A rename is no reason to end a session.
        await (await admin.PutJsonAsync($"{url}/{other.Id}", Change(await admin.ReadAsync($"{url}/{other.Id}"), fullName: "Renamed meanwhile"))).OkAsync<UserView>();

        // Within the interval the cookie is not checked again (this is what the interval means)...
        fixture.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, (await staffSession.GetAsync("/api/v1/auth/me")).StatusCode);
        // ...after it, the disabled account's session is gone; the renamed one's is not.
        fixture.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(HttpStatusCode.Unauthorized, (await staffSession.GetAsync("/api/v1/auth/me")).StatusCode);
        Assert.Equal("Renamed meanwhile", (await (await otherSession.GetAsync("/api/v1/auth/me")).OkAsync<MeView>()).FullName);
        Assert.Equal(HttpStatusCode.Forbidden, (await App.Client().PostLoginAsync("sess-staff", TestApp.Password)).StatusCode);
    }

    [Fact]
    public async Task A_revoked_role_stops_working_in_the_existing_session_within_a_minute()
    {
        var a = (await App.MunicipalityIdsAsync(11, 1)).Single();
        var second = await App.CreateUserAsync("sess-madm-2", Role.MunicipalAdministrator, a);
        var session = await App.LoginAsync("sess-madm-2");
        var list = $"/api/v1/municipalities/{a}/users";
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync(list)).StatusCode);

        var admin = await App.LoginAdminAsync();
        var read = await admin.ReadAsync($"/api/v1/admin/users/{second.Id}");
        await (await admin.PutJsonAsync($"/api/v1/admin/users/{second.Id}", Change(read, roles: Grants((Role.TaxOfficer, a))))).OkAsync<UserView>();

        fixture.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync(list)).StatusCode);
        // Logging in again gives the account its new roles only.
        var again = await App.LoginAsync("sess-madm-2");
        Assert.Equal(HttpStatusCode.Forbidden, (await again.GetAsync(list)).StatusCode);
        // The platform administrator's own session was checked again too, and is still fine.
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/admin/users")).StatusCode);
    }
}

/// <summary>The system clock plus however far a test has moved it.</summary>

/// <summary>An app whose session cookie and security-stamp checks read <see cref="Clock"/>.</summary>
public abstract class ClockedAppFixture(DatabaseProvider provider) : IAsyncLifetime
{
    public TestClock Clock { get; } = new();
    public TestApp App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await TestApp.StartAsync(provider, configure: b =>
    {
        b.Services.PostConfigure<SecurityStampValidatorOptions>(o => o.TimeProvider = Clock);
        b.Services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o => o.TimeProvider = Clock);
    });

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class SqliteClockedFixture() : ClockedAppFixture(DatabaseProvider.Sqlite);
public sealed class PostgresClockedFixture() : ClockedAppFixture(DatabaseProvider.PostgreSQL);

public sealed class SessionTests_Sqlite(SqliteClockedFixture f) : SessionTests(f), IClassFixture<SqliteClockedFixture>;
public sealed class SessionTests_Postgres(PostgresClockedFixture f) : SessionTests(f), IClassFixture<PostgresClockedFixture>;
