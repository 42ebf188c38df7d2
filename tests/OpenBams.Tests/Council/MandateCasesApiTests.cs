using System.Net;
using OpenBams.Council;
using OpenBams.Law.Council;
using OpenBams.Testing;
using OpenBams.Tests.PlatformApi;
using static OpenBams.Tests.Council.DutiesSetup;
using A = OpenBams.Law.Council.AttendanceStatus;

namespace OpenBams.Tests.Council;

/// <summary>
/// Mandate cases through the API: SL 22.6 absences from the attendance of closed sessions, grounds entered by staff,
/// the court decision SL 23 requires (and the suspension of SL 22-1.2), dismissal. No endpoint ends a mandate.
/// </summary>
public abstract class MandateCasesApiTests(AppFixture fixture)
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task SL_22_6_absences_from_closed_sessions_are_flagged_and_raised_once()
    {
        var prev = Today.Year - 1;
        var c = await App.CouncilAsync(members: 5, confirmedOn: new DateOnly(prev, 1, 1));
        var (a, b, cc, d, e) = (c.Member(0), c.Member(1), c.Member(2), c.Member(3), c.Member(4));
        string[] prevRows = ["PPPP", "PPPP", "UPUU", "UPUP", "PPPP"];
        string[] curRows = ["UUU", "UUP", "PPP", "PPP", "PUU"];
        Dictionary<int, A> Row(string[] rows, int col) => Enumerable.Range(0, 5).ToDictionary(i => c.Member(i), i => rows[i][col] == 'U' ? A.AbsentUnexcused : A.Present);
        for (var k = 0; k < 4; k++) await App.SessionAsync(c.MunicipalityId, new DateOnly(prev, 3 * k + 3, 10), SessionStatus.Closed, Row(prevRows, k));
        for (var k = 0; k < 3; k++) await App.SessionAsync(c.MunicipalityId, new DateOnly(Today.Year, 1, k + 1), SessionStatus.Closed, Row(curRows, k));
        // A session still open does not count: member E's third absence in a row is not on a closed session.
        await App.SessionAsync(c.MunicipalityId, new DateOnly(Today.Year, 1, 4), SessionStatus.Open, new Dictionary<int, A> { [e] = A.AbsentUnexcused });

        var flags = (await App.FlagsAsync(c)).Where(f => f.Code.StartsWith("absences", StringComparison.Ordinal)).ToList();
        Assert.All(flags, f => Assert.Equal("SL 22.6", f.Article));
        Assert.Equal([a], flags.Where(f => f.Code == "absences-consecutive").Select(f => f.MemberId!.Value));
        Assert.Equal([cc], flags.Where(f => f.Code == "absences-year").Select(f => f.MemberId!.Value));
        Assert.Equal(new[] { a, b, e }.Order(), flags.Where(f => f.Code == "absences-year-running").Select(f => f.MemberId!.Value).Order());
        Assert.All(flags.Where(f => f.Code == "absences-year-running"), f => Assert.Equal(FlagSeverity.Warning, f.Severity));
        Assert.All(flags.Where(f => f.Code != "absences-year-running"), f => Assert.Equal(FlagSeverity.Breach, f.Severity));
        Assert.DoesNotContain(flags, f => f.MemberId == d);

        var secretary = await App.LoginAsync(c.Secretary);
        var raised = await (await secretary.PostJsonAsync(c.Api("/mandate-cases/raise-absences"), new { })).OkAsync<List<MandateCaseView>>();
        Assert.Equal(new[] { a, cc }.Order(), raised.Select(x => x.MemberId).Order());
        Assert.All(raised, x =>
        {
            Assert.Equal(MandateEndGround.Absences, x.Ground);
            Assert.Equal("SL 22.6", x.GroundReference);
            Assert.True(x.NeedsCourtDecision);
            Assert.False(x.ReadyForCouncil);
        });
        Assert.Contains(prev.ToString(), raised.Single(x => x.MemberId == cc).Detail);
        Assert.Empty(await (await secretary.PostJsonAsync(c.Api("/mandate-cases/raise-absences"), new { })).OkAsync<List<MandateCaseView>>());
        Assert.Contains(await App.FlagsAsync(c), f => f.Code == "mandate-case-awaits-court" && f.MemberId == a && f.Article == "SL 23");

        // SL 23: the council cannot take up the case before the court's decision is in force.
        var caseA = raised.Single(x => x.MemberId == a);
        var session = await App.SessionAsync(c.MunicipalityId, Today.AddDays(7), SessionStatus.Called);
        var item = new { title = "Üzvün səlahiyyətlərinə xitam", area = "MembersPowers", mandateCaseId = caseA.Id };
        await (await secretary.PostJsonAsync($"/api/v1/municipalities/{c.MunicipalityId}/council/sessions/{session}/agenda?lang=en", item))
            .AssertRuleAsync("mandateCaseId", "SL 23");
        var withCourt = await (await secretary.PostJsonAsync(c.Api($"/mandate-cases/{caseA.Id}/court-decision"),
            new { courtDecisionReference = "2(103)-1234/2026", courtDecisionInForceOn = Today.AddDays(-1) })).OkAsync<MandateCaseView>();
        Assert.True(withCourt.ReadyForCouncil);
        Assert.Equal(MemberStatus.Suspended, await App.MemberStatusAsync(a));  // SL 22-1.2
        var r = await secretary.PostJsonAsync($"/api/v1/municipalities/{c.MunicipalityId}/council/sessions/{session}/agenda?lang=en", item);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);

        // On a called session's agenda the case is the session's to decide; another case may be dismissed, and is not raised again.
        Assert.Equal(HttpStatusCode.Conflict, (await secretary.PostJsonAsync(c.Api($"/mandate-cases/{caseA.Id}/dismiss"), new { reason = "x" })).StatusCode);
        var caseC = raised.Single(x => x.MemberId == cc);
        var dismissed = await (await secretary.PostJsonAsync(c.Api($"/mandate-cases/{caseC.Id}/dismiss"), new { reason = "Üzrlü səbəblər sonradan təsdiqləndi" })).OkAsync<MandateCaseView>();
        Assert.Equal(MandateCaseStatus.Dismissed, dismissed.Status);
        Assert.Empty(await (await secretary.PostJsonAsync(c.Api("/mandate-cases/raise-absences"), new { })).OkAsync<List<MandateCaseView>>());
        Assert.Equal(MemberStatus.Active, await App.MemberStatusAsync(cc));
    }

    [Fact]
    public async Task SL_23_a_court_bound_ground_needs_the_court_decision_in_force_and_suspends_the_powers()
    {
        var c = await App.CouncilAsync(members: 3);
        var secretary = await App.LoginAsync(c.Secretary);
        var url = c.Api("/mandate-cases");
        var m = c.Member(0);
        await (await secretary.PostJsonAsync(url, new { memberId = m, ground = "Illness", detail = "Xüsusi həkim komissiyasının rəyi" }))
            .AssertRuleAsync("courtDecisionReference", "SL 23");
        await (await secretary.PostJsonAsync(url, new { memberId = m, ground = "Illness", detail = "Rəy", courtDecisionReference = "2-55/2026" }))
            .AssertRuleAsync("courtDecisionInForceOn", "SL 23");
        await (await secretary.PostJsonAsync(url, new { memberId = m, ground = "Illness", detail = "Rəy", courtDecisionReference = "2-55/2026", courtDecisionInForceOn = Today.AddDays(1) }))
            .AssertRuleAsync("courtDecisionInForceOn", "SL 23");
        Assert.Equal(MemberStatus.Active, await App.MemberStatusAsync(m));

        var illness = await (await secretary.PostJsonAsync(url, new { memberId = m, ground = "Illness", detail = "Rəy", courtDecisionReference = "2-55/2026", courtDecisionInForceOn = Today }))
            .OkAsync<MandateCaseView>(HttpStatusCode.Created);
        Assert.Equal(("SL 22.5", true, true), (illness.GroundReference, illness.NeedsCourtDecision, illness.ReadyForCouncil));
        Assert.Equal(MemberStatus.Suspended, await App.MemberStatusAsync(m));

        // A resignation (SL 22.2) needs no court; the same open case twice is refused.
        var resignation = await (await secretary.PostJsonAsync(url, new { memberId = c.Member(1), ground = "Resignation", detail = "Ərizə 12.11.2026" }))
            .OkAsync<MandateCaseView>(HttpStatusCode.Created);
        Assert.Equal((false, true, MemberStatus.Active), (resignation.NeedsCourtDecision, resignation.ReadyForCouncil, resignation.MemberStatus));
        Assert.Equal(HttpStatusCode.Conflict, (await secretary.PostJsonAsync(url, new { memberId = c.Member(1), ground = "Resignation", detail = "Yenə" })).StatusCode);

        // The end of the term is no case (SL 22); a ground needs its detail; members do not raise cases.
        await (await secretary.PostJsonAsync(url, new { memberId = c.Member(2), ground = "TermExpired", detail = "x" })).AssertRuleAsync("ground", "SL 22");
        await (await secretary.PostJsonAsync(url, new { memberId = c.Member(2), ground = "Death", detail = " " })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "detail");
        var member = await App.LoginAsync(c.Login(2));
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostJsonAsync(url, new { memberId = c.Member(1), ground = "Resignation", detail = "x" })).StatusCode);

        // Dismissal ends the suspension; nothing here ended a mandate.
        await (await secretary.PostJsonAsync(c.Api($"/mandate-cases/{illness.Id}/dismiss"), new { reason = " " })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "reason");
        var dismissed = await (await secretary.PostJsonAsync(c.Api($"/mandate-cases/{illness.Id}/dismiss"), new { reason = "Məhkəmə qərarı ləğv edildi" })).OkAsync<MandateCaseView>();
        Assert.Equal(MandateCaseStatus.Dismissed, dismissed.Status);
        Assert.Contains("Məhkəmə qərarı ləğv edildi", dismissed.Detail);
        Assert.Equal(MemberStatus.Active, await App.MemberStatusAsync(m));
        Assert.Equal(HttpStatusCode.Conflict, (await secretary.PostJsonAsync(c.Api($"/mandate-cases/{illness.Id}/dismiss"), new { reason = "x" })).StatusCode);

        var open = await (await member.GetAsync(c.Api("/mandate-cases?status=Open"))).OkAsync<List<MandateCaseView>>();
        Assert.Equal([resignation.Id], open.Select(x => x.Id));
        Assert.Equal(illness.Id, (await (await member.GetAsync(c.Api($"/mandate-cases/{illness.Id}"))).OkAsync<MandateCaseView>()).Id);
        foreach (var i in Enumerable.Range(0, 3)) Assert.NotEqual(MemberStatus.Ended, await App.MemberStatusAsync(c.Member(i)));
    }
}

public sealed class MandateCasesApiTests_Sqlite(SqliteFixture f) : MandateCasesApiTests(f), IClassFixture<SqliteFixture>;
public sealed class MandateCasesApiTests_Postgres(PostgresFixture f) : MandateCasesApiTests(f), IClassFixture<PostgresFixture>;
