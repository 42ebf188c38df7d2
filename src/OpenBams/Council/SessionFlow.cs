using Microsoft.EntityFrameworkCore;
using OpenBams.Law;
using OpenBams.Law.Council;
using OpenBams.Platform;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;
using OpenBams.Platform.Localization;

namespace OpenBams.Council;

public sealed record CallSession(DateOnly ScheduledOn, TimeOnly StartsAt, string Place,
    SessionInitiative Initiative = SessionInitiative.Chairman, bool IsFirstSession = false,
    int? InitiativeSupport = null, bool ChairmanRefused = false, string? ShortNoticeReason = null,
    IReadOnlyList<NewAgendaItem>? Agenda = null);

public sealed record NewAgendaItem(string Title, DecisionArea Area, string? Rapporteur = null, string? Summary = null,
    string? DraftText = null, int? CandidateMemberId = null, Post? CandidatePost = null, string? RemovalGround = null,
    int? RevokesDecisionId = null, int? MandateCaseId = null);

public sealed record RegisterAttendance(int? MemberId, AttendanceStatus Status = AttendanceStatus.Present, string? Note = null);
public sealed record OpenSession(int? SecretaryMemberId = null, int? ChairMemberId = null);
public sealed record OpenVote(int? AgendaItemId, BallotKind Ballot = BallotKind.Open);
public sealed record CastBallot(VoteChoice Choice);
public sealed record SecretCount(int For, int Against, int Abstain);
public sealed record NewSpeech(string Speaker, string Summary);
public sealed record NewInvitee(string Name, string? Capacity);

public sealed record AttendanceView(int MemberId, string Name, AttendanceStatus? Status, DateTime? RegisteredAt, string? Note);
public sealed record VoteView(int Id, int? AgendaItemId, BallotKind Ballot, MajorityRule Rule, MajorityBase Base, int Members, int Present,
    int For, int Against, int Abstain, int BallotsCast, int? Required, bool? Adopted, VoteStatus Status, string? Explanation, string Reference,
    IReadOnlyList<BallotView>? Roll);
public sealed record BallotView(string Member, VoteChoice Choice);
public sealed record AgendaItemView(int Id, int Number, string Title, DecisionArea Area, MajorityRule Rule, string RuleReference,
    string? Rapporteur, string? Summary, string? DraftText, int? CandidateMemberId, Post? CandidatePost, int? RevokesDecisionId,
    AgendaItemStatus Status, IReadOnlyList<NewSpeech> Speeches, int? DecisionId, long Version);
public sealed record SessionView(int Id, int MunicipalityId, SessionInitiative Initiative, bool IsFirstSession, DateOnly ScheduledOn, TimeOnly StartsAt,
    string Place, DateOnly CalledOn, string CalledBy, int NoticeDays, bool NoticeSufficient, string? ShortNoticeReason, SessionStatus Status,
    int Members, int Present, int QuorumNeeded, bool Quorate, string? Chair, string? Secretary, bool AgendaNeedsApproval, bool AgendaApproved,
    IReadOnlyList<AttendanceView> Attendance, IReadOnlyList<NewInvitee> Invitees, IReadOnlyList<AgendaItemView> Agenda,
    IReadOnlyList<VoteView> Votes, int? ProtocolId, long Version);

public sealed record SessionSummary(int Id, DateOnly ScheduledOn, TimeOnly StartsAt, string Place, SessionInitiative Initiative, SessionStatus Status,
    int AgendaItems, int? ProtocolNumber, int? ProtocolYear);

/// <summary>
/// A session from calling to closing: notice (SL 16.1), initiative (SL 16.2), registration and quorum (SL 16.1),
/// agenda vote, item votes whose result is computed from the item's rule (SL 16.4, 19.1, Const. 145.III), chair
/// and secretary (SL 16.5).
/// </summary>
public static class SessionFlow
{
    [Law("SL 16.1")]
    [Law("SL 16.2")]
    [Law("Const. 143.II")]
    public static async Task<(SessionView Session, string? Warning)> CallAsync(AppDb db, CouncilActor actor, CallSession body, TimeProvider time,
        Notifier notifier, CancellationToken ct = default)
    {
        var today = Clock.Today(time);
        var m = actor.MunicipalityId;
        var settings = await Members.SettingsAsync(db, m, ct);
        var seats = await Members.SeatsAsync(db, m, ct);
        var hasChairman = await db.CouncilOffices.AnyAsync(o => o.MunicipalityId == m && o.Post == Post.Chairman && o.EndedOn == null, ct);
        switch (body.Initiative)
        {
            case SessionInitiative.Chairman when body.IsFirstSession:
                // SL 19.1: the first session elects the chairman, so nobody holds the office yet; staff prepare it.
                if (hasChairman)
                    throw new LegalRuleViolation(new(Acts.SL, "19.1"), "isFirstSession",
                        "Sədr artıq seçilib; növbəti iclasları sədr çağırır", "A chairman is in office; he calls the sessions now");
                if (!actor.KeepsRecords) throw Members.OnlyRecordKeepers();
                break;
            case SessionInitiative.Chairman:
                // Const. 143.II, SL 16.1: the chairman calls; the deputy acts for an absent chairman (SL 19.5).
                if (!actor.IsChairman && !(actor.IsDeputy && !hasChairman) && !(actor.IsDeputy && body.ChairmanRefused))
                    throw new LegalRuleViolation(new(Acts.SL, "16.1"), "initiative",
                        "İclası bələdiyyənin sədri çağırır", "Sessions are called by the chairman of the municipality");
                break;
            case SessionInitiative.OneThirdOfMembers:
                actor.RequireMember();
                var needMembers = Sessions.SupportNeeded(body.Initiative, seats, 0);
                if ((body.InitiativeSupport ?? 0) < needMembers)
                    throw new LegalRuleViolation(new(Acts.SL, "16.2"), "initiativeSupport",
                        $"Üzvlərin üçdə biri — ən azı {needMembers} üzv — təşəbbüs göstərməlidir", $"One third of the members — at least {needMembers} — must support the initiative");
                if (!actor.IsChairman && !body.ChairmanRefused && !actor.KeepsRecords)
                    throw new LegalRuleViolation(new(Acts.SL, "16.2"), "chairmanRefused",
                        "Üzvlər iclası özləri yalnız sədr çağırmadıqda keçirə bilərlər", "Members hold the session themselves only when the chairman does not call it");
                break;
            case SessionInitiative.QuarterOfResidentVoters:
                if (!actor.KeepsRecords && !actor.IsChairman) throw Members.OnlyRecordKeepers();
                if (settings.ResidentVoters is not { } voters)
                    throw new InputError("initiativeSupport", new Text("Əvvəlcə seçicilərin sayını bələdiyyə parametrlərində qeyd edin",
                        "Record the number of resident voters in the council settings first"));
                var needVoters = Sessions.SupportNeeded(body.Initiative, seats, voters);
                if ((body.InitiativeSupport ?? 0) < needVoters)
                    throw new LegalRuleViolation(new(Acts.SL, "16.2"), "initiativeSupport",
                        $"Seçicilərin azı 25 faizi — {needVoters} nəfər — təşəbbüs göstərməlidir", $"At least 25% of resident voters — {needVoters} — must support the initiative");
                break;
        }
        if (string.IsNullOrWhiteSpace(body.Place))
            throw new InputError("place", new Text("İclasın keçiriləcəyi yer tələb olunur (BS 16.6)", "The place of the session is required (SL 16.6)"));
        if (body.ScheduledOn < today)
            throw new InputError("scheduledOn", new Text("İclas keçmiş tarixə çağırıla bilməz", "A session cannot be called for a past day"));
        var notice = Sessions.CheckNotice(today, body.ScheduledOn);
        string? warning = null;
        if (!notice.Sufficient)
        {
            var az = $"Üzvlər iclas gününə azı 5 gün qalmış xəbərdar edilməlidir: bu gün çağırılan iclas ən tezi {Fmt.Date(notice.EarliestSessionDay)} keçirilə bilər ({notice.DaysGiven} gün qalıb)";
            var en = $"Members must be notified at least 5 days before the session: a session called today can be held on {Fmt.Date(notice.EarliestSessionDay)} at the earliest ({notice.DaysGiven} days given)";
            if (settings.EnforceNotice || string.IsNullOrWhiteSpace(body.ShortNoticeReason))
                throw new LegalRuleViolation(NoticeCheck.Reference, "scheduledOn", az, en);
            warning = new Text(az, en);
        }
        var session = new CouncilSession
        {
            MunicipalityId = m,
            Initiative = body.Initiative,
            IsFirstSession = body.IsFirstSession,
            ScheduledOn = body.ScheduledOn,
            StartsAt = body.StartsAt,
            Place = body.Place.Trim(),
            CalledOn = today,
            CalledBy = actor.Name,
            ShortNoticeReason = notice.Sufficient ? null : body.ShortNoticeReason,
            InitiativeSupport = body.InitiativeSupport,
            ChairmanRefused = body.ChairmanRefused,
            Members = seats,
            // SL 16.2: on the voters' initiative the initiators set the agenda; there is no approval vote.
            AgendaApproved = !Sessions.AgendaNeedsApproval(body.Initiative),
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.CouncilSessions.Add(session);
        await db.SaveChangesAsync(ct);
        var n = 0;
        foreach (var item in body.Agenda ?? [])
            db.AgendaItems.Add(await NewItemAsync(db, session, item, ++n, ct));
        await db.SaveChangesAsync(ct);
        await notifier.SessionCalledAsync(db, session, ct);
        await tx.CommitAsync(ct);
        return (await ViewAsync(db, m, session.Id, ct), warning);
    }

    private static async Task<AgendaItem> NewItemAsync(AppDb db, CouncilSession session, NewAgendaItem body, int number, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Title))
            throw new InputError("title", new Text("Məsələnin adı tələb olunur", "The item's title is required"));
        if (!Enum.IsDefined(body.Area))
            throw new InputError("area", new Text("Məsələnin sahəsi düzgün deyil (Konst. 144)", "Unknown area of the item (Const. 144)"));
        if (body.Area == DecisionArea.ChairmanOrDeputyElection)
        {
            if (body.CandidateMemberId is not { } cid || body.CandidatePost is null)
                throw new LegalRuleViolation(new(Acts.SL, "19.1"), "candidateMemberId",
                    "Sədr və müavin bələdiyyə üzvləri sırasından seçilir: namizəd və vəzifə göstərilməlidir",
                    "The chairman and deputies are elected from the members: name the candidate and the post");
            var c = await db.CouncilMembers.FirstOrDefaultAsync(x => x.Id == cid && x.MunicipalityId == session.MunicipalityId && x.Status == MemberStatus.Active, ct);
            if (c is null)
                throw new LegalRuleViolation(new(Acts.SL, "19.1"), "candidateMemberId",
                    "Namizəd bu bələdiyyənin fəaliyyətdə olan üzvü deyil", "The candidate is not a sitting member of this council");
            if (body.RemovalGround is { } g && Mandates.ChairmanRemovalGrounds.All(x => x.Code != g))
                throw new LegalRuleViolation(new(Acts.SL, "19.3"), "removalGround",
                    "Vəzifədən azad etmənin əsası BS 19.3-də sadalanmır", "The ground for removal is not one of SL 19.3");
        }
        if (body.RevokesDecisionId is { } rid)
        {
            var old = await db.CouncilDecisions.FirstOrDefaultAsync(d => d.Id == rid, ct);
            if (old is null || !Decisions.MayRevoke(session.MunicipalityId, old.MunicipalityId, old.Status == DecisionStatus.Revoked))
                throw new LegalRuleViolation(new(Acts.SL, "48.4"), "revokesDecisionId",
                    "Qərarı yalnız onu qəbul etmiş bələdiyyə ləğv edə bilər və artıq ləğv edilmiş qərar yenidən ləğv edilmir",
                    "Only the council that adopted a decision may revoke it, and a revoked decision cannot be revoked again");
        }
        if (body.MandateCaseId is { } mc)
        {
            var mandateCase = await db.MandateCases.FirstOrDefaultAsync(x => x.Id == mc && x.MunicipalityId == session.MunicipalityId && x.Status == MandateCaseStatus.Open, ct)
                ?? throw new InputError("mandateCaseId", new Text("Açıq mandat işi tapılmadı", "No open mandate case with this id"));
            // SL 23: on these grounds the council decides only after the court's decision has entered into force.
            if (Mandates.NeedsCourtDecision(mandateCase.Ground) && mandateCase.CourtDecisionInForceOn is null)
                throw new LegalRuleViolation(new(Acts.SL, "23"), "mandateCaseId",
                    "Bu əsasla bələdiyyənin qərarı məhkəmənin qüvvəyə minmiş qərarından sonra qəbul edilir: əvvəlcə məhkəmə qərarını işə əlavə edin",
                    "On this ground the council decides only after a court decision in force: record the court decision on the case first");
        }
        return new AgendaItem
        {
            MunicipalityId = session.MunicipalityId,
            SessionId = session.Id,
            Number = number,
            Title = body.Title.Trim(),
            Area = body.Area,
            Rule = DecisionAreas.RuleFor(body.Area),
            Rapporteur = body.Rapporteur,
            Summary = body.Summary,
            DraftText = body.DraftText,
            CandidateMemberId = body.CandidateMemberId,
            CandidatePost = body.CandidatePost,
            RemovalGround = body.RemovalGround,
            RevokesDecisionId = body.RevokesDecisionId,
            MandateCaseId = body.MandateCaseId,
        };
    }

    public static async Task<SessionView> AddItemAsync(AppDb db, CouncilActor actor, int sessionId, NewAgendaItem body, CancellationToken ct = default)
    {
        actor.RequireRecordKeeper();
        var s = await FindAsync(db, actor.MunicipalityId, sessionId, ct);
        if (s.Status != SessionStatus.Called || s.AgendaApproved && Sessions.AgendaNeedsApproval(s.Initiative))
            throw new LegalRuleViolation(new(Acts.SL, "16.1"), "sessionId",
                "Gündəlik iclasda təsdiq edildikdən sonra dəyişdirilə bilməz", "The agenda cannot change once the session has approved it");
        var number = await db.AgendaItems.Where(i => i.SessionId == s.Id).Select(i => (int?)i.Number).MaxAsync(ct) ?? 0;
        db.AgendaItems.Add(await NewItemAsync(db, s, body, number + 1, ct));
        await db.SaveChangesAsync(ct);
        return await ViewAsync(db, actor.MunicipalityId, s.Id, ct);
    }

    public static async Task<SessionView> AddInviteeAsync(AppDb db, CouncilActor actor, int sessionId, NewInvitee body, CancellationToken ct = default)
    {
        actor.RequireRecordKeeper();
        var s = await FindAsync(db, actor.MunicipalityId, sessionId, ct);
        if (s.Status is SessionStatus.Closed or SessionStatus.Cancelled) throw Closed();
        if (string.IsNullOrWhiteSpace(body.Name)) throw new InputError("name", new Text("Dəvət olunan şəxsin adı tələb olunur", "The invited person's name is required"));
        db.SessionInvitees.Add(new SessionInvitee { MunicipalityId = s.MunicipalityId, SessionId = s.Id, Name = body.Name.Trim(), Capacity = body.Capacity });
        await db.SaveChangesAsync(ct);
        return await ViewAsync(db, actor.MunicipalityId, s.Id, ct);
    }

    /// <summary>
    /// SL 16.1: the session starts with the registration of the members present; a member who cannot come for a
    /// valid reason tells the chairman in advance (an excused absence). Members register themselves; the
    /// secretary or chairman may register for them.
    /// </summary>
    [Law("SL 16.1")]
    public static async Task<SessionView> RegisterAsync(AppDb db, CouncilActor actor, int sessionId, RegisterAttendance body, TimeProvider time, CancellationToken ct = default)
    {
        var s = await FindAsync(db, actor.MunicipalityId, sessionId, ct);
        if (s.Status is SessionStatus.Closed or SessionStatus.Cancelled) throw Closed();
        var memberId = body.MemberId ?? actor.RequireMember().Id;
        if (actor.Member?.Id != memberId) actor.RequireRecordKeeper();
        var member = await db.CouncilMembers.FirstOrDefaultAsync(x => x.Id == memberId && x.MunicipalityId == actor.MunicipalityId, ct);
        if (member is null || member.Status != MemberStatus.Active)
            throw new InputError("memberId", new Text("Bu şəxs bu bələdiyyənin fəaliyyətdə olan üzvü deyil", "This person is not a sitting member of this council"));
        if (body.Status == AttendanceStatus.Present && Clock.Today(time) != s.ScheduledOn)
            throw new InputError("status", new Text($"İştirak yalnız iclas günü ({Fmt.Date(s.ScheduledOn)}) qeydə alınır",
                $"Attendance is registered on the day of the session ({Fmt.Date(s.ScheduledOn)})"));
        var row = await db.SessionAttendance.FirstOrDefaultAsync(a => a.SessionId == s.Id && a.MemberId == memberId, ct);
        if (row is null)
        {
            row = new SessionAttendance { MunicipalityId = s.MunicipalityId, SessionId = s.Id, MemberId = memberId };
            db.SessionAttendance.Add(row);
        }
        // A member once registered present stays on the record as present (votes depend on it).
        else if (row.Status == AttendanceStatus.Present && body.Status != AttendanceStatus.Present && s.Status == SessionStatus.Open)
            throw new InputError("status", new Text("İştirakı qeydə alınmış üzv iclas açıq olarkən qeyri-iştirakçı yazıla bilməz",
                "A member registered present cannot be marked absent while the session is open"));
        row.Status = body.Status;
        row.Note = body.Note;
        row.RegisteredAt = Clock.UtcNow(time);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(db, actor.MunicipalityId, s.Id, ct);
    }

    /// <summary>
    /// Opens the registered session: valid only with more than half of the members present (SL 16.1). The chairman
    /// presides, or the deputy in his absence; on an initiative session where they do not, the members present elect
    /// the chair (SL 16.5). The secretary is elected from the members (SL 16.5). Members not registered are absent:
    /// excused where they said so in advance, otherwise unexcused.
    /// </summary>
    [Law("SL 16.1")]
    [Law("SL 16.5")]
    public static async Task<SessionView> OpenAsync(AppDb db, CouncilActor actor, int sessionId, OpenSession body, TimeProvider time, CancellationToken ct = default)
    {
        var s = await FindAsync(db, actor.MunicipalityId, sessionId, ct);
        if (s.Status != SessionStatus.Called) throw new InputError("sessionId", new Text("İclas artıq açılıb və ya bağlanıb", "The session is already open or closed"));
        if (Clock.Today(time) != s.ScheduledOn)
            throw new InputError("sessionId", new Text($"İclas {Fmt.Date(s.ScheduledOn)} tarixinə çağırılıb", $"The session is called for {Fmt.Date(s.ScheduledOn)}"));
        var present = await PresentMembersAsync(db, s.Id, ct);
        if (!Voting.IsQuorate(s.Members, present.Count)) throw Voting.NoQuorum(s.Members, present.Count);

        var offices = await db.CouncilOffices.Where(o => o.MunicipalityId == s.MunicipalityId && o.EndedOn == null).ToListAsync(ct);
        var chairman = offices.FirstOrDefault(o => o.Post == Post.Chairman && present.Contains(o.MemberId))?.MemberId;
        var deputy = offices.FirstOrDefault(o => o.Post == Post.Deputy && present.Contains(o.MemberId))?.MemberId;
        int? chair = s.ChairmanRefused ? null : chairman ?? deputy;
        if (chair is null)
        {
            // SL 16.5: elected by the members present (first session, absent chairman and deputy, or refusal).
            if (body.ChairMemberId is not { } elected || !present.Contains(elected))
                throw new LegalRuleViolation(new(Acts.SL, "16.5"), "chairMemberId",
                    "Sədr və ya müavini iclası aparmır: iclasın sədri iştirak edən üzvlər sırasından seçilməlidir",
                    "Neither the chairman nor a deputy presides: the members present must elect the chair from among themselves");
            chair = elected;
        }
        else if (actor.Member?.Id != chair && !actor.KeepsRecords)
            throw new NotPermitted(new Text("İclası sədr (olmadıqda müavini) açır", "The chairman (or a deputy in his absence) opens the session"));
        if (body.SecretaryMemberId is not { } secretary || !present.Contains(secretary))
            throw new LegalRuleViolation(new(Acts.SL, "16.5"), "secretaryMemberId",
                "İclasın katibi iştirak edən bələdiyyə üzvləri sırasından seçilir", "The session's secretary is elected from the members present");

        var absent = await db.CouncilMembers.Where(m => m.MunicipalityId == s.MunicipalityId && m.Status == MemberStatus.Active).Select(m => m.Id).ToListAsync(ct);
        var rows = await db.SessionAttendance.Where(a => a.SessionId == s.Id).ToListAsync(ct);
        foreach (var id in absent.Where(id => rows.All(r => r.MemberId != id)))
            db.SessionAttendance.Add(new SessionAttendance { MunicipalityId = s.MunicipalityId, SessionId = s.Id, MemberId = id, Status = AttendanceStatus.AbsentUnexcused });
        s.Status = SessionStatus.Open;
        s.OpenedAt = Clock.UtcNow(time);
        s.ChairMemberId = chair;
        s.SecretaryMemberId = secretary;
        await db.SaveChangesAsync(ct);
        return await ViewAsync(db, actor.MunicipalityId, s.Id, ct);
    }

    /// <summary>Only the session's chair (or the staff secretary at the chair's desk) runs the votes.</summary>
    private static void RequireChair(CouncilActor actor, CouncilSession s)
    {
        if (actor.Member?.Id != s.ChairMemberId && actor.Member?.Id != s.SecretaryMemberId && !actor.KeepsRecords)
            throw new NotPermitted(new Text("Səsverməni iclasın sədri aparır", "Votes are run by the session's chair"));
    }

    /// <summary>
    /// Opens a vote on the agenda (no item) or on an item. Refused without quorum (SL 16.1), before the agenda is
    /// approved (SL 16.1), or while another vote is open.
    /// </summary>
    [Law("SL 16.1")]
    public static async Task<SessionView> OpenVoteAsync(AppDb db, CouncilActor actor, int sessionId, OpenVote body, TimeProvider time, CancellationToken ct = default)
    {
        var s = await FindAsync(db, actor.MunicipalityId, sessionId, ct);
        if (s.Status != SessionStatus.Open) throw NotOpen();
        RequireChair(actor, s);
        if (await db.CouncilVotes.AnyAsync(v => v.SessionId == s.Id && v.Status == VoteStatus.Open, ct))
            throw new InputError("agendaItemId", new Text("Başqa səsvermə hələ bağlanmayıb", "Another vote is still open"));
        var present = await PresentMembersAsync(db, s.Id, ct);
        if (!Voting.IsQuorate(s.Members, present.Count)) throw Voting.NoQuorum(s.Members, present.Count);
        var settings = await Members.SettingsAsync(db, s.MunicipalityId, ct);
        MajorityRule rule;
        if (body.AgendaItemId is null)
        {
            if (s.AgendaApproved)
                throw new InputError("agendaItemId", new Text("Gündəlik artıq təsdiq edilib", "The agenda is already approved"));
            rule = DecisionAreas.RuleFor(DecisionArea.Agenda);
        }
        else
        {
            if (!s.AgendaApproved)
                throw new LegalRuleViolation(new(Acts.SL, "16.1"), "agendaItemId",
                    "Əvvəlcə iclasın gündəliyi səsverməyə qoyulub təsdiq edilməlidir", "The agenda must first be approved by a vote");
            var item = await db.AgendaItems.FirstOrDefaultAsync(i => i.Id == body.AgendaItemId && i.SessionId == s.Id, ct)
                ?? throw new NotFound("Agenda item");
            if (item.Status != AgendaItemStatus.Pending)
                throw new InputError("agendaItemId", new Text("Bu məsələ üzrə səsvermə artıq keçirilib", "This item has already been voted on"));
            rule = item.Rule;
        }
        db.CouncilVotes.Add(new CouncilVote
        {
            MunicipalityId = s.MunicipalityId, SessionId = s.Id, AgendaItemId = body.AgendaItemId, Ballot = body.Ballot,
            Rule = rule, Base = settings.SimpleMajorityBase, Members = s.Members, Present = present.Count,
            Status = VoteStatus.Open, OpenedAt = Clock.UtcNow(time),
        });
        await db.SaveChangesAsync(ct);
        return await ViewAsync(db, actor.MunicipalityId, s.Id, ct);
    }

    /// <summary>
    /// A member's ballot: only members of this council registered present, once per vote (SL 15.1: the right to vote
    /// belongs to members). In a secret vote the system records only that the member took a ballot; the choice
    /// is counted on paper and the count entered when the vote closes (docs/decisions.md).
    /// </summary>
    [Law("SL 15.1")]
    public static async Task<SessionView> CastAsync(AppDb db, CouncilActor actor, int sessionId, int voteId, CastBallot body, TimeProvider time, CancellationToken ct = default)
    {
        var member = actor.Member ?? throw new LegalRuleViolation(new(Acts.SL, "15.1"), "memberId",
            "Yalnız bu bələdiyyənin üzvləri səs verir", "Only members of this council vote");
        var s = await FindAsync(db, actor.MunicipalityId, sessionId, ct);
        var vote = await db.CouncilVotes.FirstOrDefaultAsync(v => v.Id == voteId && v.SessionId == s.Id, ct) ?? throw new NotFound("Vote");
        if (s.Status != SessionStatus.Open || vote.Status != VoteStatus.Open)
            throw new InputError("voteId", new Text("Səsvermə bağlanıb", "The vote is closed"), StatusCodes.Status409Conflict);
        if (!Enum.IsDefined(body.Choice))
            throw new InputError("choice", new Text("Seçim «lehinə», «əleyhinə» və ya «bitərəf» olmalıdır", "The choice must be for, against or abstain"));
        var present = await PresentMembersAsync(db, s.Id, ct);
        if (!present.Contains(member.Id))
            throw new LegalRuleViolation(new(Acts.SL, "16.1"), "memberId",
                "Səs vermək üçün iclasda iştirak qeydiyyatdan keçirilməlidir", "Register your attendance at the session to vote");
        if (await db.Ballots.AnyAsync(b => b.VoteId == vote.Id && b.MemberId == member.Id, ct))
            throw Twice();
        db.Ballots.Add(new Ballot
        {
            MunicipalityId = s.MunicipalityId, VoteId = vote.Id, MemberId = member.Id,
            Choice = vote.Ballot == BallotKind.Secret ? null : body.Choice, CastAt = Clock.UtcNow(time),
        });
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { throw Twice(); }  // the unique (vote, member) index caught a double click
        return await ViewAsync(db, actor.MunicipalityId, s.Id, ct);
    }

    private static InputError Twice() => new("choice", new Text("Üzv hər məsələ üzrə yalnız bir dəfə səs verir", "A member votes only once on each item"), StatusCodes.Status409Conflict);

    /// <summary>
    /// Closes a vote and computes its result from the rule (never typed): for an open vote from the ballots, for a
    /// secret one from the counted paper ballots. An adopted item becomes a decision with the next number of the
    /// year, and its effects follow: an elected chairman takes office (SL 19.1), a removed one leaves it with the
    /// hand-over deadline (SL 19.6), a revoked decision is marked (SL 48.4), a mandate ends (SL 23).
    /// </summary>
    [Law("SL 16.4")]
    [Law("Const. 145.III")]
    [Law("SL 19.1")]
    public static async Task<SessionView> CloseVoteAsync(AppDb db, CouncilActor actor, int sessionId, int voteId, SecretCount? count, TimeProvider time, CancellationToken ct = default)
    {
        var s = await FindAsync(db, actor.MunicipalityId, sessionId, ct);
        RequireChair(actor, s);
        var vote = await db.CouncilVotes.FirstOrDefaultAsync(v => v.Id == voteId && v.SessionId == s.Id, ct) ?? throw new NotFound("Vote");
        if (vote.Status != VoteStatus.Open) throw new InputError("voteId", new Text("Səsvermə artıq bağlanıb", "The vote is already closed"), StatusCodes.Status409Conflict);
        var ballots = await db.Ballots.Where(b => b.VoteId == vote.Id).ToListAsync(ct);
        if (vote.Ballot == BallotKind.Open)
        {
            vote.For = ballots.Count(b => b.Choice == VoteChoice.For);
            vote.Against = ballots.Count(b => b.Choice == VoteChoice.Against);
            vote.Abstain = ballots.Count(b => b.Choice == VoteChoice.Abstain);
        }
        else
        {
            if (count is null || count.For < 0 || count.Against < 0 || count.Abstain < 0)
                throw new InputError("for", new Text("Gizli səsvermənin hesablanmış nəticəsini daxil edin", "Enter the counted result of the secret ballot"));
            if (count.For + count.Against + count.Abstain > ballots.Count)
                throw new InputError("for", new Text($"Sayılmış bülletenlər ({count.For + count.Against + count.Abstain}) verilmiş bülletenlərdən ({ballots.Count}) çoxdur",
                    $"More ballots counted ({count.For + count.Against + count.Abstain}) than were taken ({ballots.Count})"));
            (vote.For, vote.Against, vote.Abstain) = (count.For, count.Against, count.Abstain);
        }
        var result = Voting.Decide(vote.Rule, vote.Base, new Tally(vote.Members, vote.Present, vote.For, vote.Against, vote.Abstain));
        vote.Required = result.Required;
        vote.Adopted = result.Adopted;
        vote.Status = VoteStatus.Closed;
        vote.ClosedAt = Clock.UtcNow(time);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (vote.AgendaItemId is null)
            s.AgendaApproved = result.Adopted;
        else
        {
            var item = await db.AgendaItems.FirstAsync(i => i.Id == vote.AgendaItemId, ct);
            item.Status = result.Adopted ? AgendaItemStatus.Adopted : AgendaItemStatus.Rejected;
            if (result.Adopted && item.Area != DecisionArea.SessionOfficers)
                await DecisionRegister.AdoptAsync(db, s, item, vote, time, ct);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await ViewAsync(db, actor.MunicipalityId, s.Id, ct);
    }

    public static async Task<SessionView> AddSpeechAsync(AppDb db, CouncilActor actor, int sessionId, int itemId, NewSpeech body, TimeProvider time, CancellationToken ct = default)
    {
        var s = await FindAsync(db, actor.MunicipalityId, sessionId, ct);
        if (s.Status != SessionStatus.Open) throw NotOpen();
        RequireChair(actor, s);
        if (string.IsNullOrWhiteSpace(body.Speaker) || string.IsNullOrWhiteSpace(body.Summary))
            throw new InputError("summary", new Text("Çıxış edənin adı və çıxışın qısa məzmunu tələb olunur (BS 16.6)", "The speaker and a summary of the speech are required (SL 16.6)"));
        if (!await db.AgendaItems.AnyAsync(i => i.Id == itemId && i.SessionId == s.Id, ct)) throw new NotFound("Agenda item");
        db.Speeches.Add(new Speech { MunicipalityId = s.MunicipalityId, AgendaItemId = itemId, Speaker = body.Speaker.Trim(), Summary = body.Summary.Trim(), At = Clock.UtcNow(time) });
        await db.SaveChangesAsync(ct);
        return await ViewAsync(db, actor.MunicipalityId, s.Id, ct);
    }

    /// <summary>Closes the session and drafts its protocol (SL 16.6). Items never voted on stay on record as not considered.</summary>
    [Law("SL 16.6")]
    public static async Task<SessionView> CloseAsync(AppDb db, CouncilActor actor, int sessionId, TimeProvider time, CancellationToken ct = default)
    {
        var s = await FindAsync(db, actor.MunicipalityId, sessionId, ct);
        if (s.Status != SessionStatus.Open) throw NotOpen();
        RequireChair(actor, s);
        if (await db.CouncilVotes.AnyAsync(v => v.SessionId == s.Id && v.Status == VoteStatus.Open, ct))
            throw new InputError("sessionId", new Text("Açıq səsvermə var: əvvəlcə onu bağlayın", "A vote is still open: close it first"));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        s.Status = SessionStatus.Closed;
        s.ClosedAt = Clock.UtcNow(time);
        await db.SaveChangesAsync(ct);
        await ProtocolBook.DraftAsync(db, s, time, ct);
        await tx.CommitAsync(ct);
        return await ViewAsync(db, actor.MunicipalityId, s.Id, ct);
    }

    public static async Task<SessionView> CancelAsync(AppDb db, CouncilActor actor, int sessionId, CancellationToken ct = default)
    {
        var s = await FindAsync(db, actor.MunicipalityId, sessionId, ct);
        if (!actor.IsChairman && !actor.KeepsRecords) throw Members.OnlyRecordKeepers();
        if (s.Status != SessionStatus.Called)
            throw new InputError("sessionId", new Text("Yalnız hələ açılmamış iclas ləğv edilə bilər", "Only a session that has not opened can be cancelled"));
        s.Status = SessionStatus.Cancelled;
        await db.SaveChangesAsync(ct);
        return await ViewAsync(db, actor.MunicipalityId, s.Id, ct);
    }

    public static async Task<CouncilSession> FindAsync(AppDb db, int municipalityId, int sessionId, CancellationToken ct) =>
        await db.CouncilSessions.FirstOrDefaultAsync(x => x.Id == sessionId && x.MunicipalityId == municipalityId, ct) ?? throw new NotFound("Session");

    public static async Task<HashSet<int>> PresentMembersAsync(AppDb db, int sessionId, CancellationToken ct) =>
        (await db.SessionAttendance.Where(a => a.SessionId == sessionId && a.Status == AttendanceStatus.Present).Select(a => a.MemberId).ToListAsync(ct)).ToHashSet();

    private static InputError Closed() => new("sessionId", new Text("İclas bağlanıb", "The session is closed"), StatusCodes.Status409Conflict);
    private static InputError NotOpen() => new("sessionId", new Text("İclas açıq deyil", "The session is not open"), StatusCodes.Status409Conflict);

    public static async Task<IReadOnlyList<SessionSummary>> ListAsync(AppDb db, int municipalityId, int? year, CancellationToken ct = default)
    {
        var q = db.CouncilSessions.Where(s => s.MunicipalityId == municipalityId);
        if (year is { } y) q = q.Where(s => s.ScheduledOn >= new DateOnly(y, 1, 1) && s.ScheduledOn <= new DateOnly(y, 12, 31));
        var sessions = await q.OrderByDescending(s => s.ScheduledOn).ThenByDescending(s => s.Id).ToListAsync(ct);
        var ids = sessions.Select(s => s.Id).ToList();
        var items = await db.AgendaItems.Where(i => ids.Contains(i.SessionId)).GroupBy(i => i.SessionId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var protocols = await db.Protocols.Where(p => ids.Contains(p.SessionId) && p.CorrectsProtocolId == null).Select(p => new { p.SessionId, p.Number, p.Year }).ToListAsync(ct);
        return sessions.Select(s => new SessionSummary(s.Id, s.ScheduledOn, s.StartsAt, s.Place, s.Initiative, s.Status,
            items.FirstOrDefault(i => i.Key == s.Id)?.Count ?? 0,
            protocols.FirstOrDefault(p => p.SessionId == s.Id)?.Number, protocols.FirstOrDefault(p => p.SessionId == s.Id)?.Year)).ToList();
    }

    public static async Task<SessionView> ViewAsync(AppDb db, int municipalityId, int sessionId, CancellationToken ct = default)
    {
        var s = await FindAsync(db, municipalityId, sessionId, ct);
        var members = await db.CouncilMembers.Where(m => m.MunicipalityId == municipalityId).ToListAsync(ct);
        string NameOf(int? id) => members.FirstOrDefault(m => m.Id == id)?.FullName ?? "—";
        var attendance = await db.SessionAttendance.Where(a => a.SessionId == s.Id).ToListAsync(ct);
        var roll = members.Where(m => m.Status == MemberStatus.Active || attendance.Any(a => a.MemberId == m.Id))
            .OrderBy(m => m.FullName)
            .Select(m => attendance.FirstOrDefault(a => a.MemberId == m.Id) is { } a
                ? new AttendanceView(m.Id, m.FullName, a.Status, a.RegisteredAt, a.Note)
                : new AttendanceView(m.Id, m.FullName, null, null, null)).ToList();
        var present = attendance.Count(a => a.Status == AttendanceStatus.Present);
        var items = await db.AgendaItems.Where(i => i.SessionId == s.Id).OrderBy(i => i.Number).ToListAsync(ct);
        var itemIds = items.Select(i => i.Id).ToList();
        var speeches = await db.Speeches.Where(x => itemIds.Contains(x.AgendaItemId)).OrderBy(x => x.At).ThenBy(x => x.Id).ToListAsync(ct);
        var decisions = await db.CouncilDecisions.Where(d => d.SessionId == s.Id).Select(d => new { d.AgendaItemId, d.Id }).ToListAsync(ct);
        var votes = await db.CouncilVotes.Where(v => v.SessionId == s.Id).OrderBy(v => v.Id).ToListAsync(ct);
        var voteIds = votes.Select(v => v.Id).ToList();
        var ballots = await db.Ballots.Where(b => voteIds.Contains(b.VoteId)).ToListAsync(ct);
        var invitees = await db.SessionInvitees.Where(i => i.SessionId == s.Id).OrderBy(i => i.Id).Select(i => new NewInvitee(i.Name, i.Capacity)).ToListAsync(ct);
        var protocol = await db.Protocols.Where(p => p.SessionId == s.Id).OrderByDescending(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        var notice = Sessions.CheckNotice(s.CalledOn, s.ScheduledOn);
        return new SessionView(s.Id, s.MunicipalityId, s.Initiative, s.IsFirstSession, s.ScheduledOn, s.StartsAt, s.Place, s.CalledOn, s.CalledBy,
            notice.DaysGiven, notice.Sufficient, s.ShortNoticeReason, s.Status, s.Members, present, Voting.QuorumFor(s.Members),
            Voting.IsQuorate(s.Members, present), s.ChairMemberId is null ? null : NameOf(s.ChairMemberId),
            s.SecretaryMemberId is null ? null : NameOf(s.SecretaryMemberId), Sessions.AgendaNeedsApproval(s.Initiative), s.AgendaApproved,
            roll, invitees,
            items.Select(i => new AgendaItemView(i.Id, i.Number, i.Title, i.Area, i.Rule, Voting.ReferenceOf(i.Rule).ToString(), i.Rapporteur, i.Summary,
                i.DraftText, i.CandidateMemberId, i.CandidatePost, i.RevokesDecisionId, i.Status,
                speeches.Where(x => x.AgendaItemId == i.Id).Select(x => new NewSpeech(x.Speaker, x.Summary)).ToList(),
                decisions.FirstOrDefault(d => d.AgendaItemId == i.Id)?.Id, i.Version)).ToList(),
            votes.Select(v => VoteViewOf(v, ballots.Where(b => b.VoteId == v.Id).ToList(), NameOf)).ToList(),
            protocol, s.Version);
    }

    private static VoteView VoteViewOf(CouncilVote v, List<Ballot> ballots, Func<int?, string> nameOf)
    {
        var open = v.Ballot == BallotKind.Open;
        var (f, a, ab) = v.Status == VoteStatus.Closed || !open ? (v.For, v.Against, v.Abstain)
            : (ballots.Count(b => b.Choice == VoteChoice.For), ballots.Count(b => b.Choice == VoteChoice.Against), ballots.Count(b => b.Choice == VoteChoice.Abstain));
        string? explain = v.Adopted is null ? null
            : new VoteResult(v.Adopted.Value, v.Required ?? 0, v.Rule switch
            {
                MajorityRule.MajorityOfPresent => v.Present,
                MajorityRule.SimpleMajority when v.Base == MajorityBase.MembersPresent => v.Present,
                _ => v.Members,
            }, v.Rule, Voting.ReferenceOf(v.Rule)).Explain(Text.Lang);
        return new VoteView(v.Id, v.AgendaItemId, v.Ballot, v.Rule, v.Base, v.Members, v.Present, f, a, ab, ballots.Count, v.Required, v.Adopted,
            v.Status, explain, Voting.ReferenceOf(v.Rule).ToString(),
            open ? ballots.OrderBy(b => nameOf(b.MemberId)).Select(b => new BallotView(nameOf(b.MemberId), b.Choice!.Value)).ToList() : null);
    }
}
