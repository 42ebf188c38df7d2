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
/// The council's records kept in the browser by the municipality's secretary: a commission needs three members
/// (COMM 6), a member's inquiry is answered (MEMBER 5), a mandate case on a court-decided ground is refused without
/// the court decision (SL 23), and a charter adopted by the council is registered and shown in force (SL 8.3, 8.5).
/// </summary>
public sealed class CouncilRecordsJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private static readonly DateOnly Today = new(2027, 4, 5);

    [Fact]
    public async Task The_secretary_keeps_commissions_inquiries_mandate_cases_and_the_charter()
    {
        var (municipalityId, secretaryLogin, members, decisionId) = await SetUpAsync();
        try
        {
            App.Clock.SetToday(Today);
            var secretary = await LoginAsync(secretaryLogin);
            await secretary.GotoAsync($"/Council/{municipalityId}");

            // COMM 6: two members are refused with the rule; three make a commission.
            await secretary.ClickAsync("#commissions-link");
            await secretary.FillAsync("#Name", "Büdcə və maliyyə komissiyası");
            await secretary.SelectOptionAsync("#Kind", "Permanent");
            await secretary.Locator("#member-choice label", new() { HasText = members[0].Name }).Locator("input").CheckAsync();
            await secretary.Locator("#member-choice label", new() { HasText = members[1].Name }).Locator("input").CheckAsync();
            await secretary.ClickAsync("#create-commission");
            await Expect(secretary.Locator("#errors")).ToContainTextAsync("COMM 6");
            await Expect(secretary.Locator("#errors")).ToContainTextAsync("ən azı 3");
            await Expect(secretary.Locator("#member-choice input:checked")).ToHaveCountAsync(2);   // the choice is kept
            await secretary.Locator("#member-choice label", new() { HasText = members[2].Name }).Locator("input").CheckAsync();
            await secretary.ClickAsync("#create-commission");
            await Expect(secretary).ToHaveURLAsync(new Regex(@"/Council/\d+/Commissions/\d+$"));
            await Expect(secretary.Locator("#commission-name")).ToHaveTextAsync("Büdcə və maliyyə komissiyası");
            await Expect(secretary.Locator("#commission-members li")).ToHaveCountAsync(3);

            // MEMBER 5: the member submits an inquiry from their page; the secretary answers it.
            var member = await LoginAsync(members[3].User);
            await member.GotoAsync($"/Council/{municipalityId}");
            await member.ClickAsync("#my-page");
            await Expect(member.Locator("#member-name")).ToHaveTextAsync(members[3].Name);
            await member.FillAsync("#Addressee", "Bələdiyyənin sədri");
            await member.FillAsync("#Subject", "Kənd yolunun işıqlandırılması");
            await member.ClickAsync("#submit-inquiry");
            var calendar = await App.WithDbAsync(db => WorkingCalendars.LoadAsync(db, 2027, 2028));
            var due = Mandates.InquiryAnswerDue(calendar, Today, false).Due;
            await Expect(member.Locator("#member-inquiries")).ToContainTextAsync(due.ToString("dd.MM.yyyy"));

            await secretary.GotoAsync($"/Council/{municipalityId}");
            await secretary.ClickAsync("#inquiries-link");
            await secretary.SelectOptionAsync("#show", "open");
            await secretary.Locator("#inquiry-filter [type='submit']").ClickAsync();
            var row = secretary.Locator("#inquiries tbody tr", new() { HasText = "Kənd yolunun işıqlandırılması" });
            await Expect(row.Locator(".due")).ToHaveTextAsync(due.ToString("dd.MM.yyyy"));
            await row.Locator("textarea[name='Answer']").FillAsync("İşıqlandırma may ayında quraşdırılacaq");
            await row.Locator(".answer-form [type='submit']").ClickAsync();
            await Expect(secretary.Locator("#no-inquiries")).ToBeVisibleAsync();   // no open inquiry left
            await member.ReloadAsync();
            await Expect(member.Locator("#member-inquiries")).ToContainTextAsync("İşıqlandırma may ayında quraşdırılacaq");

            // SL 23: a conviction is taken up only with the court decision in force.
            await secretary.GotoAsync($"/Council/{municipalityId}");
            await secretary.ClickAsync("#mandate-cases-link");
            await secretary.SelectOptionAsync("#MemberId", new SelectOptionValue { Label = members[4].Name });
            await secretary.SelectOptionAsync("#Ground", "Conviction");
            await secretary.FillAsync("#Detail", "Qanuni qüvvəyə minmiş ittiham hökmü barədə məhkəmənin məktubu");
            await secretary.ClickAsync("#raise");
            await Expect(secretary.Locator("#errors")).ToContainTextAsync("SL 23");
            await Expect(secretary.Locator("#errors")).ToContainTextAsync("courtDecisionReference");
            await secretary.FillAsync("#CourtDecisionReference", "Şəki rayon məhkəməsi, iş № 1(011)-45/2027");
            await secretary.FillAsync("#CourtDecisionInForceOn", "01.04.2027");
            await secretary.ClickAsync("#raise");
            var caseRow = secretary.Locator("#cases tbody tr", new() { HasText = members[4].Name });
            await Expect(caseRow).ToContainTextAsync("SL 21.1");
            await Expect(caseRow.Locator(".status")).ToContainTextAsync("baxışına hazırdır");

            // SL 8: the charter adopted by the council's decision, registered, in force on the council page.
            await secretary.GotoAsync($"/Council/{municipalityId}");
            await secretary.ClickAsync("#charter-link");
            await Expect(secretary.Locator("#no-charter")).ToBeVisibleAsync();
            await secretary.SelectOptionAsync("#AdoptedBy", $"d:{decisionId}");
            foreach (var (key, az, _) in CharterContents.Required)
                await secretary.FillAsync($"#section-{key}", $"{az}: bələdiyyənin qəbul etdiyi mətn");
            await secretary.ClickAsync("#adopt");
            var pending = secretary.Locator("section.pending");
            await Expect(pending).ToHaveCountAsync(1);
            await pending.Locator("input[name='RegistrationNumber']").FillAsync("NZ-2027-014");
            await pending.Locator("input[name='RegisteredOn']").FillAsync("05.04.2027");
            await pending.Locator(".register-form [type='submit']").ClickAsync();
            await Expect(secretary.Locator("#charter-in-force")).ToContainTextAsync("05.04.2027");
            await Expect(secretary.Locator("#charter-number")).ToHaveTextAsync("NZ-2027-014");
            await Expect(secretary.Locator("#no-pending")).ToBeVisibleAsync();

            await secretary.GotoAsync($"/Council/{municipalityId}");
            await Expect(secretary.Locator("#charter")).ToContainTextAsync("Qüvvədədir 05.04.2027");
            await Expect(secretary.Locator("#charter")).ToContainTextAsync("NZ-2027-014");
        }
        finally
        {
            App.Clock.Reset();
        }
    }

    /// <summary>A five-seat council (population under 500) with a secretary, five members with logins and one adopted decision.</summary>
    private async Task<(int, string, List<(string User, string Name)>, int)> SetUpAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var id = await App.WithDbAsync(async db =>
        {
            var m = await db.Municipalities.Where(x => x.Status == MunicipalityStatus.Active).OrderBy(x => x.Id).Skip(510).FirstAsync();
            m.Population = 430;
            m.CharterRegisteredOn = null;
            m.CharterRegistrationNumber = null;
            await db.SaveChangesAsync();
            return m.Id;
        });
        var secretary = $"katib-{tag}";
        await App.CreateUserAsync(secretary, Role.Secretary, id);
        var members = new List<(string, string)>();
        for (var i = 0; i < 5; i++)
        {
            var name = $"Üzv {i} Əliyev {tag}";
            var user = await App.CreateUserAsync($"u{i}-{tag}", Role.CouncilMember, id);
            await App.WithDbAsync(async db =>
            {
                db.CouncilMembers.Add(new CouncilMember { MunicipalityId = id, FullName = name, UserId = user.Id, ElectedOn = new DateOnly(2024, 1, 29),
                    MandateConfirmedOn = new DateOnly(2024, 2, 2), MandateConfirmedBy = "Dairə seçki komissiyası", TermEndsOn = new DateOnly(2029, 1, 29) });
                return await db.SaveChangesAsync();
            });
            members.Add(($"u{i}-{tag}", name));
        }
        var adoptedOn = new DateOnly(2027, 3, 15);
        var decisionId = await App.WithDbAsync(async db =>
        {
            var s = new CouncilSession { MunicipalityId = id, ScheduledOn = adoptedOn, StartsAt = new TimeOnly(10, 0), Place = "İclas zalı", CalledOn = adoptedOn.AddDays(-7),
                CalledBy = "test", Status = SessionStatus.Closed, Members = 5 };
            db.CouncilSessions.Add(s);
            await db.SaveChangesAsync();
            var item = new AgendaItem { MunicipalityId = id, SessionId = s.Id, Number = 1, Title = "Nizamnamənin yeni redaksiyası", Area = DecisionArea.Charter,
                Rule = MajorityRule.SimpleMajority, Status = AgendaItemStatus.Adopted };
            db.AgendaItems.Add(item);
            await db.SaveChangesAsync();
            var vote = new CouncilVote { MunicipalityId = id, SessionId = s.Id, AgendaItemId = item.Id, Members = 5, Present = 5, For = 5, Required = 3, Adopted = true,
                Status = VoteStatus.Closed, OpenedAt = DateTime.UtcNow, ClosedAt = DateTime.UtcNow };
            db.CouncilVotes.Add(vote);
            await db.SaveChangesAsync();
            var number = (await db.CouncilDecisions.Where(d => d.MunicipalityId == id && d.Year == 2027).Select(d => (int?)d.Number).MaxAsync() ?? 0) + 1;
            var d = new CouncilDecision { MunicipalityId = id, Year = 2027, Number = number, AdoptedOn = adoptedOn, SessionId = s.Id, AgendaItemId = item.Id, VoteId = vote.Id,
                Area = DecisionArea.Charter, Title = "Nizamnamənin yeni redaksiyası", Text = "Nizamnamə qəbul edilsin", Rule = MajorityRule.SimpleMajority,
                Members = 5, Present = 5, For = 5, Required = 3, OversightDueOn = adoptedOn.AddDays(7) };
            db.CouncilDecisions.Add(d);
            await db.SaveChangesAsync();
            return d.Id;
        });
        return (id, secretary, members, decisionId);
    }
}
