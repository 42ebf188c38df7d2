using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using OpenBams.Council;
using OpenBams.Law.Council;
using OpenBams.Platform.Identity;
using OpenBams.Registry;
using static Microsoft.Playwright.Assertions;

namespace OpenBams.BrowserTests;

/// <summary>An agenda item the council votes on, and how each of its five members votes ("#cast-for", "#cast-against", ...).</summary>
public sealed record JourneyItem(string Title, string Area, string DraftText, params string[] Votes);

/// <summary>
/// The steps the end-to-end journeys share: a fresh municipality with a five-seat council in office, and a session of that
/// council that adopts its agenda items through the pages the chairman and members use, each decision signed.
/// </summary>
public abstract class JourneyTest(BrowserFixture fixture) : BrowserTest(fixture)
{
    /// <summary>
    /// A fresh municipality (the <paramref name="skip"/>-th active one, so journeys do not meet): a five-seat council (EC 210.2:
    /// population under 500) whose first member is the chairman in office, and its secretary (user <c>katib-{tag}</c>, who keeps
    /// the records). Returns the members' user names and full names.
    /// </summary>
    protected async Task<(int Municipality, List<(string User, string Name)> Council)> CouncilAsync(string tag, int skip)
    {
        var id = await App.WithDbAsync(async db =>
        {
            var x = await db.Municipalities.Where(v => v.Status == MunicipalityStatus.Active).OrderBy(v => v.Id).Skip(skip).FirstAsync();
            x.Population = 430;
            await db.SaveChangesAsync();
            return x.Id;
        });
        var council = new List<(string, string)>();
        for (var i = 0; i < 5; i++)
        {
            var memberName = $"Üzv {i} Hüseynov {tag}";
            var user = await App.CreateUserAsync($"u{i}-{tag}", i == 0 ? Role.Chairman : Role.CouncilMember, id);
            await App.WithDbAsync(async db =>
            {
                var member = new CouncilMember { MunicipalityId = id, FullName = memberName, UserId = user.Id, ElectedOn = new DateOnly(2024, 1, 29),
                    MandateConfirmedOn = new DateOnly(2024, 2, 2), MandateConfirmedBy = "Dairə seçki komissiyası", TermEndsOn = new DateOnly(2029, 1, 29) };
                db.CouncilMembers.Add(member);
                await db.SaveChangesAsync();
                if (i == 0) db.CouncilOffices.Add(new CouncilOffice { MunicipalityId = id, MemberId = member.Id, Post = Post.Chairman, ElectedOn = new DateOnly(2024, 2, 10) });
                return await db.SaveChangesAsync();
            });
            council.Add(($"u{i}-{tag}", memberName));
        }
        await App.CreateUserAsync($"katib-{tag}", Role.Secretary, id);
        return (id, council);
    }

    /// <summary>
    /// The chairman calls a session on <paramref name="callDay"/> for <paramref name="sessionDay"/> (at least 5 days' notice,
    /// SL 16.1) with the items; on the day all five register, the agenda and each item are voted, the session is closed and the
    /// chairman signs every decision, publishes it and sends it to the oversight body. Each decision's page shows its tally. Returns the decisions' ids in the items' order.
    /// The clock is left on <paramref name="sessionDay"/>.
    /// </summary>
    protected async Task<List<int>> CouncilAdoptsAsync(int m, List<(string User, string Name)> council, DateOnly callDay, DateOnly sessionDay,
        params JourneyItem[] items)
    {
        App.Clock.SetToday(callDay);
        var chairman = await LoginAsync(council[0].User);
        await chairman.GotoAsync($"/Council/{m}");
        await chairman.FillAsync("#ScheduledOn", sessionDay.ToString("dd.MM.yyyy"));
        await chairman.FillAsync("#Place", "Bələdiyyə binası");
        await chairman.ClickAsync("#call");
        await Expect(chairman).ToHaveURLAsync(new Regex(@"/Council/\d+/Sessions/\d+$"));
        var sessionUrl = new Uri(chairman.Url).AbsolutePath;
        for (var i = 0; i < items.Length; i++)
        {
            await chairman.FillAsync("#item-form input[name='Title']", items[i].Title);
            await chairman.SelectOptionAsync("#item-form select[name='Area']", items[i].Area);
            await chairman.FillAsync("#item-form input[name='DraftText']", items[i].DraftText);
            await chairman.Locator("#item-form [type='submit']").ClickAsync();
            await Expect(chairman.Locator("#agenda li")).ToHaveCountAsync(i + 1);
        }

        App.Clock.SetToday(sessionDay);
        var members = new List<IPage> { chairman };
        for (var i = 1; i < council.Count; i++) members.Add(await LoginAsync(council[i].User));
        foreach (var p in members)
        {
            await OpenLiveAsync(p, sessionUrl);
            await p.ClickAsync("#register-me");
            await Expect(p.Locator("#register-me")).ToHaveCountAsync(0);
        }
        await OpenLiveAsync(chairman, sessionUrl);
        await Expect(chairman.Locator("#present")).ToHaveTextAsync("5");
        await chairman.SelectOptionAsync("#SecretaryMemberId", new SelectOptionValue { Label = council[1].Name });
        await chairman.ClickAsync("#open-session");
        await Expect(chairman.Locator("#session-status")).ToHaveTextAsync("Open");

        await chairman.ClickAsync("#vote-agenda");
        await Expect(chairman.Locator("#close-vote")).ToHaveCountAsync(1);
        await VoteAsync(members, sessionUrl, Enumerable.Repeat("#cast-for", members.Count).ToArray());
        await OpenLiveAsync(chairman, sessionUrl);
        await chairman.ClickAsync("#close-vote");
        await Expect(chairman.Locator("#agenda-state")).ToContainTextAsync("təsdiq edilib");

        for (var n = 1; n <= items.Length; n++)
        {
            await chairman.ClickAsync($"#vote-item-{n}");
            await Expect(chairman.Locator("#close-vote")).ToHaveCountAsync(1);
            await VoteAsync(members, sessionUrl, items[n - 1].Votes);
            await OpenLiveAsync(chairman, sessionUrl);
            await chairman.ClickAsync("#close-vote");
            await Expect(chairman.Locator($"#item-{n}-status")).ToHaveTextAsync("Adopted");
        }
        await chairman.ClickAsync("#close-session");
        await Expect(chairman.Locator("#session-status")).ToHaveTextAsync("Closed");

        var decisions = new List<int>();
        var secretaryUser = "katib-" + council[0].User.Split('-', 2)[1];
        IPage? secretary = null;
        for (var n = 1; n <= items.Length; n++)
        {
            await OpenLiveAsync(chairman, sessionUrl);
            await chairman.Locator($"#item-{n} a").ClickAsync();
            await Expect(chairman).ToHaveURLAsync(new Regex(@"/Council/\d+/Decisions/\d+$"));
            var votes = items[n - 1].Votes;
            int Count(string b) => votes.Count(v => v == b);
            await Expect(chairman.Locator("#decision-vote")).ToContainTextAsync($"{Count("#cast-for")} / {Count("#cast-against")} / {Count("#cast-abstain")}");
            await chairman.ClickAsync("#sign-decision");
            await Expect(chairman.Locator("#decision-status")).ToHaveTextAsync("Signed");
            decisions.Add(int.Parse(new Uri(chairman.Url).AbsolutePath.Split('/')[^1]));
            // The secretary publishes it (SL 52-1) and sends it to the oversight body (SL 48.1).
            secretary ??= await LoginAsync(secretaryUser);
            await secretary.GotoAsync(chairman.Url);
            await secretary.ClickAsync("#publish-decision");
            await Expect(secretary.Locator("#publish-decision")).ToHaveCountAsync(0);
            await secretary.ClickAsync("#send-decision");
            await Expect(secretary.Locator("#send-decision")).ToHaveCountAsync(0);
        }
        return decisions;
    }

    /// <summary>
    /// Opens the live session screen. A page already on it reloads itself when a vote or a ballot changes (session.js), and that
    /// reload can land while the test navigates: Chromium then reports the navigation interrupted or aborted, or never reports
    /// its load. The reload shows the same screen, so the test simply navigates again.
    /// </summary>
    protected static async Task OpenLiveAsync(IPage page, string sessionUrl)
    {
        for (var attempt = 1; ; attempt++)
        {
            try { await page.GotoAsync(sessionUrl, new PageGotoOptions { Timeout = 10_000 }); return; }
            catch (PlaywrightException e) when (attempt < 5 && (e.Message.Contains("interrupted by another navigation") || e.Message.Contains("ERR_ABORTED"))) { }
            catch (TimeoutException) when (attempt < 5) { }
        }
    }

    /// <summary>Each member page, in turn, is opened fresh and clicks its choice.</summary>
    protected static async Task VoteAsync(List<IPage> members, string sessionUrl, params string[] buttons)
    {
        for (var i = 0; i < buttons.Length; i++)
        {
            await OpenLiveAsync(members[i], sessionUrl);
            await members[i].ClickAsync(buttons[i]);
            await Expect(members[i].Locator("#cast-for")).ToHaveCountAsync(0);
        }
    }

    /// <summary>pdftotext keeps the no-break space of money amounts; tests read it as a space.</summary>
    protected static string Flat(string text) => text.Replace('\u00A0', ' ').Replace('\u202F', ' ');
}
