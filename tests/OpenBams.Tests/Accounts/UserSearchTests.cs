using Microsoft.EntityFrameworkCore;
using OpenBams.Platform.Identity;
using OpenBams.Registry;
using OpenBams.Testing;
using OpenBams.Tests.PlatformApi;

namespace OpenBams.Tests.Accounts;

/// <summary>
/// Searching accounts by name ignores case by Azerbaijani rules (Ə/ə, İ/i, I/ı, Ş/ş, Ç/ç, Ö/ö, Ü/ü, Ğ/ğ),
/// on both engines, in a municipality's list and in the national one.
/// </summary>
public abstract class UserSearchTests(AppFixture fixture)
{
    private TestApp App => fixture.App;

    [Theory]
    [InlineData("ŞÜKÜROVA", "srch-1")]
    [InlineData("gülər", "srch-1")]
    [InlineData("ÇİNGİZ QIZI", "srch-1")]
    [InlineData("ilqar", "srch-2")]
    [InlineData("Əhmədov", "srch-2")]
    [InlineData("ömər", "srch-3")]
    [InlineData("IŞIQLI", "srch-3")]
    [InlineData("ışıqlı", "srch-3")]
    [InlineData("AĞAYEV", "srch-4")]
    [InlineData("SRCH-4", "srch-4")]
    [InlineData("zeynalov", null)]
    public async Task A_name_is_found_whatever_the_case_of_its_Azerbaijani_letters(string q, string? expected)
    {
        var m = (await App.MunicipalityIdsAsync(600, 1)).Single();
        await EnsureUsersAsync(m);
        var client = await App.LoginAsync("srch-madm");
        var admin = await App.LoginAdminAsync();
        foreach (var url in new[] { $"/api/v1/municipalities/{m}/users?q={Uri.EscapeDataString(q)}", $"/api/v1/admin/users?municipalityId={m}&q={Uri.EscapeDataString(q)}" })
        {
            var page = await (await (url.StartsWith("/api/v1/admin") ? admin : client).GetAsync(url)).OkAsync<Paged<UserView>>();
            Assert.Equal(expected is null ? [] : [expected], page.Items.Select(u => u.UserName).ToArray());
            Assert.Equal(expected is null ? 0 : 1, page.Total);
        }
    }

    [Fact]
    public async Task A_search_pages_its_matches()
    {
        var m = (await App.MunicipalityIdsAsync(600, 1)).Single();
        await EnsureUsersAsync(m);
        var client = await App.LoginAsync("srch-madm");
        var first = await (await client.GetAsync($"/api/v1/municipalities/{m}/users?q=SRCH&pageSize=2")).OkAsync<Paged<UserView>>();
        var second = await (await client.GetAsync($"/api/v1/municipalities/{m}/users?q=SRCH&pageSize=2&page=2")).OkAsync<Paged<UserView>>();
        var third = await (await client.GetAsync($"/api/v1/municipalities/{m}/users?q=SRCH&pageSize=2&page=3")).OkAsync<Paged<UserView>>();
        Assert.Equal(["srch-1", "srch-2"], first.Items.Select(u => u.UserName));
        Assert.Equal(["srch-3", "srch-4"], second.Items.Select(u => u.UserName));
        Assert.Equal(["srch-madm"], third.Items.Select(u => u.UserName));
        Assert.All(new[] { first, second, third }, p => Assert.Equal(5, p.Total));
    }

    /// <summary>The searched accounts, made once per database (a class's tests run one after another).</summary>
    private async Task EnsureUsersAsync(int m)
    {
        if (await App.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "srch-madm"))) return;
        await App.CreateUserAsync("srch-madm", Role.MunicipalAdministrator, m);
        foreach (var (name, fullName) in new[]
                 {
                     ("srch-1", "Şükürova Gülər Çingiz qızı"), ("srch-2", "İLQAR ƏHMƏDOV"),
                     ("srch-3", "Ömər Işıqlı"), ("srch-4", "Tural Ağayev"),
                 })
        {
            var user = await App.CreateUserAsync(name, Role.TaxOfficer, m);
            await App.WithDbAsync(async db =>
            {
                (await db.Users.SingleAsync(u => u.Id == user.Id)).FullName = fullName;
                return await db.SaveChangesAsync();
            });
        }
    }
}

public sealed class UserSearchTests_Sqlite(SqliteFixture f) : UserSearchTests(f), IClassFixture<SqliteFixture>;
public sealed class UserSearchTests_Postgres(PostgresFixture f) : UserSearchTests(f), IClassFixture<PostgresFixture>;
