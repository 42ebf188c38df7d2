using Microsoft.EntityFrameworkCore;
using OpenBams.Council;
using OpenBams.Law.Council;
using OpenBams.Law.Taxes;
using OpenBams.Platform.Identity;
using OpenBams.Registry;
using OpenBams.Taxes;
using static Microsoft.Playwright.Assertions;

namespace OpenBams.BrowserTests;

/// <summary>
/// The tax officer enters rates in the browser from the council's decisions: a decision with 4 of 7 votes is refused (SL 43.3),
/// a hotel rate above 1 ŞMV is refused (LTP 9.1.4), the rate of a 5-of-7 decision is shown in force; the accountant files a
/// hotel return late and sees it in the late list (LTP 11.2); a project refuses spending above the money collected (LTP 3.5).
/// </summary>
public sealed class TaxRatesJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task The_tax_officer_enters_rates_from_two_thirds_decisions_and_the_accountant_files_a_late_hotel_return()
    {
        App.Clock.SetToday(new DateOnly(2026, 12, 3));
        var tag = Guid.NewGuid().ToString("N")[..6];
        var id = await App.WithDbAsync(db => db.Municipalities.Where(x => x.Status == MunicipalityStatus.Active).OrderBy(x => x.Id).Skip(530).Select(x => x.Id).FirstAsync());
        await App.CreateUserAsync($"vergi-{tag}", Role.TaxOfficer, id);
        await App.CreateUserAsync($"muhasib-{tag}", Role.Accountant, id);
        var weak = await DecisionAsync(id, new DateOnly(2025, 12, 10), 4, "Zəif qərar " + tag);
        var strong = await DecisionAsync(id, new DateOnly(2025, 12, 11), 5, "Mehmanxana ödənişinin dərəcəsi " + tag);
        var voen = "1" + Random.Shared.Next(100_000_000, 999_999_999);
        await App.WithDbAsync(async db =>
        {
            db.Taxpayers.Add(new Taxpayer { MunicipalityId = id, Kind = TaxpayerKind.LegalPerson, TaxId = voen, Name = "Çinar Otel MMC", RegisteredOn = new DateOnly(2020, 1, 1),
                SearchKey = "çinar otel mmc" });
            return await db.SaveChangesAsync();
        });

        var officer = await LoginAsync($"vergi-{tag}");
        await officer.GotoAsync($"/Taxes/{id}/Rates");
        await officer.SelectOptionAsync("#rate-class", RateClasses.Hotel);
        await officer.FillAsync("#rate-value", "1,00");
        await officer.SelectOptionAsync("#rate-decision", weak.ToString());
        await officer.FillAsync("#rate-from", "01.01.2026");
        await officer.ClickAsync("#rate-save");
        await Expect(officer.Locator("#errors")).ToContainTextAsync("SL 43.3");
        await Expect(officer.Locator("#errors")).ToContainTextAsync("decisionId");

        await officer.FillAsync("#rate-value", "1,11");
        await officer.SelectOptionAsync("#rate-decision", strong.ToString());
        await officer.ClickAsync("#rate-save");
        await Expect(officer.Locator("#errors")).ToContainTextAsync("LTP 9.1.4");

        await officer.FillAsync("#rate-value", "1,00");
        await officer.ClickAsync("#rate-save");
        await officer.FillAsync("#rates-on", "01.10.2026");
        await officer.ClickAsync("#rates-on-show");
        var row = officer.Locator($"#rates tr[data-class='{RateClasses.Hotel}']");
        await Expect(row).ToContainTextAsync("01.01.2026");
        await Expect(row.Locator("td.num")).ToHaveTextAsync("1");

        var accountant = await LoginAsync($"muhasib-{tag}");
        await accountant.GotoAsync($"/Taxes/{id}/LocalPayments");
        await accountant.FillAsync("#return-taxpayer", voen);
        await accountant.SelectOptionAsync("#return-tax", "HotelPayment");
        await accountant.FillAsync("#return-year", "2026");
        await accountant.FillAsync("#return-month", "10");
        await accountant.FillAsync("#return-site", "Əsas bina");
        await accountant.FillAsync("#return-quantity", "12");
        await accountant.FillAsync("#return-filed", "06.11.2026");
        await accountant.ClickAsync("#return-save");
        await accountant.CheckAsync("#returns-late");
        await accountant.ClickAsync("#returns-search");
        var ret = accountant.Locator("#returns tbody tr", new() { HasText = "Əsas bina" });
        await Expect(ret).ToContainTextAsync("05.11.2026");
        await Expect(ret).ToContainTextAsync("12,00");
        await Expect(ret.Locator(".late")).ToBeVisibleAsync();

        // LTP 3.3-3.5: a project on a poll's result; nothing collected yet, so spending is refused.
        await officer.GotoAsync($"/Taxes/{id}/Projects");
        await officer.FillAsync("#project-name", "Məktəb yolu " + tag);
        await officer.FillAsync("#project-purpose", "Məktəbə gedən yolun təmiri");
        await officer.FillAsync("#project-poll", "Sorğu 3/2026");
        await officer.FillAsync("#project-poll-on", "01.09.2026");
        await officer.FillAsync("#project-target", "2000");
        await officer.ClickAsync("#project-save");
        await Expect(officer.Locator("#project-title")).ToContainTextAsync("Məktəb yolu");
        await accountant.GotoAsync(officer.Url);
        await accountant.FillAsync("#spend-amount", "10");
        await accountant.FillAsync("#spend-purpose", "Asfalt");
        await accountant.FillAsync("#spend-document", "Akt 1");
        await accountant.ClickAsync("#spend-save");
        await Expect(accountant.Locator("#errors")).ToContainTextAsync("LTP 3.5");
    }

    private Task<int> DecisionAsync(int municipalityId, DateOnly adoptedOn, int forVotes, string title) => App.WithDbAsync(async db =>
    {
        const int members = 7;
        var session = new CouncilSession { MunicipalityId = municipalityId, Place = "Zal", CalledBy = "test", ScheduledOn = adoptedOn, CalledOn = adoptedOn.AddDays(-6),
            Members = members, Status = SessionStatus.Closed, AgendaApproved = true };
        db.CouncilSessions.Add(session);
        await db.SaveChangesAsync();
        var item = new AgendaItem { MunicipalityId = municipalityId, SessionId = session.Id, Number = 1, Title = title, Area = DecisionArea.LocalTaxesAndPayments,
            Rule = MajorityRule.TwoThirdsOfMembers, Status = AgendaItemStatus.Adopted };
        db.AgendaItems.Add(item);
        await db.SaveChangesAsync();
        var vote = new CouncilVote { MunicipalityId = municipalityId, SessionId = session.Id, AgendaItemId = item.Id, Members = members, Present = members, For = forVotes,
            Against = members - forVotes, Required = 5, Adopted = forVotes >= 5, Rule = MajorityRule.TwoThirdsOfMembers, Status = VoteStatus.Closed };
        db.CouncilVotes.Add(vote);
        await db.SaveChangesAsync();
        var number = (await db.CouncilDecisions.Where(d => d.MunicipalityId == municipalityId && d.Year == adoptedOn.Year).MaxAsync(d => (int?)d.Number) ?? 0) + 1;
        var d = new CouncilDecision { MunicipalityId = municipalityId, Year = adoptedOn.Year, Number = number, AdoptedOn = adoptedOn, SessionId = session.Id,
            AgendaItemId = item.Id, VoteId = vote.Id, Area = DecisionArea.LocalTaxesAndPayments, Title = title, Text = title, Rule = MajorityRule.TwoThirdsOfMembers,
            Members = members, Present = members, For = forVotes, Against = members - forVotes, Required = 5, Status = DecisionStatus.Signed,
            SignedAt = DateTime.UtcNow, OversightDueOn = adoptedOn.AddDays(7) };
        db.CouncilDecisions.Add(d);
        await db.SaveChangesAsync();
        return d.Id;
    });
}
