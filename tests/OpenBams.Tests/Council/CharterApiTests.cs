using System.Net;
using OpenBams.Council;
using OpenBams.Law.Council;
using OpenBams.Testing;
using OpenBams.Tests.PlatformApi;
using static OpenBams.Tests.Council.DutiesSetup;

namespace OpenBams.Tests.Council;

/// <summary>
/// Citizens' meetings (SL 28: population 499 yes, 500 no unless on a merger; 25% of voters) and the charter (SL 8: ten
/// contents, adopted by a decision or a quorate citizens' meeting, in force from registration) through the API.
/// </summary>
public abstract class CharterApiTests(AppFixture fixture)
{
    private TestApp App => fixture.App;

    private static Dictionary<string, string> Sections() => CharterContents.Required.ToDictionary(r => r.Key, r => $"{r.Az}: mətn");

    private static object Meeting(int voters, int participants, bool merger = false, string? decisions = null) =>
        new { heldOn = Today.AddDays(-1), subject = "Nizamnamənin qəbulu", aboutMergerOrSeparation = merger, residentVoters = voters, participants, decisions };

    [Fact]
    public async Task SL_28_1_citizens_meetings_where_fewer_than_500_live_and_SL_28_5_mergers_anywhere()
    {
        var small = await App.CouncilAsync(members: 1, population: 499);
        var big = await App.CouncilAsync(members: 1, population: 500);
        var unknown = await App.CouncilAsync(members: 1, population: null);
        var smallStaff = await App.LoginAsync(small.Secretary);
        var bigStaff = await App.LoginAsync(big.Secretary);
        await (await smallStaff.PostJsonAsync(small.Api("/citizens-meetings"), Meeting(300, 80))).OkAsync<CitizensMeetingView>(HttpStatusCode.Created);
        var refused = await (await bigStaff.PostJsonAsync(big.Api("/citizens-meetings"), Meeting(300, 80))).AssertRuleAsync("aboutMergerOrSeparation", "SL 28.1");
        Assert.Contains("500", refused.GetProperty("title").GetString());
        var merger = await (await bigStaff.PostJsonAsync(big.Api("/citizens-meetings"), Meeting(300, 80, merger: true))).OkAsync<CitizensMeetingView>(HttpStatusCode.Created);
        Assert.True(merger.AboutMergerOrSeparation);
        var unknownStaff = await App.LoginAsync(unknown.Secretary);
        await (await unknownStaff.PostJsonAsync(unknown.Api("/citizens-meetings"), Meeting(300, 80))).AssertRuleAsync("aboutMergerOrSeparation", "SL 28.1");

        // Council members do not record citizens' meetings; staff do.
        var member = await App.LoginAsync(small.Login(0));
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostJsonAsync(small.Api("/citizens-meetings"), Meeting(300, 80))).StatusCode);
    }

    [Fact]
    public async Task SL_28_4_a_meeting_is_valid_with_25_percent_of_the_resident_voters()
    {
        var c = await App.CouncilAsync(members: 1, population: 450);
        var staff = await App.LoginAsync(c.Secretary);
        var url = c.Api("/citizens-meetings");
        var quorate = await (await staff.PostJsonAsync(url, Meeting(400, 100, decisions: "Nizamnamə qəbul edilsin"))).OkAsync<CitizensMeetingView>(HttpStatusCode.Created);
        Assert.Equal((100, true, "SL 28.4"), (quorate.QuorumNeeded, quorate.Quorate, quorate.Rule));
        var short1 = await (await staff.PostJsonAsync(url, Meeting(400, 99))).OkAsync<CitizensMeetingView>(HttpStatusCode.Created);
        Assert.False(short1.Quorate);
        await (await staff.PostJsonAsync(url, Meeting(400, 99, decisions: "Qərar"))).AssertRuleAsync("decisions", "SL 28.4");
        await (await staff.PostJsonAsync(url, Meeting(400, 401))).AssertRuleAsync("participants", "SL 28.2");
        Assert.Equal(2, (await (await staff.GetAsync(url)).OkAsync<List<CitizensMeetingView>>()).Count);
        Assert.Equal(quorate.Id, (await (await staff.GetAsync(c.Api($"/citizens-meetings/{quorate.Id}"))).OkAsync<CitizensMeetingView>()).Id);
    }

    [Fact]
    public async Task SL_8_2_every_content_is_required_and_SL_8_1_the_adopting_body_must_be_this_councils()
    {
        var c = await App.CouncilAsync(members: 3, population: 450);
        var staff = await App.LoginAsync(c.Secretary);
        var url = c.Api("/charter");
        var decision = await App.DecisionAsync(c.MunicipalityId, Today.AddDays(-10), Today.AddDays(-3), "Nizamnamənin qəbulu");

        var lacking = Sections();
        lacking.Remove("economy");
        lacking["term"] = "  ";
        var p = await (await staff.PostJsonAsync(url, new { sections = lacking, adoptedByDecisionId = decision })).AssertRuleAsync("sections", "SL 8.2");
        Assert.StartsWith("The charter lacks contents the law requires", p.GetProperty("title").GetString());
        Assert.Contains("economy", p.GetProperty("title").GetString());
        Assert.Contains("term", p.GetProperty("title").GetString());
        await (await staff.PostJsonAsync(url, new { sections = Sections().Append(new("motto", "x")).ToDictionary(), adoptedByDecisionId = decision }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "sections");

        await (await staff.PostJsonAsync(url, new { sections = Sections() })).AssertRuleAsync("adoptedByDecisionId", "SL 8.1");
        var other = await App.CouncilAsync(members: 1);
        var foreign = await App.DecisionAsync(other.MunicipalityId, Today.AddDays(-10), Today.AddDays(-3));
        await (await staff.PostJsonAsync(url, new { sections = Sections(), adoptedByDecisionId = foreign })).AssertRuleAsync("adoptedByDecisionId", "SL 8.1");

        var meetings = c.Api("/citizens-meetings");
        var weak = await (await staff.PostJsonAsync(meetings, Meeting(400, 99))).OkAsync<CitizensMeetingView>(HttpStatusCode.Created);
        await (await staff.PostJsonAsync(url, new { sections = Sections(), adoptedByCitizensMeetingId = weak.Id })).AssertRuleAsync("adoptedByCitizensMeetingId", "SL 28.4");
        await (await staff.PostJsonAsync(url, new { sections = Sections(), adoptedByDecisionId = decision, adoptedByCitizensMeetingId = weak.Id })).AssertRuleAsync("adoptedByDecisionId", "SL 8.1");
        var strong = await (await staff.PostJsonAsync(meetings, Meeting(400, 100, decisions: "Nizamnamə qəbul edildi"))).OkAsync<CitizensMeetingView>(HttpStatusCode.Created);
        var byMeeting = await (await staff.PostJsonAsync(url, new { sections = Sections(), adoptedByCitizensMeetingId = strong.Id })).OkAsync<CharterVersionView>(HttpStatusCode.Created);
        Assert.Equal((Today.AddDays(-1), "AwaitingRegistration"), (byMeeting.AdoptedOn, byMeeting.Status));
        Assert.Equal(10, byMeeting.Sections.Count);

        var byDecision = await (await staff.PostJsonAsync(url, new { sections = Sections(), adoptedByDecisionId = decision })).OkAsync<CharterVersionView>(HttpStatusCode.Created);
        Assert.Equal(Today.AddDays(-10), byDecision.AdoptedOn);
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostJsonAsync(url, new { sections = Sections(), adoptedByDecisionId = decision })).StatusCode);

        var member = await App.LoginAsync(c.Login(1));
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostJsonAsync(url, new { sections = Sections(), adoptedByDecisionId = decision })).StatusCode);
    }

    [Fact]
    public async Task SL_8_5_the_charter_in_force_is_the_latest_registered_version()
    {
        var c = await App.CouncilAsync(members: 3, population: 3000);
        var staff = await App.LoginAsync(c.Secretary);
        var url = c.Api("/charter");
        var first = await (await staff.PostJsonAsync(url, new { sections = Sections(), adoptedByDecisionId = await App.DecisionAsync(c.MunicipalityId, Today.AddDays(-60), Today.AddDays(-53)) }))
            .OkAsync<CharterVersionView>(HttpStatusCode.Created);
        var second = await (await staff.PostJsonAsync(url, new { sections = Sections(), adoptedByDecisionId = await App.DecisionAsync(c.MunicipalityId, Today.AddDays(-20), Today.AddDays(-13)) }))
            .OkAsync<CharterVersionView>(HttpStatusCode.Created);

        var overview = await (await staff.GetAsync(url)).OkAsync<CharterOverview>();
        Assert.Null(overview.Current);
        Assert.Equal(2, overview.Pending.Count);
        Assert.Equal(10, overview.RequiredSections.Count);
        Assert.Contains(await App.FlagsAsync(c), f => f.Code == "charter-unregistered");

        // Registration: number and date required, never in the future, never before adoption.
        await (await staff.PostJsonAsync(url, new { })).AssertRuleAsync("sections", "SL 8.2");
        var reg = c.Api($"/charter/{first.Id}/registration");
        await (await staff.PostJsonAsync(reg, new { registeredOn = Today.AddDays(-50) })).AssertRuleAsync("registrationNumber", "SL 8.3");
        await (await staff.PostJsonAsync(reg, new { registrationNumber = "N-1", registeredOn = Today.AddDays(1) })).AssertRuleAsync("registeredOn", "SL 8.5");
        await (await staff.PostJsonAsync(reg, new { registrationNumber = "N-1", registeredOn = Today.AddDays(-61) })).AssertRuleAsync("registeredOn", "SL 8.3");
        var registered = await (await staff.PostJsonAsync(reg, new { registrationNumber = "ƏN-2026-0001", registeredOn = Today.AddDays(-50) })).OkAsync<CharterVersionView>();
        Assert.Equal(("InForce", Today.AddDays(-50)), (registered.Status, registered.InForceFrom!.Value));
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostJsonAsync(reg, new { registrationNumber = "X", registeredOn = Today })).StatusCode);
        Assert.DoesNotContain(await App.FlagsAsync(c), f => f.Code == "charter-unregistered");

        overview = await (await staff.GetAsync(url)).OkAsync<CharterOverview>();
        Assert.Equal(first.Id, overview.Current!.Id);
        Assert.Equal([second.Id], overview.Pending.Select(v => v.Id));

        // SL 8.4: a refusal needs its ground; a refused version may still be registered after an appeal.
        var refuse = c.Api($"/charter/{second.Id}/refusal");
        await (await staff.PostJsonAsync(refuse, new { reason = "" })).AssertRuleAsync("reason", "SL 8.4");
        var refused = await (await staff.PostJsonAsync(refuse, new { reason = "3-cü bölmə qanuna ziddir" })).OkAsync<CharterVersionView>();
        Assert.Equal("Refused", refused.Status);
        overview = await (await staff.GetAsync(url)).OkAsync<CharterOverview>();
        Assert.Equal(first.Id, overview.Current!.Id);
        Assert.Empty(overview.Pending);
        Assert.Equal([second.Id], overview.Refused.Select(v => v.Id));

        var appealed = await (await staff.PostJsonAsync(c.Api($"/charter/{second.Id}/registration"), new { registrationNumber = "ƏN-2026-0002", registeredOn = Today })).OkAsync<CharterVersionView>();
        Assert.Equal("InForce", appealed.Status);
        overview = await (await staff.GetAsync(url)).OkAsync<CharterOverview>();
        Assert.Equal(second.Id, overview.Current!.Id);
        Assert.Equal([first.Id], overview.Superseded.Select(v => v.Id));
        Assert.Equal("Superseded", (await (await staff.GetAsync(c.Api($"/charter/{first.Id}"))).OkAsync<CharterVersionView>()).Status);
    }
}

public sealed class CharterApiTests_Sqlite(SqliteFixture f) : CharterApiTests(f), IClassFixture<SqliteFixture>;
public sealed class CharterApiTests_Postgres(PostgresFixture f) : CharterApiTests(f), IClassFixture<PostgresFixture>;
