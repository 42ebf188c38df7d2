using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using OpenBams.Council;
using OpenBams.Law.Council;
using OpenBams.Platform.Calendar;
using OpenBams.Platform.Identity;
using OpenBams.Registry;
using OpenBams.Testing;
using static Microsoft.Playwright.Assertions;

namespace OpenBams.BrowserTests;

/// <summary>
/// A whole session in the browser, as the people in the room do it: the chairman calls it (3 days' notice is
/// refused, SL 16.1), members register on the day and the screen shows the quorum, the agenda is approved by vote,
/// a local tax item needs two thirds (Const. 145.III), the session closes, chair and secretary sign the protocol,
/// its PDF carries the record, and the decision shows its oversight deadline (SL 48.1).
/// </summary>
public sealed class CouncilJourneyTests(BrowserFixture fixture) : JourneyTest(fixture)
{
    private static readonly DateOnly Monday = new(2027, 3, 1);
    private static readonly DateOnly SessionDay = new(2027, 3, 6);

    [Fact]
    public async Task A_session_from_calling_to_a_signed_protocol_pdf_and_the_decisions_oversight_deadline()
    {
        var (municipalityId, users) = await CouncilAsync(Guid.NewGuid().ToString("N")[..6], skip: 500);
        try
        {
            App.Clock.SetToday(Monday);
            var chairman = await LoginAsync(users[0].User);
            await chairman.GotoAsync($"/Council/{municipalityId}");
            await Expect(chairman.Locator("#chairman")).ToContainTextAsync("Üzv 0");

            // SL 16.1: three days' notice is refused with the rule on the page.
            await chairman.FillAsync("#ScheduledOn", "04.03.2027");
            await chairman.FillAsync("#Place", "Bələdiyyə binası, iclas zalı");
            await chairman.ClickAsync("#call");
            await Expect(chairman.Locator("#errors")).ToContainTextAsync("SL 16.1");
            await Expect(chairman.Locator("#errors")).ToContainTextAsync("06.03.2027");

            await chairman.FillAsync("#ScheduledOn", "06.03.2027");
            await chairman.FillAsync("#Place", "Bələdiyyə binası, iclas zalı");
            await chairman.ClickAsync("#call");
            await Expect(chairman).ToHaveURLAsync(new Regex(@"/Council/\d+/Sessions/\d+$"));
            var sessionUrl = new Uri(chairman.Url).AbsolutePath;
            await Expect(chairman.Locator("#notice")).ToContainTextAsync("5");

            // Items on the draft agenda: a local tax (two thirds) and an ordinary item.
            await chairman.FillAsync("#item-form input[name='Title']", "Torpaq vergisinin dərəcəsinin azaldılması");
            await chairman.SelectOptionAsync("#item-form select[name='Area']", "LocalTaxesAndPayments");
            await chairman.FillAsync("#item-form input[name='DraftText']", "Torpaq vergisinin dərəcəsi 20 faiz azaldılsın");
            await chairman.Locator("#item-form [type='submit']").ClickAsync();
            await chairman.FillAsync("#item-form input[name='Title']", "Məktəb yolunun təmiri");
            await chairman.SelectOptionAsync("#item-form select[name='Area']", "EconomicProgramme");
            await chairman.Locator("#item-form [type='submit']").ClickAsync();
            await Expect(chairman.Locator("#agenda li")).ToHaveCountAsync(2);

            // The session day: four of five members register; the screen shows a quorum.
            App.Clock.SetToday(SessionDay);
            var members = new List<IPage> { chairman };
            for (var i = 1; i < 4; i++) members.Add(await LoginAsync(users[i].User));
            foreach (var m in members)
            {
                await OpenLiveAsync(m, sessionUrl);
                await m.ClickAsync("#register-me");
                await Expect(m.Locator("#register-me")).ToHaveCountAsync(0);
            }
            await OpenLiveAsync(chairman, sessionUrl);
            await Expect(chairman.Locator("#present")).ToHaveTextAsync("4");
            await Expect(chairman.Locator("#quorum-state")).ToHaveClassAsync("ok");

            // SL 16.5: the chairman presides; the secretary is elected from the members present.
            await chairman.SelectOptionAsync("#SecretaryMemberId", new SelectOptionValue { Label = users[1].Name });
            await chairman.ClickAsync("#open-session");
            await Expect(chairman.Locator("#session-status")).ToHaveTextAsync("Open");

            await chairman.ClickAsync("#vote-agenda");
            await Expect(chairman.Locator("#close-vote")).ToHaveCountAsync(1);
            await VoteAsync(members, sessionUrl, "#cast-for", "#cast-for", "#cast-for", "#cast-for");
            await OpenLiveAsync(chairman, sessionUrl);
            await chairman.ClickAsync("#close-vote");
            await Expect(chairman.Locator("#agenda-state")).ToContainTextAsync("təsdiq edilib");

            // Const. 145.III: 4 of 5 members is two thirds (⌈10/3⌉ = 4): adopted.
            await chairman.ClickAsync("#vote-item-1");
            await Expect(chairman.Locator("#close-vote")).ToHaveCountAsync(1);
            await VoteAsync(members, sessionUrl, "#cast-for", "#cast-for", "#cast-for", "#cast-for");
            await OpenLiveAsync(chairman, sessionUrl);
            await chairman.ClickAsync("#close-vote");
            var taxRow = chairman.Locator("#votes tr.vote").Nth(1);
            await Expect(taxRow.Locator(".result")).ToContainTextAsync("Const. 145.III");
            await Expect(taxRow.Locator(".result")).ToHaveClassAsync(new Regex("ok"));
            await Expect(chairman.Locator("#item-1-status")).ToHaveTextAsync("Adopted");

            // SL 16.4: 2 for of 5 members is not a majority of the members.
            await chairman.ClickAsync("#vote-item-2");
            await Expect(chairman.Locator("#close-vote")).ToHaveCountAsync(1);
            await VoteAsync(members, sessionUrl, "#cast-for", "#cast-for", "#cast-against", "#cast-abstain");
            await OpenLiveAsync(chairman, sessionUrl);
            await chairman.ClickAsync("#close-vote");
            await Expect(chairman.Locator("#item-2-status")).ToHaveTextAsync("Rejected");

            await chairman.ClickAsync("#close-session");
            await Expect(chairman.Locator("#session-status")).ToHaveTextAsync("Closed");
            await chairman.ClickAsync("#protocol-link");
            await Expect(chairman.Locator("#protocol-number")).ToHaveTextAsync("1");
            var protocolUrl = new Uri(chairman.Url).AbsolutePath;

            // Signed by the chair and the secretary (SL 16.6).
            await chairman.ClickAsync("#sign-protocol");
            await Expect(chairman.Locator("#chair-signed")).ToContainTextAsync("Üzv 0");
            var secretary = members[1];
            await secretary.GotoAsync(protocolUrl);
            await secretary.ClickAsync("#sign-protocol");
            await Expect(secretary.Locator("#protocol-status")).ToContainTextAsync("imzalanıb");
            await Expect(secretary.Locator("#sign-protocol")).ToHaveCountAsync(0);

            var pdf = await secretary.Context.APIRequest.GetAsync(await secretary.Locator("#protocol-pdf").GetAttributeAsync("href") ?? "");
            Assert.Equal("application/pdf", pdf.Headers["content-type"]);
            var text = Poppler.Text(await pdf.BodyAsync());
            Assert.Contains("İCLASIN PROTOKOLU № 1", text);
            Assert.Contains("06.03.2027", text);
            Assert.Contains("Bələdiyyə binası, iclas zalı", text);
            Assert.Contains(users[4].Name, text);                       // the absent member
            Assert.Contains("Torpaq vergisinin dərəcəsinin azaldılması", text);
            Assert.Contains("lehinə 4, əleyhinə 0, bitərəf 0; tələb olunur 4 (Const. 145.III) — QƏBUL EDİLDİ", text.Replace("\n", " "));
            Assert.Contains("NOT ADOPTED", text);                       // the school road: 2 of 5 is no majority
            Assert.Contains("İmzalanıb", text);

            // The decision shows its SL 48.1 deadline, computed with the working-day calendar.
            await OpenLiveAsync(chairman, sessionUrl);
            await chairman.Locator("#item-1 a").ClickAsync();
            var calendar = await App.WithDbAsync(db => WorkingCalendars.LoadAsync(db, 2027, 2027));
            var due = Decisions.OversightCopyDue(calendar, SessionDay).Due;
            await Expect(chairman.Locator("#oversight-due")).ToHaveTextAsync(due.ToString("dd.MM.yyyy"));
            await Expect(chairman.Locator("#oversight")).ToContainTextAsync("06.03.2027");
            await chairman.ClickAsync("#sign-decision");
            await Expect(chairman.Locator("#decision-status")).ToHaveTextAsync("Signed");
        }
        finally
        {
            App.Clock.Reset();
        }
    }
}
