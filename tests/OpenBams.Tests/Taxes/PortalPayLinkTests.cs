using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using OpenBams.Law.Taxes;
using OpenBams.Taxes;
using Microsoft.Extensions.DependencyInjection;
using OpenBams.Platform.Identity;
using OpenBams.Testing;

namespace OpenBams.Tests.Taxes;

/// <summary>/MyTaxes links each notice to the Government Payment Portal's pay page when the deployment names it (SL 43.1: non-cash only).</summary>
public abstract class PortalPayLinkTests(AppFixture fixture)
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task SL_43_1_the_resident_pays_a_notice_on_the_portal_with_its_reference_and_the_amount_due()
    {
        var s = await TaxScenario.CreateAsync(App);
        var fin = "P" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var t = await s.TaxpayerAsync(fin, "Nərgiz Portalova");
        var plot = await s.PlotAsync(1000);
        await s.HoldAsync(t.Id, ObjectKind.LandPlot, plot.Id, new DateOnly(2015, 1, 1));
        await s.RateAsync(RateClasses.Residential("villages"), 0.1m, 2026);
        await s.AssessAsync(2026);
        var notice = await App.WithDbAsync(db => db.PaymentNotices.SingleAsync(n => n.TaxpayerId == t.Id && n.IsCurrent));
        var login = "pay-" + Guid.NewGuid().ToString("N")[..8];
        await App.CreateUserAsync(login, Role.Resident, s.MunicipalityId, fin);
        var me = await App.LoginAsync(login);
        var config = App.Services.GetRequiredService<IConfiguration>();
        try
        {
            config[OpenBams.Taxes.PortalPayLink.Setting] = null;
            var without = await (await me.GetAsync("/MyTaxes")).Content.ReadAsStringAsync();
            Assert.Contains($"mytaxes-reference-{notice.Id}", without);
            Assert.DoesNotContain($"mytaxes-pay-link-{notice.Id}", without);

            // Before the first instalment's day the amount to pay is the notice's total (after it, interest is added, FL 7.1.11).
            App.Clock.SetToday(new DateOnly(2026, 7, 20));
            config[OpenBams.Taxes.PortalPayLink.Setting] = "https://portal.example/pay?ref={reference}&amount={amount}";
            var with = await (await me.GetAsync("/MyTaxes")).Content.ReadAsStringAsync();
            var total = OpenBams.Law.Money.FromQepik(notice.TotalQepik).ToString();
            var link = System.Text.RegularExpressions.Regex.Match(with, $"id=\"mytaxes-pay-link-{notice.Id}\" href=\"([^\"]*)\"");
            Assert.True(link.Success, "no pay link on /MyTaxes");
            Assert.Equal($"https://portal.example/pay?ref={notice.Reference}&amp;amount={total}", link.Groups[1].Value);

            // A value that is not a web address never becomes a link.
            config[OpenBams.Taxes.PortalPayLink.Setting] = "javascript:alert({reference})";
            Assert.DoesNotContain($"mytaxes-pay-link-{notice.Id}", await (await me.GetAsync("/MyTaxes")).Content.ReadAsStringAsync());
        }
        finally
        {
            config[OpenBams.Taxes.PortalPayLink.Setting] = null;
            App.Clock.Reset();
        }
    }
}

public sealed class PortalPayLinkTests_Sqlite(SqliteFixture f) : PortalPayLinkTests(f), IClassFixture<SqliteFixture>;
public sealed class PortalPayLinkTests_Postgres(PostgresFixture f) : PortalPayLinkTests(f), IClassFixture<PostgresFixture>;
