using System.Net;
using OpenBams.Council;
using OpenBams.Law.Council;
using OpenBams.Testing;
using OpenBams.Tests.PlatformApi;
using static OpenBams.Tests.Council.DutiesSetup;

namespace OpenBams.Tests.Council;

/// <summary>
/// Commissions (SL 17, Regulation N 859-IQ) through the API, each rule at its boundary: 3 members not 2 (COMM 6), an
/// other commission's term within the council's (COMM 5), one chair per member (COMM 6), two days' notice not one
/// and more than half present (COMM 8), a majority of those present in each commission of a joint meeting
/// (COMM 9), the yearly report to the council (COMM 7).
/// </summary>
public abstract class CommissionsApiTests(AppFixture fixture)
{
    private TestApp App => fixture.App;

    private async Task<(DutiesCouncil C, HttpClient Secretary)> PrepareAsync(int members = 7)
    {
        var c = await App.CouncilAsync(members: members, population: 4000);
        return (c, await App.LoginAsync(c.Secretary));
    }

    private static object Commission(string name, IEnumerable<int> memberIds, string kind = "Permanent", DateOnly? endsOn = null, int? decisionId = null, DateOnly? establishedOn = null) =>
        new { name, kind, memberIds = memberIds.ToArray(), endsOn, establishedByDecisionId = decisionId, establishedOn };

    [Fact]
    public async Task COMM_6_a_commission_has_at_least_3_sitting_members_of_this_council()
    {
        var (c, secretary) = await PrepareAsync();
        var url = c.Api("/commissions");
        await (await secretary.PostJsonAsync(url, Commission("Yerli büdcə məsələləri", [c.Member(0), c.Member(1)]))).AssertRuleAsync("memberIds", "COMM 6");
        await (await secretary.PostJsonAsync(url, Commission("Yerli büdcə məsələləri", [c.Member(0), c.Member(1), c.Member(1)]))).AssertRuleAsync("memberIds", "COMM 6");
        var created = await (await secretary.PostJsonAsync(url, Commission("Yerli büdcə məsələləri", [c.Member(0), c.Member(1), c.Member(2)]))).OkAsync<CommissionView>(HttpStatusCode.Created);
        Assert.Equal(3, created.Members.Count);
        Assert.Equal(CommissionKind.Permanent, created.Kind);
        Assert.Equal(Today, created.EstablishedOn);
        Assert.Equal(Today.AddYears(1), created.ReportDueOn);

        // A member whose mandate ended, or a member of another council, is not a municipal member here.
        await App.UpdateMemberAsync(c.Member(6), x => { x.Status = MemberStatus.Ended; x.MandateEndedOn = Today; });
        await (await secretary.PostJsonAsync(url, Commission("Ekologiya", [c.Member(3), c.Member(4), c.Member(6)]))).AssertRuleAsync("memberIds", "COMM 6");
        var other = await App.CouncilAsync(members: 1);
        await (await secretary.PostJsonAsync(url, Commission("Ekologiya", [c.Member(3), c.Member(4), other.Member(0)]))).AssertRuleAsync("memberIds", "COMM 6");

        // Members of the council do not set up commissions themselves.
        var member = await App.LoginAsync(c.Login(0));
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostJsonAsync(url, Commission("X", [c.Member(0), c.Member(1), c.Member(2)]))).StatusCode);
    }

    [Fact]
    public async Task COMM_5_an_other_commission_ends_within_the_council_term_and_a_permanent_one_has_no_end()
    {
        var (c, secretary) = await PrepareAsync();
        var url = c.Api("/commissions");
        var three = new[] { c.Member(0), c.Member(1), c.Member(2) };
        var councilEnds = await App.WithDbAsync(db => Task.FromResult(db.CouncilMembers.Where(x => x.MunicipalityId == c.MunicipalityId).Min(x => x.TermEndsOn)));
        await (await secretary.PostJsonAsync(url, Commission("Yol komissiyası", three, "Other"))).AssertRuleAsync("endsOn", "COMM 5");
        await (await secretary.PostJsonAsync(url, Commission("Yol komissiyası", three, "Other", councilEnds.AddDays(1)))).AssertRuleAsync("endsOn", "COMM 5");
        var ok = await (await secretary.PostJsonAsync(url, Commission("Yol komissiyası", three, "Other", councilEnds))).OkAsync<CommissionView>(HttpStatusCode.Created);
        Assert.Equal(councilEnds, ok.EndsOn);
        Assert.Null(ok.ReportDueOn);
        await (await secretary.PostJsonAsync(url, Commission("Hüquq məsələləri", three, "Permanent", councilEnds))).AssertRuleAsync("endsOn", "COMM 5");
    }

    [Fact]
    public async Task COMM_6_the_election_decision_must_be_this_councils()
    {
        var (c, secretary) = await PrepareAsync();
        var other = await App.CouncilAsync(members: 1);
        var foreign = await App.DecisionAsync(other.MunicipalityId, Today.AddDays(-3), Today.AddDays(4), "Başqa bələdiyyənin qərarı");
        var own = await App.DecisionAsync(c.MunicipalityId, Today.AddDays(-3), Today.AddDays(4), "Komissiyaların seçilməsi");
        var three = new[] { c.Member(0), c.Member(1), c.Member(2) };
        await (await secretary.PostJsonAsync(c.Api("/commissions"), Commission("Sosial məsələlər", three, decisionId: foreign))).AssertRuleAsync("establishedByDecisionId", "COMM 6");
        var created = await (await secretary.PostJsonAsync(c.Api("/commissions"), Commission("Sosial məsələlər", three, decisionId: own))).OkAsync<CommissionView>(HttpStatusCode.Created);
        Assert.Equal((own, Today.AddDays(-3)), (created.EstablishedByDecisionId!.Value, created.EstablishedOn));
    }

    [Fact]
    public async Task COMM_6_the_chair_is_elected_from_the_members_and_chairs_only_one_commission()
    {
        var (c, secretary) = await PrepareAsync();
        var budget = await (await secretary.PostJsonAsync(c.Api("/commissions"), Commission("Büdcə", [c.Member(0), c.Member(1), c.Member(2)]))).OkAsync<CommissionView>(HttpStatusCode.Created);
        var ecology = await (await secretary.PostJsonAsync(c.Api("/commissions"), Commission("Ekologiya", [c.Member(0), c.Member(3), c.Member(4)]))).OkAsync<CommissionView>(HttpStatusCode.Created);

        await (await secretary.PostJsonAsync(c.Api($"/commissions/{budget.Id}/officers"), new { chairMemberId = c.Member(5) })).AssertRuleAsync("chairMemberId", "COMM 6");
        await (await secretary.PostJsonAsync(c.Api($"/commissions/{budget.Id}/officers"), new { chairMemberId = c.Member(0), deputyChairMemberId = c.Member(0) }))
            .AssertRuleAsync("deputyChairMemberId", "COMM 6");
        var elected = await (await secretary.PostJsonAsync(c.Api($"/commissions/{budget.Id}/officers"), new { chairMemberId = c.Member(0), deputyChairMemberId = c.Member(1) }))
            .OkAsync<CommissionView>();
        Assert.Equal((c.Member(0), c.Member(1)), (elected.Chair!.Id, elected.DeputyChair!.Id));

        // Member 0 already chairs the budget commission: not ecology as well; deputy of another is fine.
        await (await secretary.PostJsonAsync(c.Api($"/commissions/{ecology.Id}/officers"), new { chairMemberId = c.Member(0) })).AssertRuleAsync("chairMemberId", "COMM 6");
        await (await secretary.PostJsonAsync(c.Api($"/commissions/{ecology.Id}/officers"), new { chairMemberId = c.Member(3), deputyChairMemberId = c.Member(0) })).OkAsync<CommissionView>();

        // Composition: still at least 3; the chair stays a member; stale versions are refused.
        var url = c.Api($"/commissions/{budget.Id}/members");
        await (await secretary.PutJsonAsync(url, new { memberIds = new[] { c.Member(0), c.Member(1) } })).AssertRuleAsync("memberIds", "COMM 6");
        await (await secretary.PutJsonAsync(url, new { memberIds = new[] { c.Member(1), c.Member(2), c.Member(5) } })).AssertRuleAsync("memberIds", "COMM 6");
        var changed = await (await secretary.PutJsonAsync(url, new { memberIds = new[] { c.Member(0), c.Member(1), c.Member(5), c.Member(6) }, version = elected.Version })).OkAsync<CommissionView>();
        Assert.Equal(new[] { c.Member(0), c.Member(1), c.Member(5), c.Member(6) }.Order(), changed.Members.Select(x => x.Id).Order());
        Assert.True(changed.Version > elected.Version);
        Assert.Equal(HttpStatusCode.Conflict, (await secretary.PutJsonAsync(url, new { memberIds = new[] { c.Member(0), c.Member(1), c.Member(5) }, version = elected.Version })).StatusCode);

        // An abolished commission's chair may chair another; the abolished one no longer changes.
        var abolished = await (await secretary.PostJsonAsync(c.Api($"/commissions/{budget.Id}/abolish"), new { })).OkAsync<CommissionView>();
        Assert.Equal(Today, abolished.AbolishedOn);
        Assert.Equal(HttpStatusCode.Conflict, (await secretary.PutJsonAsync(url, new { memberIds = new[] { c.Member(0), c.Member(1), c.Member(5) } })).StatusCode);
        var list = await (await secretary.GetAsync(c.Api("/commissions"))).OkAsync<List<CommissionView>>();
        Assert.Equal([ecology.Id], list.Select(x => x.Id));
        Assert.Equal(2, (await (await secretary.GetAsync(c.Api("/commissions?includeAbolished=true"))).OkAsync<List<CommissionView>>()).Count);
    }

    [Fact]
    public async Task COMM_8_and_9_notice_quorum_and_a_majority_in_each_commission_of_a_joint_meeting()
    {
        var (c, secretary) = await PrepareAsync();
        var x = await (await secretary.PostJsonAsync(c.Api("/commissions"), Commission("Büdcə", [c.Member(0), c.Member(1), c.Member(2)]))).OkAsync<CommissionView>(HttpStatusCode.Created);
        var y = await (await secretary.PostJsonAsync(c.Api("/commissions"), Commission("İqtisadi inkişaf", [c.Member(3), c.Member(4), c.Member(5), c.Member(6)]))).OkAsync<CommissionView>(HttpStatusCode.Created);
        var url = c.Api("/commission-meetings");
        var held = Today;
        // Who presides (COMM 14, 17) is tested in CommissionMeetingRulesApiTests: here X's chair presides alone, and is elected at joint meetings.
        await (await secretary.PostJsonAsync(c.Api($"/commissions/{x.Id}/officers"), new { chairMemberId = c.Member(0) })).OkAsync<CommissionView>();
        object Meeting(DateOnly notified, params object[] participants) =>
            new { heldOn = held, notifiedOn = notified, subject = "Büdcə layihəsinə rəy", decisionText = "Layihə bəyənilsin", participants,
                presidedByMemberId = participants.Length > 1 ? c.Member(0) : (int?)null };
        object X(int[] present, int f, int a = 0) => new { commissionId = x.Id, presentMemberIds = present, @for = f, against = a, abstain = 0 };

        // COMM 8: two days' notice, not one.
        await (await secretary.PostJsonAsync(url, Meeting(held.AddDays(-1), X([c.Member(0), c.Member(1)], 2)))).AssertRuleAsync("notifiedOn", "COMM 8");
        var single = await (await secretary.PostJsonAsync(url, Meeting(held.AddDays(-2), X([c.Member(0), c.Member(1)], 2)))).OkAsync<CommissionMeetingView>();
        Assert.True(single.Adopted);
        Assert.False(single.Joint);

        // COMM 8: 2 of 3 members is a quorum, 1 of 3 is not; a non-member is not counted.
        await (await secretary.PostJsonAsync(url, Meeting(held.AddDays(-3), X([c.Member(0)], 1)))).AssertRuleAsync("participants[0].presentMemberIds", "COMM 8");
        await (await secretary.PostJsonAsync(url, Meeting(held.AddDays(-3), X([c.Member(0), c.Member(3)], 2)))).AssertRuleAsync("participants[0].presentMemberIds", "COMM 7");
        await (await secretary.PostJsonAsync(url, Meeting(held.AddDays(-3), X([c.Member(0), c.Member(1)], 2, 1)))).AssertRuleAsync("participants[0].for", "COMM 9");

        // COMM 9 at a joint meeting: X 2 of 2 for, Y 1 for and 2 against of 3 present. Pooled, 3 of 5 would pass; per commission it does not.
        var joint = await (await secretary.PostJsonAsync(url, Meeting(held.AddDays(-2),
            X([c.Member(0), c.Member(1)], 2),
            new { commissionId = y.Id, presentMemberIds = new[] { c.Member(3), c.Member(4), c.Member(5) }, @for = 1, against = 2, abstain = 0 }))).OkAsync<CommissionMeetingView>();
        Assert.True(joint.Joint);
        Assert.False(joint.Adopted);
        Assert.Equal("COMM 9", joint.Rule);
        var ty = joint.Tallies.Single(t => t.CommissionId == y.Id);
        Assert.Equal((4, 3, 2, false), (ty.Members, ty.Present, ty.Required, ty.Adopted));
        Assert.True(joint.Tallies.Single(t => t.CommissionId == x.Id).Adopted);

        var adopted = await (await secretary.PostJsonAsync(url, Meeting(held.AddDays(-2),
            X([c.Member(0), c.Member(1)], 2),
            new { commissionId = y.Id, presentMemberIds = new[] { c.Member(3), c.Member(4), c.Member(5) }, @for = 2, against = 1, abstain = 0 }))).OkAsync<CommissionMeetingView>();
        Assert.True(adopted.Adopted);

        // The commission's chair may record its meetings; another member may not.
        var chair = await App.LoginAsync(c.Login(0));
        await (await chair.PostJsonAsync(url, Meeting(held.AddDays(-2), X([c.Member(0), c.Member(2)], 1)))).OkAsync<CommissionMeetingView>();
        var outsider = await App.LoginAsync(c.Login(3));
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.PostJsonAsync(url, Meeting(held.AddDays(-2), X([c.Member(0), c.Member(2)], 1)))).StatusCode);

        Assert.Equal(4, (await (await secretary.GetAsync(c.Api($"/commission-meetings?commissionId={x.Id}"))).OkAsync<List<CommissionMeetingView>>()).Count);
        Assert.Equal(2, (await (await secretary.GetAsync(c.Api($"/commission-meetings?commissionId={y.Id}"))).OkAsync<List<CommissionMeetingView>>()).Count);
    }

    [Fact]
    public async Task COMM_7_a_permanent_commission_that_has_not_reported_for_over_a_year_is_flagged()
    {
        var (c, secretary) = await PrepareAsync();
        var late = await (await secretary.PostJsonAsync(c.Api("/commissions"), Commission("Büdcə", [c.Member(0), c.Member(1), c.Member(2)], establishedOn: Today.AddYears(-1).AddDays(-1))))
            .OkAsync<CommissionView>(HttpStatusCode.Created);
        var onTime = await (await secretary.PostJsonAsync(c.Api("/commissions"), Commission("Ekologiya", [c.Member(3), c.Member(4), c.Member(5)], establishedOn: Today.AddYears(-1))))
            .OkAsync<CommissionView>(HttpStatusCode.Created);
        Assert.True(late.ReportOverdue);
        Assert.False(onTime.ReportOverdue);
        var flags = await App.FlagsAsync(c);
        var flag = Assert.Single(flags, f => f.Code == "commission-report-overdue");
        Assert.Equal(("COMM 7", late.Id, FlagSeverity.Breach), (flag.Article, flag.RecordId!.Value, flag.Severity));

        var report = await (await secretary.PostJsonAsync(c.Api("/commission-meetings"), new
        {
            heldOn = Today, notifiedOn = Today.AddDays(-5), subject = "İllik hesabat", decisionText = "Hesabat bələdiyyəyə təqdim edilsin", isReportToCouncil = true,
            presidedByMemberId = c.Member(0), designatedByChairman = true,
            participants = new[] { new { commissionId = late.Id, presentMemberIds = new[] { c.Member(0), c.Member(1), c.Member(2) }, @for = 3, against = 0, abstain = 0 } },
        })).OkAsync<CommissionMeetingView>();
        Assert.True(report.IsReportToCouncil);
        var after = await (await secretary.GetAsync(c.Api($"/commissions/{late.Id}"))).OkAsync<CommissionView>();
        Assert.Equal((Today, Today.AddYears(1), false), (after.LastReportOn!.Value, after.ReportDueOn!.Value, after.ReportOverdue));
        Assert.DoesNotContain(await App.FlagsAsync(c), f => f.Code == "commission-report-overdue");

        // A commission whose members' mandates end below three is flagged (COMM 6).
        await App.UpdateMemberAsync(c.Member(5), x => { x.Status = MemberStatus.Ended; x.MandateEndedOn = Today; });
        Assert.Contains(await App.FlagsAsync(c), f => f.Code == "commission-below-minimum" && f.RecordId == onTime.Id && f.Article == "COMM 6");
    }
}

public sealed class CommissionsApiTests_Sqlite(SqliteFixture f) : CommissionsApiTests(f), IClassFixture<SqliteFixture>;
public sealed class CommissionsApiTests_Postgres(PostgresFixture f) : CommissionsApiTests(f), IClassFixture<PostgresFixture>;
