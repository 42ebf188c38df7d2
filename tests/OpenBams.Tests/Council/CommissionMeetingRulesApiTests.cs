using System.Net;
using OpenBams.Council;
using OpenBams.Law.Council;
using OpenBams.Testing;
using OpenBams.Tests.PlatformApi;
using static OpenBams.Tests.Council.DutiesSetup;

namespace OpenBams.Tests.Council;

/// <summary>
/// Commission meetings through the API, each rule at its boundary: a permanent commission meets every whole month
/// (COMM 7), absent members are excused only if they told the chair in advance (COMM 8), the chair presides, in the
/// chair's absence the deputy, failing both a member the chairman designated (COMM 17), a joint meeting elects its
/// presiding person from the members present (COMM 14), separate opinions from members present (COMM 19), and the
/// chair of every commission concerned signs, after which nothing changes (COMM 20).
/// </summary>
public abstract class CommissionMeetingRulesApiTests(AppFixture fixture)
{
    private TestApp App => fixture.App;

    private async Task<(DutiesCouncil C, HttpClient Secretary)> PrepareAsync(int members = 7)
    {
        var c = await App.CouncilAsync(members: members, population: 4000);
        return (c, await App.LoginAsync(c.Secretary));
    }

    private static async Task<CommissionView> CommissionAsync(HttpClient secretary, DutiesCouncil c, string name, int[] members, DateOnly? establishedOn = null,
        int? chair = null, int? deputy = null, string kind = "Permanent", DateOnly? endsOn = null)
    {
        var created = await (await secretary.PostJsonAsync(c.Api("/commissions"), new { name, kind, memberIds = members.Select(c.Member).ToArray(), establishedOn, endsOn }))
            .OkAsync<CommissionView>(HttpStatusCode.Created);
        if (chair is null) return created;
        return await (await secretary.PostJsonAsync(c.Api($"/commissions/{created.Id}/officers"),
            new { chairMemberId = c.Member(chair.Value), deputyChairMemberId = deputy is { } d ? c.Member(d) : (int?)null })).OkAsync<CommissionView>();
    }

    private static object Part(DutiesCouncil c, CommissionView commission, int[] present, int[]? excused = null) => new
    {
        commissionId = commission.Id, presentMemberIds = present.Select(c.Member).ToArray(), @for = present.Length, against = 0, abstain = 0,
        excusedMemberIds = (excused ?? []).Select(c.Member).ToArray(),
    };

    private static object Meeting(DateOnly heldOn, object[] participants, int? presidedBy = null, bool designatedByChairman = false) => new
    {
        heldOn, notifiedOn = heldOn.AddDays(-3), subject = "Yerli büdcə layihəsi", decisionText = "Layihəyə müsbət rəy verilsin", participants,
        presidedByMemberId = presidedBy, designatedByChairman,
    };

    [Fact]
    public async Task COMM_7_a_permanent_commission_without_a_meeting_in_a_whole_month_is_flagged()
    {
        var (c, secretary) = await PrepareAsync();
        var thisMonth = new DateOnly(Today.Year, Today.Month, 1);
        var (m2, m1) = (thisMonth.AddMonths(-2), thisMonth.AddMonths(-1));
        DateOnly LastDay(DateOnly month) => month.AddMonths(1).AddDays(-1);
        // Set up on the 1st: both whole months count; on the 2nd: the first month is not whole.
        var onFirst = await CommissionAsync(secretary, c, "Büdcə", [0, 1, 2], m2, chair: 0);
        var onSecond = await CommissionAsync(secretary, c, "Ekologiya", [3, 4, 5], m2.AddDays(1), chair: 3);
        var thisMonths = await CommissionAsync(secretary, c, "Sosial məsələlər", [0, 3, 6], thisMonth);
        var councilEnds = await App.WithDbAsync(db => Task.FromResult(db.CouncilMembers.Where(x => x.MunicipalityId == c.MunicipalityId).Min(x => x.TermEndsOn)));
        var adHoc = await CommissionAsync(secretary, c, "Yol komissiyası", [1, 4, 6], m2, kind: "Other", endsOn: councilEnds);

        var flags = (await App.FlagsAsync(c)).Where(f => f.Code == "commission-meeting-missing").ToList();
        Assert.All(flags, f => Assert.Equal(("COMM 7", FlagSeverity.Breach, "commission"), (f.Article, f.Severity, f.RecordKind)));
        Assert.Equal([LastDay(m2), LastDay(m1)], flags.Where(f => f.RecordId == onFirst.Id).Select(f => f.DueOn!.Value).Order());
        Assert.Equal([LastDay(m1)], flags.Where(f => f.RecordId == onSecond.Id).Select(f => f.DueOn!.Value));
        Assert.DoesNotContain(flags, f => f.RecordId == thisMonths.Id || f.RecordId == adHoc.Id);

        // A joint meeting in the last month is a meeting of both commissions.
        await (await secretary.PostJsonAsync(c.Api("/commission-meetings"),
            Meeting(m1.AddDays(9), [Part(c, onFirst, [0, 1]), Part(c, onSecond, [3, 4])], presidedBy: c.Member(0)))).OkAsync<CommissionMeetingView>();
        flags = (await App.FlagsAsync(c)).Where(f => f.Code == "commission-meeting-missing").ToList();
        Assert.Equal([LastDay(m2)], flags.Where(f => f.RecordId == onFirst.Id).Select(f => f.DueOn!.Value));
        Assert.DoesNotContain(flags, f => f.RecordId == onSecond.Id);
        Assert.Contains(m2.ToString("MM.yyyy"), Assert.Single(flags).MessageEn);
    }

    [Fact]
    public async Task COMM_8_absent_members_are_excused_only_if_they_told_the_chair_in_advance()
    {
        var (c, secretary) = await PrepareAsync();
        var x = await CommissionAsync(secretary, c, "Büdcə", [0, 1, 2, 3, 4], chair: 0);
        var url = c.Api("/commission-meetings");
        // A member present, or not a member of the commission, cannot be excused.
        await (await secretary.PostJsonAsync(url, Meeting(Today, [Part(c, x, [0, 1, 2], excused: [2])]))).AssertRuleAsync("participants[0].excusedMemberIds", "COMM 8");
        await (await secretary.PostJsonAsync(url, Meeting(Today, [Part(c, x, [0, 1, 2], excused: [5])]))).AssertRuleAsync("participants[0].excusedMemberIds", "COMM 8");

        var meeting = await (await secretary.PostJsonAsync(url, Meeting(Today, [Part(c, x, [0, 1, 2], excused: [4])]))).OkAsync<CommissionMeetingView>();
        var t = Assert.Single(meeting.Tallies);
        Assert.Equal(new[] { c.Member(3), c.Member(4) }.Order(), t.AbsentMemberIds!.Order());
        Assert.Equal([c.Member(4)], t.ExcusedMemberIds!);
        Assert.Equal([c.Member(3)], t.UnexcusedMemberIds!);
        var again = await (await secretary.GetAsync(c.Api($"/commission-meetings/{meeting.Id}"))).OkAsync<CommissionMeetingView>();
        Assert.Equal([c.Member(3)], again.Tallies[0].UnexcusedMemberIds!);

        // Nobody excused: every absent member is unexcused.
        var none = await (await secretary.PostJsonAsync(url, Meeting(Today, [Part(c, x, [0, 1, 2])]))).OkAsync<CommissionMeetingView>();
        Assert.Empty(none.Tallies[0].ExcusedMemberIds!);
        Assert.Equal(2, none.Tallies[0].UnexcusedMemberIds!.Count);
    }

    [Fact]
    public async Task COMM_17_the_chair_presides_in_the_chairs_absence_the_deputy_failing_both_a_member_the_chairman_designated()
    {
        var (c, secretary) = await PrepareAsync();
        var x = await CommissionAsync(secretary, c, "Büdcə", [0, 1, 2, 3, 4], chair: 0, deputy: 1);
        var url = c.Api("/commission-meetings");

        // The chair present presides; not the deputy instead.
        var byChair = await (await secretary.PostJsonAsync(url, Meeting(Today, [Part(c, x, [0, 1, 2])]))).OkAsync<CommissionMeetingView>();
        Assert.Equal((c.Member(0), PresidingBasis.Chair), (byChair.PresidedBy!.Id, byChair.PresidingBasis!.Value));
        await (await secretary.PostJsonAsync(url, Meeting(Today, [Part(c, x, [0, 1, 2])], presidedBy: c.Member(1)))).AssertRuleAsync("presidedByMemberId", "COMM 17");

        // In the chair's absence the deputy; a designated member may not take the deputy's place.
        var byDeputy = await (await secretary.PostJsonAsync(url, Meeting(Today, [Part(c, x, [1, 2, 3])]))).OkAsync<CommissionMeetingView>();
        Assert.Equal((c.Member(1), PresidingBasis.DeputyChair), (byDeputy.PresidedBy!.Id, byDeputy.PresidingBasis!.Value));
        await (await secretary.PostJsonAsync(url, Meeting(Today, [Part(c, x, [1, 2, 3])], presidedBy: c.Member(2), designatedByChairman: true)))
            .AssertRuleAsync("presidedByMemberId", "COMM 17");

        // Neither there: a member present, designated on the chairman's assignment.
        await (await secretary.PostJsonAsync(url, Meeting(Today, [Part(c, x, [2, 3, 4])]))).AssertRuleAsync("presidedByMemberId", "COMM 17");
        await (await secretary.PostJsonAsync(url, Meeting(Today, [Part(c, x, [2, 3, 4])], presidedBy: c.Member(2)))).AssertRuleAsync("presidedByMemberId", "COMM 17");
        await (await secretary.PostJsonAsync(url, Meeting(Today, [Part(c, x, [2, 3, 4])], presidedBy: c.Member(5), designatedByChairman: true)))
            .AssertRuleAsync("presidedByMemberId", "COMM 17");
        var designated = await (await secretary.PostJsonAsync(url, Meeting(Today, [Part(c, x, [2, 3, 4])], presidedBy: c.Member(2), designatedByChairman: true)))
            .OkAsync<CommissionMeetingView>();
        Assert.Equal((c.Member(2), PresidingBasis.DesignatedByChairman), (designated.PresidedBy!.Id, designated.PresidingBasis!.Value));

        // COMM 20 with 17: whoever acted for the absent chair signs; the chair does not sign a meeting the deputy held.
        Assert.Equal(c.Member(1), Assert.Single(byDeputy.Signatures).Signatory!.Id);
        Assert.Equal(c.Member(2), Assert.Single(designated.Signatures).Signatory!.Id);
        var chair = await App.LoginAsync(c.Login(0));
        await (await chair.PostJsonAsync(c.Api($"/commission-meetings/{byDeputy.Id}/signatures"), new { })).AssertRuleAsync("commissionMeetingId", "COMM 20");
        var deputy = await App.LoginAsync(c.Login(1));
        var signed = await (await deputy.PostJsonAsync(c.Api($"/commission-meetings/{byDeputy.Id}/signatures"), new { })).OkAsync<CommissionMeetingView>();
        Assert.True(signed.Final);
        var member2 = await App.LoginAsync(c.Login(2));
        Assert.True((await (await member2.PostJsonAsync(c.Api($"/commission-meetings/{designated.Id}/signatures"), new { })).OkAsync<CommissionMeetingView>()).Final);
        var byChairSigned = await (await chair.PostJsonAsync(c.Api($"/commission-meetings/{byChair.Id}/signatures"), new { })).OkAsync<CommissionMeetingView>();
        Assert.Equal((true, c.Member(0)), (byChairSigned.Final, Assert.Single(byChairSigned.Signatures).SignedBy!.Id));
    }

    [Fact]
    public async Task COMM_14_a_joint_meeting_is_presided_by_a_present_member_the_commissions_elect()
    {
        var (c, secretary) = await PrepareAsync();
        var x = await CommissionAsync(secretary, c, "Büdcə", [0, 1, 2], chair: 0);
        var y = await CommissionAsync(secretary, c, "İqtisadi inkişaf", [3, 4, 5], chair: 3);
        var url = c.Api("/commission-meetings");
        object[] both = [Part(c, x, [0, 1]), Part(c, y, [3, 4])];
        await (await secretary.PostJsonAsync(url, Meeting(Today, both))).AssertRuleAsync("presidedByMemberId", "COMM 14");
        await (await secretary.PostJsonAsync(url, Meeting(Today, both, presidedBy: c.Member(2)))).AssertRuleAsync("presidedByMemberId", "COMM 14");
        await (await secretary.PostJsonAsync(url, Meeting(Today, both, presidedBy: c.Member(6)))).AssertRuleAsync("presidedByMemberId", "COMM 14");
        await (await secretary.PostJsonAsync(url, Meeting(Today, both, presidedBy: c.Member(4), designatedByChairman: true))).AssertRuleAsync("designatedByChairman", "COMM 14");
        var joint = await (await secretary.PostJsonAsync(url, Meeting(Today, both, presidedBy: c.Member(4)))).OkAsync<CommissionMeetingView>();
        Assert.True(joint.Joint);
        Assert.Equal((c.Member(4), PresidingBasis.ElectedByJointMeeting), (joint.PresidedBy!.Id, joint.PresidingBasis!.Value));
        // Both chairs sign a joint meeting, whoever presided.
        Assert.Equal(new[] { c.Member(0), c.Member(3) }.Order(), joint.Signatures.Select(s => s.Signatory!.Id).Order());
    }

    [Fact]
    public async Task COMM_19_and_20_separate_opinions_then_every_chair_signs_and_the_minutes_are_final()
    {
        var (c, secretary) = await PrepareAsync();
        var x = await CommissionAsync(secretary, c, "Büdcə", [0, 1, 2], chair: 0);
        var y = await CommissionAsync(secretary, c, "İqtisadi inkişaf", [3, 4, 5], chair: 3);
        var meeting = await (await secretary.PostJsonAsync(c.Api("/commission-meetings"),
            Meeting(Today, [Part(c, x, [0, 1]), Part(c, y, [3, 4])], presidedBy: c.Member(3)))).OkAsync<CommissionMeetingView>();
        var dissents = c.Api($"/commission-meetings/{meeting.Id}/dissents");
        var signatures = c.Api($"/commission-meetings/{meeting.Id}/signatures");
        var minutes = c.Api($"/commission-meetings/{meeting.Id}/minutes");
        var (m0, m1, m2, m3) = (await App.LoginAsync(c.Login(0)), await App.LoginAsync(c.Login(1)), await App.LoginAsync(c.Login(2)), await App.LoginAsync(c.Login(3)));

        // COMM 19: only members present (decisive vote) give a separate opinion: not an absent member, not a non-member.
        await (await m2.PostJsonAsync(dissents, new { text = "Razı deyiləm" })).AssertRuleAsync("memberId", "COMM 19");
        await (await secretary.PostJsonAsync(dissents, new { memberId = c.Member(6), text = "Razı deyiləm" })).AssertRuleAsync("memberId", "COMM 19");
        await (await m1.PostJsonAsync(dissents, new { text = " " })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "text");
        Assert.Equal(HttpStatusCode.Forbidden, (await m2.PostJsonAsync(dissents, new { memberId = c.Member(1), text = "Onun adından" })).StatusCode);
        var withOpinion = await (await m1.PostJsonAsync(dissents, new { text = "Xərclər əsaslandırılmayıb" })).OkAsync<CommissionMeetingView>();
        var opinion = Assert.Single(withOpinion.Dissents);
        Assert.Equal((c.Member(1), x.Id, "Xərclər əsaslandırılmayıb"), (opinion.MemberId, opinion.CommissionId, opinion.Text));
        await (await m1.PostJsonAsync(dissents, new { text = "Bir daha" })).AssertProblemAsync(HttpStatusCode.Conflict, "memberId");

        // COMM 20: the chairs sign, not the secretary, not another member.
        await (await secretary.PostJsonAsync(signatures, new { })).AssertRuleAsync("commissionMeetingId", "COMM 20");
        await (await m1.PostJsonAsync(signatures, new { })).AssertRuleAsync("commissionMeetingId", "COMM 20");
        var half = await (await m0.PostJsonAsync(signatures, new { })).OkAsync<CommissionMeetingView>();
        Assert.False(half.Final);
        Assert.Equal(c.Member(0), half.Signatures.Single(s => s.CommissionId == x.Id).SignedBy!.Id);
        Assert.Null(half.Signatures.Single(s => s.CommissionId == y.Id).SignedAt);
        await (await m0.PostJsonAsync(signatures, new { })).AssertRuleAsync("commissionMeetingId", "COMM 20");

        // An opinion (or minutes) added before the last signature withdraws the signatures given: they did not cover it.
        var second = await (await secretary.PostJsonAsync(dissents, new { memberId = c.Member(4), text = "Təqdim edilmiş yazılı rəy" })).OkAsync<CommissionMeetingView>();
        Assert.Equal(2, second.Dissents.Count);
        Assert.All(second.Signatures, s => Assert.Null(s.SignedAt));
        Assert.Equal(HttpStatusCode.Conflict, (await secretary.PutJsonAsync(minutes, new { minutes = "Köhnə versiya", version = half.Version })).StatusCode);
        var written = await (await secretary.PutJsonAsync(minutes, new { minutes = "Büdcə layihəsi müzakirə edildi.", version = second.Version })).OkAsync<CommissionMeetingView>();
        Assert.Equal("Büdcə layihəsi müzakirə edildi.", written.Minutes);
        Assert.Equal(HttpStatusCode.Forbidden, (await m1.PutJsonAsync(minutes, new { minutes = "Üzv yazır" })).StatusCode);

        await (await m0.PostJsonAsync(signatures, new { })).OkAsync<CommissionMeetingView>();
        var final = await (await m3.PostJsonAsync(signatures, new { })).OkAsync<CommissionMeetingView>();
        Assert.True(final.Final);
        Assert.NotNull(final.MinutesFinalAt);
        Assert.All(final.Signatures, s => Assert.NotNull(s.SignedAt));

        // Final: no later opinion, no new minutes, no second signature.
        await (await m0.PostJsonAsync(dissents, new { text = "Gec rəy" })).AssertRuleAsync("commissionMeetingId", "COMM 20");
        await (await secretary.PutJsonAsync(minutes, new { minutes = "Dəyişiklik" })).AssertRuleAsync("commissionMeetingId", "COMM 20");
        await (await m3.PostJsonAsync(signatures, new { })).AssertRuleAsync("commissionMeetingId", "COMM 20");
        var read = await (await secretary.GetAsync(c.Api($"/commission-meetings/{meeting.Id}"))).OkAsync<CommissionMeetingView>();
        Assert.Equal((true, 2, "Büdcə layihəsi müzakirə edildi."), (read.Final, read.Dissents.Count, read.Minutes));
        Assert.Contains(await (await secretary.GetAsync(c.Api($"/commission-meetings?commissionId={y.Id}"))).OkAsync<List<CommissionMeetingView>>(), v => v.Id == meeting.Id && v.Final);
    }
}

public sealed class CommissionMeetingRulesApiTests_Sqlite(SqliteFixture f) : CommissionMeetingRulesApiTests(f), IClassFixture<SqliteFixture>;
public sealed class CommissionMeetingRulesApiTests_Postgres(PostgresFixture f) : CommissionMeetingRulesApiTests(f), IClassFixture<PostgresFixture>;
