using System.Net;
using System.Net.Http.Json;
using OpenBams.Council;
using OpenBams.Law.Council;
using OpenBams.Platform.Identity;
using OpenBams.Testing;

namespace OpenBams.Tests.Council;

/// <summary>
/// A whole council session through the real API, as the people in the room do it: the secretary calls the first
/// session with 5 days' notice (SL 16.1), members register (quorum, SL 16.1), the agenda is approved, the
/// chairman is elected by more than half of ALL members (SL 19.1), local payments need two thirds (Const. 145.III),
/// ordinary items a simple majority of the members (SL 16.4); the protocol (SL 16.6) is remarked on, signed and
/// frozen; decisions are signed by the new chairman (SL 19.4) and copied to the oversight body (SL 48.1).
/// </summary>
public abstract class SessionApiTests(AppFixture fixture) : IAsyncLifetime
{
    private TestApp App => fixture.App;
    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() { App.Clock.Reset(); return Task.CompletedTask; }

    private static readonly DateOnly CalledOn = new(2027, 2, 10);   // Wednesday
    private static readonly DateOnly SessionDay = new(2027, 2, 15); // Monday, 5 days later

    private static NewAgendaItem[] Agenda(CouncilScenario c) =>
    [
        new("Bələdiyyə sədrinin seçilməsi (namizəd A)", DecisionArea.ChairmanOrDeputyElection, CandidateMemberId: c.Members[0].Id, CandidatePost: Post.Chairman),
        new("Bələdiyyə sədrinin seçilməsi (namizəd B)", DecisionArea.ChairmanOrDeputyElection, CandidateMemberId: c.Members[1].Id, CandidatePost: Post.Chairman),
        new("Torpaq vergisinin dərəcəsi", DecisionArea.LocalTaxesAndPayments, "Üzv C", "Dərəcə qanunla müəyyən edilmiş həddən aşağı", "Torpaq vergisinin dərəcəsi 0,05 manat təyin edilsin"),
        new("Avtomobil dayanacağı üçün ödəniş", DecisionArea.LocalTaxesAndPayments, "Üzv D", "Gündəlik 0,08 ŞMV", "Dayanacaq haqqı 0,08 ŞMV təyin edilsin"),
        new("Kənd yollarının abadlaşdırılması proqramı", DecisionArea.EconomicProgramme, "Üzv E", "Proqramın layihəsi", "Proqram təsdiq edilsin"),
    ];

    [Fact]
    public async Task A_whole_session_from_notice_to_a_signed_protocol_and_decisions_sent_to_oversight()
    {
        var c = await CouncilScenario.CreateAsync(App, seats: 7);
        var session = await c.CallFirstSessionAsync(CalledOn, Agenda(c));
        Assert.Equal(SessionDay, session.ScheduledOn);
        Assert.True(session.NoticeSufficient);
        Assert.Equal(5, session.NoticeDays);
        // SL 16.1: every member was told, in the system and by e-mail.
        var notified = await App.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.Notifications, n => n.MunicipalityId == c.MunicipalityId && n.Channel == NotificationChannel.Email && n.SentAt != null));
        Assert.Equal(7, notified);
        // Anyone's calendar app subscribes to the sessions without logging in.
        var ics = await App.Client().GetStringAsync($"/api/v1/public/sessions.ics?municipality={c.MunicipalityId}");
        Assert.StartsWith("BEGIN:VCALENDAR", ics);
        Assert.Contains("LOCATION:Bələdiyyənin iclas zalı", ics);
        Assert.Contains($"UID:council-session-{session.Id}-m{c.MunicipalityId}@openbams", ics);
        var inbox = await (await c.AsMemberAsync(6)).GetStringAsync("/Account/Notifications");
        Assert.Contains("Council session: 15.02.2027 10:00", inbox);
        Assert.Contains("Torpaq vergisinin dərəcəsi", inbox);

        App.Clock.SetToday(SessionDay);
        await c.RegisterAsync(session.Id, 0, 1, 2, 3, 4);
        var live = await App.LoginAsync(c.Members[5].UserName);
        var view = (await live.GetFromJsonAsync<SessionView>($"{c.Api}/sessions/{session.Id}", CouncilJson.Options))!;
        Assert.Equal(5, view.Present);
        Assert.Equal(4, view.QuorumNeeded);
        Assert.True(view.Quorate);

        // SL 16.5: no chairman yet, so the members present elect the session's chair; the secretary too.
        var opened = await CouncilScenario.PostOkAsync<SessionView>(c.Secretary, $"{c.Api}/sessions/{session.Id}/open?lang=en",
            new OpenSession(SecretaryMemberId: c.Members[3].Id, ChairMemberId: c.Members[2].Id));
        Assert.Equal(SessionStatus.Open, opened.Status);
        Assert.Equal(2, opened.Attendance.Count(a => a.Status == AttendanceStatus.AbsentUnexcused));
        var chair = await c.AsMemberAsync(2);

        // SL 16.1: no item is voted before the agenda is approved.
        var early = await chair.PostAsJsonAsync($"{c.Api}/sessions/{session.Id}/votes?lang=en", new OpenVote(opened.Agenda[0].Id), CouncilJson.Options);
        Assert.Equal("SL 16.1", (await early.ProblemAsync()).Rule());
        var agendaVote = await c.VoteAsync(chair, session.Id, null, (0, VoteChoice.For), (1, VoteChoice.For), (2, VoteChoice.For), (3, VoteChoice.For), (4, VoteChoice.Against));
        Assert.True(agendaVote.Adopted);

        // SL 19.1: 3 of the 5 present is a majority of those present, not of all 7 members: not elected.
        var a = await c.VoteAsync(chair, session.Id, opened.Agenda[0].Id, (0, VoteChoice.For), (1, VoteChoice.For), (2, VoteChoice.For), (3, VoteChoice.Against), (4, VoteChoice.Abstain));
        Assert.False(a.Adopted);
        Assert.Equal(4, a.Required);
        Assert.Equal(MajorityRule.MoreThanHalfOfAllMembers, a.Rule);
        var b = await c.VoteAsync(chair, session.Id, opened.Agenda[1].Id, (0, VoteChoice.For), (1, VoteChoice.For), (2, VoteChoice.For), (3, VoteChoice.For), (4, VoteChoice.Against));
        Assert.True(b.Adopted);
        var council = (await c.Secretary.GetFromJsonAsync<CouncilComposition>(c.Api, CouncilJson.Options))!;
        Assert.StartsWith("Üzv Bğayev", council.Chairman);

        // Const. 145.III: two thirds of 7 is 5; 4 for is not enough even with everyone present for it.
        var tax = await c.VoteAsync(chair, session.Id, opened.Agenda[2].Id, (0, VoteChoice.For), (1, VoteChoice.For), (2, VoteChoice.For), (3, VoteChoice.For), (4, VoteChoice.Against));
        Assert.False(tax.Adopted);
        Assert.Equal(5, tax.Required);
        Assert.Contains("Const. 145.III", tax.Explanation);
        var parking = await c.VoteAsync(chair, session.Id, opened.Agenda[3].Id, (0, VoteChoice.For), (1, VoteChoice.For), (2, VoteChoice.For), (3, VoteChoice.For), (4, VoteChoice.For));
        Assert.True(parking.Adopted);

        // SL 16.4: an ordinary decision needs a simple majority of all members (4 of 7); abstentions do not count for.
        var open = await CouncilScenario.PostOkAsync<SessionView>(chair, $"{c.Api}/sessions/{session.Id}/votes?lang=en", new OpenVote(opened.Agenda[4].Id));
        var voteId = open.Votes.Last().Id;
        foreach (var (m, ch) in new[] { (0, VoteChoice.For), (1, VoteChoice.For), (2, VoteChoice.For), (3, VoteChoice.For), (4, VoteChoice.Abstain) })
            await CouncilScenario.PostOkAsync<SessionView>(await c.AsMemberAsync(m), $"{c.Api}/sessions/{session.Id}/votes/{voteId}/ballots?lang=en", new CastBallot(ch));
        // A second ballot from the same member is refused; so is a ballot from someone who is not a member.
        var twice = await (await c.AsMemberAsync(0)).PostAsJsonAsync($"{c.Api}/sessions/{session.Id}/votes/{voteId}/ballots?lang=en", new CastBallot(VoteChoice.Against), CouncilJson.Options);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("choice", (await twice.ProblemAsync()).Field());
        var staff = await c.Secretary.PostAsJsonAsync($"{c.Api}/sessions/{session.Id}/votes/{voteId}/ballots?lang=en", new CastBallot(VoteChoice.For), CouncilJson.Options);
        Assert.Equal("SL 15.1", (await staff.ProblemAsync()).Rule());
        // An absent member cannot vote (registered absent when the session opened).
        var absent = await (await c.AsMemberAsync(5)).PostAsJsonAsync($"{c.Api}/sessions/{session.Id}/votes/{voteId}/ballots?lang=en", new CastBallot(VoteChoice.For), CouncilJson.Options);
        Assert.Equal("SL 16.1", (await absent.ProblemAsync()).Rule());
        await CouncilScenario.PostOkAsync<SessionView>(chair, $"{c.Api}/sessions/{session.Id}/agenda/{opened.Agenda[4].Id}/speeches?lang=en",
            new NewSpeech("Üzv Eğayev", "Yolların siyahısı əlavə olunsun"));
        var program = (await CouncilScenario.PostOkAsync<SessionView>(chair, $"{c.Api}/sessions/{session.Id}/votes/{voteId}/close?lang=en", (object?)null)).Votes.Single(v => v.Id == voteId);
        Assert.True(program.Adopted);
        Assert.Equal(4, program.Required);

        var closed = await CouncilScenario.PostOkAsync<SessionView>(chair, $"{c.Api}/sessions/{session.Id}/close?lang=en", (object?)null);
        Assert.Equal(SessionStatus.Closed, closed.Status);
        Assert.NotNull(closed.ProtocolId);

        // A vote after the session closed is refused.
        var late = await (await c.AsMemberAsync(1)).PostAsJsonAsync($"{c.Api}/sessions/{session.Id}/votes/{voteId}/ballots?lang=en", new CastBallot(VoteChoice.For), CouncilJson.Options);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);

        // SL 16.6: the protocol, numbered 1 in 2027, with every field; members remark before signing.
        var protocolUrl = $"{c.Api}/protocols/{closed.ProtocolId}";
        var protocol = (await c.Secretary.GetFromJsonAsync<ProtocolView>(protocolUrl, CouncilJson.Options))!;
        Assert.Equal((2027, 1), (protocol.Year, protocol.Number));
        Assert.Equal(5, protocol.Content.Present.Count);
        Assert.Equal(2, protocol.Content.Absent.Count);
        Assert.Equal(5, protocol.Content.Items.Count);
        Assert.NotNull(protocol.Content.AgendaVote);
        await CouncilScenario.PostOkAsync<ProtocolView>(await c.AsMemberAsync(4), $"{protocolUrl}/remarks?lang=en", new NewRemark("Mən torpaq vergisinin aşağı salınmasının əleyhinəyəm"));
        // Only the session's chair and secretary sign.
        var wrongSigner = await (await c.AsMemberAsync(0)).PostAsync($"{protocolUrl}/sign?lang=en", null);
        Assert.Equal("SL 16.6", (await wrongSigner.ProblemAsync()).Rule());
        await CouncilScenario.PostOkAsync<ProtocolView>(chair, $"{protocolUrl}/sign?lang=en", (object?)null);
        var signed = await CouncilScenario.PostOkAsync<ProtocolView>(await c.AsMemberAsync(3), $"{protocolUrl}/sign?lang=en", (object?)null);
        Assert.Equal(ProtocolStatus.Signed, signed.Status);
        var afterSigning = await (await c.AsMemberAsync(4)).PostAsJsonAsync($"{protocolUrl}/remarks?lang=en", new NewRemark("gecikmiş qeyd"), CouncilJson.Options);
        Assert.Equal("SL 16.6", (await afterSigning.ProblemAsync()).Rule());

        var pdf = await c.Secretary.GetAsync($"{protocolUrl}/pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var text = Poppler.Text(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains("PROTOKOLU № 1", text);
        Assert.Contains("Bələdiyyə sədrinin seçilməsi", text);
        Assert.Contains("15.02.2027", text);
        Assert.Contains("Bələdiyyənin iclas zalı", text);
        Assert.Contains("Torpaq vergisinin dərəcəsi", text);
        Assert.Contains("QƏBUL EDİLMƏDİ", text);
        Assert.Contains("Yolların siyahısı əlavə olunsun", text);
        Assert.Contains("torpaq vergisinin aşağı salınmasının", text);
        Assert.Contains("İmzalanıb", text);

        // Decisions: 1/2027 chairman elected, 2/2027 parking payment, 3/2027 programme; numbered per year.
        var decisions = (await c.Secretary.GetFromJsonAsync<DecisionPage>($"{c.Api}/decisions?year=2027", CouncilJson.Options))!;
        Assert.Equal([1, 2, 3], decisions.Items.Select(d => d.Number).Order());
        var parkingDecision = decisions.Items.Single(d => d.Area == DecisionArea.LocalTaxesAndPayments);
        // SL 48.1: copy to the oversight body within 5 working days of 15.02.2027 → 22.02.2027.
        Assert.Equal(new DateOnly(2027, 2, 22), parkingDecision.OversightDueOn);
        Assert.Contains("5 working days after 15.02.2027", (await c.Secretary.GetFromJsonAsync<DecisionView>($"{c.Api}/decisions/{parkingDecision.Id}?lang=en", CouncilJson.Options))!.OversightDeadline);

        // SL 19.4: signed by the chairman elected at this session, not by the session's chair.
        var bySessionChair = await chair.PostAsync($"{c.Api}/decisions/{parkingDecision.Id}/sign?lang=en", null);
        Assert.Equal("SL 19.4", (await bySessionChair.ProblemAsync()).Rule());
        var chairman = await c.AsMemberAsync(1);
        var signedDecision = await CouncilScenario.PostOkAsync<DecisionView>(chairman, $"{c.Api}/decisions/{parkingDecision.Id}/sign?lang=en", (object?)null);
        Assert.Equal(DecisionStatus.Signed, signedDecision.Status);
        await CouncilScenario.PostOkAsync<DecisionView>(c.Secretary, $"{c.Api}/decisions/{parkingDecision.Id}/publish", (object?)null);
        var sent = await CouncilScenario.PostOkAsync<DecisionView>(c.Secretary, $"{c.Api}/decisions/{parkingDecision.Id}/send", (object?)null);
        Assert.False(sent.OversightOverdue);

        // The oversight officer acknowledges; the receipt is on the decision.
        var officer = $"ov-{Guid.NewGuid():N}"[..12];
        await App.CreateUserAsync(officer, Role.OversightOfficer, null);
        var ov = await App.LoginAsync(officer);
        var receipt = await CouncilScenario.PostOkAsync<DecisionView>(ov, $"/api/v1/oversight/decisions/{parkingDecision.Id}/receipt", new Receipt());
        Assert.StartsWith("INZ-2027-", receipt.OversightReceiptNumber);

        // The public reads the published decision, without logging in; unpublished ones stay unseen.
        var pub = (await App.Client().GetFromJsonAsync<DecisionPage>($"/api/v1/public/decisions?municipality={c.MunicipalityId}", CouncilJson.Options))!;
        Assert.Equal([parkingDecision.Id], pub.Items.Select(d => d.Id));
        var decisionPdf = await App.Client().GetAsync($"/api/v1/public/decisions/{parkingDecision.Id}/pdf");
        var decisionText = Poppler.Text(await decisionPdf.Content.ReadAsByteArrayAsync());
        Assert.Contains("QƏRAR № 2/2027", decisionText);
        Assert.Contains("Dayanacaq haqqı 0,08 ŞMV təyin edilsin", decisionText);
        Assert.Equal(HttpStatusCode.NotFound, (await App.Client().GetAsync($"/api/v1/public/decisions/{decisions.Items.Single(d => d.Number == 3).Id}")).StatusCode);
    }

    [Fact]
    public async Task SL_16_1_a_session_called_with_3_days_notice_is_refused_and_one_without_quorum_cannot_open()
    {
        var c = await CouncilScenario.CreateAsync(App, seats: 5);
        App.Clock.SetToday(CalledOn);
        var r = await c.Secretary.PostAsJsonAsync(c.Api + "/sessions?lang=en",
            new CallSession(CalledOn.AddDays(3), new TimeOnly(10, 0), "Zal", IsFirstSession: true), CouncilJson.Options);
        var problem = await r.ProblemAsync();
        Assert.Equal(422, (int)r.StatusCode);
        Assert.Equal("SL 16.1", problem.Rule());
        Assert.Equal("scheduledOn", problem.Field());
        Assert.Contains("15.02.2027", problem.GetProperty("title").GetString());

        var session = await c.CallFirstSessionAsync(CalledOn, []);
        App.Clock.SetToday(SessionDay);
        await c.RegisterAsync(session.Id, 0, 1);   // 2 of 5: quorum is 3
        var open = await c.Secretary.PostAsJsonAsync($"{c.Api}/sessions/{session.Id}/open?lang=en", new OpenSession(c.Members[0].Id, c.Members[1].Id), CouncilJson.Options);
        var noQuorum = await open.ProblemAsync();
        Assert.Equal("SL 16.1", noQuorum.Rule());
        Assert.Equal("attendance", noQuorum.Field());
        await c.RegisterAsync(session.Id, 2);
        await CouncilScenario.PostOkAsync<SessionView>(c.Secretary, $"{c.Api}/sessions/{session.Id}/open?lang=en", new OpenSession(c.Members[0].Id, c.Members[1].Id));
    }

    [Fact]
    public async Task Only_the_chairman_calls_a_regular_session_and_members_of_another_council_are_refused()
    {
        var c = await CouncilScenario.CreateAsync(App, seats: 5);
        App.Clock.SetToday(CalledOn);
        var body = new CallSession(SessionDay, new TimeOnly(10, 0), "Zal");
        var byMember = await (await c.AsMemberAsync(0)).PostAsJsonAsync(c.Api + "/sessions?lang=en", body, CouncilJson.Options);
        Assert.Equal("SL 16.1", (await byMember.ProblemAsync()).Rule());
        var bySecretary = await c.Secretary.PostAsJsonAsync(c.Api + "/sessions?lang=en", body, CouncilJson.Options);
        Assert.Equal("SL 16.1", (await bySecretary.ProblemAsync()).Rule());

        var other = await CouncilScenario.CreateAsync(App, seats: 5, members: 1);
        var stranger = await other.AsMemberAsync(0);
        var cross = await stranger.PostAsJsonAsync(c.Api + "/sessions?lang=en", body, CouncilJson.Options);
        Assert.Equal(HttpStatusCode.Forbidden, cross.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"{c.Api}/members")).StatusCode);

        // A member of another municipality cannot be recorded here through an account (roles elsewhere).
        var foreignAccount = await c.Secretary.PostAsJsonAsync($"{c.Api}/members?lang=en",
            new NewMember("Yad Üzv", new DateOnly(2024, 1, 29), new DateOnly(2024, 2, 2), "DSK", UserName: other.Members[0].UserName), CouncilJson.Options);
        Assert.Equal("userName", (await foreignAccount.ProblemAsync()).Field());
        // EC 210.2: a sixth member of a five-seat council is refused.
        var sixth = await c.Secretary.PostAsJsonAsync($"{c.Api}/members?lang=en",
            new NewMember("Altıncı Üzv", new DateOnly(2024, 1, 29), new DateOnly(2024, 2, 2), "DSK"), CouncilJson.Options);
        Assert.Equal("EC 210.2", (await sixth.ProblemAsync()).Rule());
    }

    [Fact]
    public async Task Revocation_removal_of_the_chairman_by_secret_ballot_and_the_members_own_initiative()
    {
        var c = await CouncilScenario.CreateAsync(App, seats: 5);
        // A first session elects member 0 chairman and adopts a decision that is later revoked.
        var first = await c.CallFirstSessionAsync(CalledOn, [
            new("Sədrin seçilməsi", DecisionArea.ChairmanOrDeputyElection, CandidateMemberId: c.Members[0].Id, CandidatePost: Post.Chairman),
            new("Bazar yerinin icarəsi", DecisionArea.MunicipalProperty, DraftText: "Bazar yeri icarəyə verilsin"),
        ]);
        App.Clock.SetToday(SessionDay);
        await c.RegisterAsync(first.Id, 0, 1, 2, 3, 4);
        await CouncilScenario.PostOkAsync<SessionView>(c.Secretary, $"{c.Api}/sessions/{first.Id}/open", new OpenSession(c.Members[1].Id, c.Members[1].Id));
        var chair1 = await c.AsMemberAsync(1);
        var all = new[] { (0, VoteChoice.For), (1, VoteChoice.For), (2, VoteChoice.For), (3, VoteChoice.For), (4, VoteChoice.For) };
        await c.VoteAsync(chair1, first.Id, null, all);
        var view = await c.VoteAsync(chair1, first.Id, first.Agenda[0].Id, all);
        Assert.True(view.Adopted);
        await c.VoteAsync(chair1, first.Id, first.Agenda[1].Id, all);
        await CouncilScenario.PostOkAsync<SessionView>(chair1, $"{c.Api}/sessions/{first.Id}/close", (object?)null);
        var lease = (await c.Secretary.GetFromJsonAsync<DecisionPage>($"{c.Api}/decisions", CouncilJson.Options))!.Items.Single(d => d.Area == DecisionArea.MunicipalProperty);

        // SL 16.2: the members' own initiative needs one third of the seats (2 of 5) and the chairman's refusal.
        App.Clock.SetToday(SessionDay.AddDays(1));
        var member3 = await c.AsMemberAsync(3);
        var weak = await member3.PostAsJsonAsync($"{c.Api}/sessions?lang=en", new CallSession(SessionDay.AddDays(7), new TimeOnly(15, 0), "Zal",
            SessionInitiative.OneThirdOfMembers, InitiativeSupport: 1, ChairmanRefused: true), CouncilJson.Options);
        Assert.Equal("SL 16.2", (await weak.ProblemAsync()).Rule());
        Assert.Equal("initiativeSupport", (await weak.ProblemAsync()).Field());
        var called = await CouncilScenario.PostOkAsync<CalledSession>(member3, $"{c.Api}/sessions?lang=en", new CallSession(SessionDay.AddDays(7), new TimeOnly(15, 0), "Zal",
            SessionInitiative.OneThirdOfMembers, InitiativeSupport: 2, ChairmanRefused: true, Agenda: [
                new("Bazar yerinin icarəsi haqqında qərarın ləğvi", DecisionArea.MunicipalProperty, RevokesDecisionId: lease.Id, DraftText: "Qərar ləğv edilsin"),
                new("Sədrin vəzifədən azad edilməsi", DecisionArea.ChairmanOrDeputyElection, CandidateMemberId: c.Members[0].Id, CandidatePost: Post.Chairman, RemovalGround: "19.3.3"),
            ]));
        var second = called.Session;
        Assert.True(second.AgendaNeedsApproval);

        App.Clock.SetToday(SessionDay.AddDays(7));
        await c.RegisterAsync(second.Id, 1, 2, 3, 4);
        // SL 16.5: the chairman refused, so the members present elect the chair.
        var noChair = await c.Secretary.PostAsJsonAsync($"{c.Api}/sessions/{second.Id}/open?lang=en", new OpenSession(c.Members[2].Id), CouncilJson.Options);
        Assert.Equal("SL 16.5", (await noChair.ProblemAsync()).Rule());
        await CouncilScenario.PostOkAsync<SessionView>(c.Secretary, $"{c.Api}/sessions/{second.Id}/open", new OpenSession(c.Members[2].Id, c.Members[3].Id));
        var chair3 = await c.AsMemberAsync(3);
        await c.VoteAsync(chair3, second.Id, null, (1, VoteChoice.For), (2, VoteChoice.For), (3, VoteChoice.For), (4, VoteChoice.For));
        await c.VoteAsync(chair3, second.Id, second.Agenda[0].Id, (1, VoteChoice.For), (2, VoteChoice.For), (3, VoteChoice.For), (4, VoteChoice.Against));

        // A secret ballot: members take ballots (no choice stored), the counted result is entered and judged by SL 19.1.
        var opened = await CouncilScenario.PostOkAsync<SessionView>(chair3, $"{c.Api}/sessions/{second.Id}/votes", new OpenVote(second.Agenda[1].Id, BallotKind.Secret));
        var secret = opened.Votes.Last();
        foreach (var m in new[] { 1, 2, 3, 4 })
            await CouncilScenario.PostOkAsync<SessionView>(await c.AsMemberAsync(m), $"{c.Api}/sessions/{second.Id}/votes/{secret.Id}/ballots", new CastBallot(VoteChoice.For));
        var ballots = await App.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.Ballots.Where(b => b.VoteId == secret.Id)));
        Assert.Equal(4, ballots.Count);
        Assert.All(ballots, b => Assert.Null(b.Choice));
        var overCount = await chair3.PostAsJsonAsync($"{c.Api}/sessions/{second.Id}/votes/{secret.Id}/close?lang=en", new SecretCount(4, 1, 0), CouncilJson.Options);
        Assert.Equal("for", (await overCount.ProblemAsync()).Field());
        var removed = (await CouncilScenario.PostOkAsync<SessionView>(chair3, $"{c.Api}/sessions/{second.Id}/votes/{secret.Id}/close", new SecretCount(3, 1, 0))).Votes.Last();
        Assert.True(removed.Adopted);
        Assert.Null(removed.Roll);

        // SL 48.4: the lease decision is revoked by the new one; SL 19.3/19.6: the chairman left office with a hand-over deadline.
        var old = (await c.Secretary.GetFromJsonAsync<DecisionView>($"{c.Api}/decisions/{lease.Id}", CouncilJson.Options))!;
        Assert.Equal(DecisionStatus.Revoked, old.Status);
        Assert.NotNull(old.RevokedByDecisionId);
        Assert.Null((await c.Secretary.GetFromJsonAsync<CouncilComposition>(c.Api, CouncilJson.Options))!.Chairman);
        var office = await App.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.CouncilOffices, o => o.MemberId == c.Members[0].Id));
        Assert.Equal("19.3.3", office.EndGround);
        Assert.Equal(SessionDay.AddDays(7 + 10), office.HandoverDueOn);
        // A revoked decision cannot be revoked again (SL 48.4).
        var again = await member3.PostAsJsonAsync($"{c.Api}/sessions?lang=en", new CallSession(SessionDay.AddDays(14), new TimeOnly(15, 0), "Zal",
            SessionInitiative.OneThirdOfMembers, InitiativeSupport: 2, ChairmanRefused: true, Agenda: [new("Yenidən ləğv", DecisionArea.Other, RevokesDecisionId: lease.Id)]), CouncilJson.Options);
        var problem = await again.ProblemAsync();
        Assert.Equal("SL 48.4", problem.Rule());
        Assert.Equal("revokesDecisionId", problem.Field());
    }

    [Fact]
    public async Task SL_15_2_4_permanent_members_are_capped_by_council_size()
    {
        var c = await CouncilScenario.CreateAsync(App, seats: 5);
        async Task<HttpResponseMessage> Permanent(int i)
        {
            var m = (await c.Secretary.GetFromJsonAsync<MemberView>($"{c.Api}/members/{c.Members[i].Id}", CouncilJson.Options))!;
            return await c.Secretary.PutAsJsonAsync($"{c.Api}/members/{m.Id}?lang=en", new MemberChange(m.Version, PermanentBasis: true, PermanentRequestedOn: new DateOnly(2024, 3, 1)), CouncilJson.Options);
        }
        Assert.True((await Permanent(0)).IsSuccessStatusCode);
        Assert.True((await Permanent(1)).IsSuccessStatusCode);
        var third = await Permanent(2);
        Assert.Equal("SL 15.2-4", (await third.ProblemAsync()).Rule());
        // A stale version is a conflict, not a lost update.
        var read = (await c.Secretary.GetFromJsonAsync<MemberView>($"{c.Api}/members/{c.Members[3].Id}", CouncilJson.Options))!;
        Assert.True((await c.Secretary.PutAsJsonAsync($"{c.Api}/members/{read.Id}", new MemberChange(read.Version, Phone: "+994501234567"), CouncilJson.Options)).IsSuccessStatusCode);
        var again = await c.Secretary.PutAsJsonAsync($"{c.Api}/members/{read.Id}", new MemberChange(read.Version, Phone: "+994509999999"), CouncilJson.Options);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }
}

public sealed class SessionApiTests_Sqlite(SqliteFixture f) : SessionApiTests(f), IClassFixture<SqliteFixture>;
public sealed class SessionApiTests_Postgres(PostgresFixture f) : SessionApiTests(f), IClassFixture<PostgresFixture>;
