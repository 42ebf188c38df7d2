using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpenBams.Testing;
using static Microsoft.Playwright.Assertions;

namespace OpenBams.BrowserTests;

/// <summary>The administrator logs in through the login page, reads the audit log and logs out.</summary>
public sealed class AdminJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task The_administrator_logs_in_sees_the_audit_log_with_the_data_import_and_logs_out()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/Register");
        await page.ClickAsync("#login-link");
        await Expect(page).ToHaveURLAsync(new Regex(@"/Account/Login", RegexOptions.IgnoreCase));

        await page.FillAsync("input[name='UserName']", "admin");
        await page.FillAsync("input[name='Password']", TestApp.AdminPassword);
        await page.Locator("form:has(input[name='Password']) [type='submit']").ClickAsync();

        // Back where the login started, now as the administrator.
        await Expect(page.Locator("#logout")).ToBeVisibleAsync();
        await Expect(page.Locator("#login-link")).ToHaveCountAsync(0);
        await Expect(page).ToHaveURLAsync(new Regex(@"/Register$"));

        await page.GotoAsync("/Admin/Audit");
        await Expect(page).ToHaveURLAsync(new Regex(@"/Admin/Audit$"));
        await Expect(page.Locator("#audit tbody tr").First).ToBeVisibleAsync();
        // Newest first, so the import of the official list is found with the entity filter.
        await page.FillAsync("#f-entity", "DataImport");
        await page.Locator("form.filters [type='submit']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"Entity=DataImport"));
        var import = page.Locator("#audit tbody tr", new() { HasText = "DataImport" });
        await Expect(import).ToHaveCountAsync(1);
        await Expect(import).ToContainTextAsync("TLL-2005");
        await Expect(import).ToContainTextAsync("system");

        await page.ClickAsync("#logout");
        await Expect(page.Locator("#login-link")).ToBeVisibleAsync();
        await Expect(page.Locator("#logout")).ToHaveCountAsync(0);

        // The session is gone: the audit log asks for a login again.
        await page.GotoAsync("/Admin/Audit");
        await Expect(page).ToHaveURLAsync(new Regex(@"/Account/Login", RegexOptions.IgnoreCase));
    }

    [Fact]
    public async Task A_wrong_password_keeps_the_visitor_on_the_login_page()
    {
        var user = $"clerk-{Guid.NewGuid():N}"[..14];
        await App.CreateUserAsync(user, OpenBams.Platform.Identity.Role.TaxOfficer, null);
        var page = await NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("input[name='UserName']", user);
        await page.FillAsync("input[name='Password']", "not-the-password-1");
        await page.Locator("form:has(input[name='Password']) [type='submit']").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/Account/Login", RegexOptions.IgnoreCase));
        await Expect(page.Locator("#logout")).ToHaveCountAsync(0);
        await Expect(page.Locator("input[name='Password']")).ToBeVisibleAsync();
    }
}
