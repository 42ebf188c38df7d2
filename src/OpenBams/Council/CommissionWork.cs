using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenBams.Law;
using OpenBams.Law.Council;
using OpenBams.Platform;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;
using OpenBams.Platform.Localization;

namespace OpenBams.Council;

public sealed record NewCommission(string? Name, CommissionKind Kind, IReadOnlyList<int>? MemberIds, DateOnly? EndsOn = null,
    DateOnly? EstablishedOn = null, int? EstablishedByDecisionId = null);
public sealed record CommissionOfficers(int? ChairMemberId, int? DeputyChairMemberId = null, long? Version = null);
public sealed record CommissionComposition(IReadOnlyList<int>? MemberIds, long? Version = null);
public sealed record AbolishCommission(DateOnly? AbolishedOn = null, long? Version = null);

/// <summary>
/// A meeting to record. <see cref="PresidedByMemberId"/>: who presided — at a joint meeting the person the members
/// elected (COMM 14, required); at a meeting of one commission the chair, or in the chair's absence the deputy
/// (taken by default, COMM 17), or a member designated on the municipal chairman's assignment
/// (<see cref="DesignatedByChairman"/>).
/// </summary>
public sealed record NewCommissionMeeting(DateOnly HeldOn, DateOnly NotifiedOn, string? Subject, string? DecisionText,
    IReadOnlyList<MeetingParticipant>? Participants, bool IsReportToCouncil = false,
    int? PresidedByMemberId = null, bool DesignatedByChairman = false, string? Minutes = null);
/// <summary>One commission at a meeting: its members present, the votes, and the absent members who told the chair in advance (COMM 8).</summary>
public sealed record MeetingParticipant(int CommissionId, IReadOnlyList<int>? PresentMemberIds, int For = 0, int Against = 0, int Abstain = 0,
    IReadOnlyList<int>? ExcusedMemberIds = null);
/// <summary>COMM 19: a separate opinion; <see cref="MemberId"/> defaults to the member signed in (staff name the member).</summary>
public sealed record NewDissent(int? MemberId, string? Text, long? Version = null);
public sealed record MeetingMinutes(string? Minutes, long? Version = null);
public sealed record SignMeeting(long? Version = null);

public sealed record CommissionMemberView(int Id, string Name, bool Sitting);
public sealed record CommissionView(int Id, string Name, CommissionKind Kind, DateOnly EstablishedOn, int? EstablishedByDecisionId,
    DateOnly? EndsOn, CommissionMemberView? Chair, CommissionMemberView? DeputyChair, IReadOnlyList<CommissionMemberView> Members,
    DateOnly? AbolishedOn, bool Active, DateOnly? LastReportOn, DateOnly? ReportDueOn, bool ReportOverdue, long Version);

/// <summary>
/// One commission's count at a meeting (COMM 9 counts each commission of a joint meeting separately), with its
/// members absent, split into those who told the chair in advance and those who did not (COMM 8; null on meetings
/// recorded before absences were kept).
/// </summary>
public sealed record CommissionTally(int CommissionId, string Commission, int Members, IReadOnlyList<int> PresentMemberIds, int Present,
    int For, int Against, int Abstain, int Required, bool Adopted,
    IReadOnlyList<int>? AbsentMemberIds = null, IReadOnlyList<int>? ExcusedMemberIds = null, IReadOnlyList<int>? UnexcusedMemberIds = null);
public sealed record CommissionDissentView(int Id, int MemberId, string Member, int CommissionId, string Text, DateTime SubmittedAt, string RecordedBy);
/// <summary>COMM 20: one commission's signature: who signs for it (its chair, or who acted for the chair) and whether done.</summary>
public sealed record CommissionSignatureView(int CommissionId, string Commission, CommissionMemberView? Signatory, CommissionMemberView? SignedBy, DateTime? SignedAt);
public sealed record CommissionMeetingView(int Id, DateOnly HeldOn, DateOnly NotifiedOn, string Subject, string? DecisionText,
    bool Adopted, bool Joint, bool IsReportToCouncil, IReadOnlyList<CommissionTally> Tallies, string Rule,
    string? Minutes, CommissionMemberView? PresidedBy, PresidingBasis? PresidingBasis, IReadOnlyList<CommissionDissentView> Dissents,
    IReadOnlyList<CommissionSignatureView> Signatures, bool Final, DateTime? MinutesFinalAt, long Version);

/// <summary>
/// Permanent and other commissions (SL 17; Regulation N 859-IQ, "COMM"): composition of at least three sitting
/// members (COMM 6), terms within the council's (COMM 5), a chair elected from the members who chairs no other
/// commission (COMM 6), meetings with two days' notice and a quorum of more than half of the members (COMM 8),
/// decisions by a majority of the members present — of each commission at a joint meeting (COMM 9) — and yearly
/// reports to the council (COMM 7, SL 17.5).
/// </summary>
public static class CommissionWork
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<IReadOnlyList<CommissionView>> ListAsync(AppDb db, int municipalityId, bool includeAbolished, TimeProvider time, CancellationToken ct = default)
    {
        var q = db.Commissions.Where(c => c.MunicipalityId == municipalityId);
        if (!includeAbolished) q = q.Where(c => c.AbolishedOn == null);
        var list = await q.OrderBy(c => c.Kind).ThenBy(c => c.Name).ToListAsync(ct);
        return await ViewsAsync(db, municipalityId, list, time, ct);
    }

    public static async Task<CommissionView> GetAsync(AppDb db, int municipalityId, int commissionId, TimeProvider time, CancellationToken ct = default)
    {
        var c = await FindAsync(db, municipalityId, commissionId, ct);
        return (await ViewsAsync(db, municipalityId, [c], time, ct))[0];
    }

    [Law("COMM 2")]
    [Law("COMM 5")]
    [Law("COMM 6")]
    public static async Task<CommissionView> CreateAsync(AppDb db, CouncilActor actor, NewCommission body, TimeProvider time, CancellationToken ct = default)
    {
        actor.RequireRecordKeeper();
        var m = actor.MunicipalityId;
        var today = Clock.Today(time);
        if (string.IsNullOrWhiteSpace(body.Name))
            throw new InputError("name", new Text("Komissiyanın adı tələb olunur", "The commission's name is required"));
        if (body.Name.Trim().Length > 300)
            throw new InputError("name", new Text("Ad 300 simvoldan uzun ola bilməz", "The name may not be longer than 300 characters"));
        if (!Enum.IsDefined(body.Kind))
            throw new InputError("kind", new Text("Komissiya daimi və ya başqa olmalıdır (COMM 2)", "A commission is permanent or other (COMM 2)"));
        var members = await CheckMembersAsync(db, m, body.MemberIds, ct);
        CouncilDecision? decision = null;
        if (body.EstablishedByDecisionId is { } did)
        {
            decision = await db.CouncilDecisions.FirstOrDefaultAsync(d => d.Id == did && d.MunicipalityId == m, ct);
            if (decision is null || decision.Status == DecisionStatus.Revoked)
                throw new LegalRuleViolation(new(Acts.COMM, "6"), "establishedByDecisionId",
                    "Komissiyanın üzvləri bu bələdiyyənin qüvvədə olan qərarı ilə seçilir", "The commission's members are elected by a decision of this council that is in force");
        }
        var established = body.EstablishedOn ?? decision?.AdoptedOn ?? today;
        if (established > today)
            throw new InputError("establishedOn", new Text("Yaradılma tarixi gələcəkdə ola bilməz", "The day it is set up cannot be in the future"));
        if (decision is not null && established < decision.AdoptedOn)
            throw new InputError("establishedOn", new Text("Komissiya onu yaradan qərardan əvvəl yaradıla bilməz", "A commission cannot be set up before the decision that sets it up"));
        await CheckTermAsync(db, m, body.Kind, body.EndsOn, established, ct);
        var commission = new Commission
        {
            MunicipalityId = m, Name = body.Name.Trim(), Kind = body.Kind, EstablishedOn = established,
            EstablishedByDecisionId = decision?.Id, EndsOn = body.EndsOn,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Commissions.Add(commission);
        await db.SaveChangesAsync(ct);
        foreach (var id in members)
            db.CommissionMemberships.Add(new CommissionMembership { MunicipalityId = m, CommissionId = commission.Id, MemberId = id });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await GetAsync(db, m, commission.Id, time, ct);
    }

    /// <summary>COMM 6: the commission elects its chair (and a deputy if needed) from its members; one chair per member.</summary>
    [Law("COMM 6")]
    public static async Task<CommissionView> ElectOfficersAsync(AppDb db, CouncilActor actor, int commissionId, CommissionOfficers body, TimeProvider time, CancellationToken ct = default)
    {
        actor.RequireRecordKeeper();
        var c = await FindActiveAsync(db, actor.MunicipalityId, commissionId, ct);
        MandateCases.CheckVersion(c, body.Version);
        var memberIds = await SittingMembersOfAsync(db, c.Id, ct);
        if (body.ChairMemberId is not { } chair || !memberIds.Contains(chair))
            throw new LegalRuleViolation(new(Acts.COMM, "6"), "chairMemberId",
                "Komissiya sədrini öz üzvləri sırasından seçir", "The commission elects its chair from among its members");
        if (body.DeputyChairMemberId is { } deputy && (!memberIds.Contains(deputy) || deputy == chair))
            throw new LegalRuleViolation(new(Acts.COMM, "6"), "deputyChairMemberId",
                "Sədr müavini komissiyanın sədrdən başqa üzvlərindən seçilir", "The deputy chair is elected from the commission's other members");
        var chairsElsewhere = await db.Commissions.Where(x => x.MunicipalityId == actor.MunicipalityId && x.Id != c.Id && x.AbolishedOn == null && x.ChairMemberId == chair)
            .Select(x => x.Name).FirstOrDefaultAsync(ct);
        if (chairsElsewhere is not null)
            throw new LegalRuleViolation(new(Acts.COMM, "6"), "chairMemberId",
                $"Bələdiyyə üzvü yalnız bir komissiyanın sədri ola bilər; bu üzv artıq «{chairsElsewhere}» komissiyasının sədridir",
                $"A member may chair only one commission; this member already chairs '{chairsElsewhere}'");
        c.ChairMemberId = chair;
        c.DeputyChairMemberId = body.DeputyChairMemberId;
        await db.SaveChangesAsync(ct);
        return await GetAsync(db, actor.MunicipalityId, c.Id, time, ct);
    }

    /// <summary>COMM 5, 6: the council changes a commission's composition; it keeps at least three sitting members.</summary>
    [Law("COMM 5")]
    [Law("COMM 6")]
    public static async Task<CommissionView> ChangeCompositionAsync(AppDb db, CouncilActor actor, int commissionId, CommissionComposition body, TimeProvider time, CancellationToken ct = default)
    {
        actor.RequireRecordKeeper();
        var c = await FindActiveAsync(db, actor.MunicipalityId, commissionId, ct);
        MandateCases.CheckVersion(c, body.Version);
        var wanted = await CheckMembersAsync(db, actor.MunicipalityId, body.MemberIds, ct);
        foreach (var (officer, field) in new[] { (c.ChairMemberId, "chairMemberId"), (c.DeputyChairMemberId, "deputyChairMemberId") })
            if (officer is { } o && !wanted.Contains(o))
                throw new LegalRuleViolation(new(Acts.COMM, "6"), "memberIds",
                    "Komissiyanın sədri və müavini onun üzvü olmalıdır: əvvəlcə yeni sədr (müavin) seçin",
                    $"The commission's chair and deputy must be its members ({field}): elect a new one first");
        var rows = await db.CommissionMemberships.Where(x => x.CommissionId == c.Id).ToListAsync(ct);
        db.CommissionMemberships.RemoveRange(rows.Where(r => !wanted.Contains(r.MemberId)));
        foreach (var id in wanted.Where(id => rows.All(r => r.MemberId != id)))
            db.CommissionMemberships.Add(new CommissionMembership { MunicipalityId = c.MunicipalityId, CommissionId = c.Id, MemberId = id });
        db.Entry(c).State = EntityState.Modified;  // the composition is part of the commission: bump its version
        await db.SaveChangesAsync(ct);
        return await GetAsync(db, actor.MunicipalityId, c.Id, time, ct);
    }

    /// <summary>COMM 5: the council may abolish a commission; its records stay.</summary>
    [Law("COMM 5")]
    public static async Task<CommissionView> AbolishAsync(AppDb db, CouncilActor actor, int commissionId, AbolishCommission body, TimeProvider time, CancellationToken ct = default)
    {
        actor.RequireRecordKeeper();
        var c = await FindActiveAsync(db, actor.MunicipalityId, commissionId, ct);
        MandateCases.CheckVersion(c, body.Version);
        var today = Clock.Today(time);
        var on = body.AbolishedOn ?? today;
        if (on > today || on < c.EstablishedOn)
            throw new InputError("abolishedOn", new Text("Ləğv tarixi komissiyanın yaradıldığı gündən bu günədək olmalıdır",
                "The day of abolition must lie between the commission's setting up and today"));
        c.AbolishedOn = on;
        await db.SaveChangesAsync(ct);
        return await GetAsync(db, actor.MunicipalityId, c.Id, time, ct);
    }

    /// <summary>
    /// Records a meeting of one commission or a joint meeting of several (COMM 14): two days' notice (COMM 8), a quorum
    /// of more than half of each commission's members (COMM 8), the absent members who told the chair in advance
    /// (COMM 8), who presided (COMM 14, 17), the decision adopted only with a majority of the present members of each
    /// commission (COMM 9). A report to the council (COMM 7, SL 17.5) is a meeting so marked.
    /// </summary>
    [Law("COMM 8")]
    [Law("COMM 9")]
    [Law("COMM 14")]
    [Law("COMM 17")]
    public static async Task<CommissionMeetingView> RecordMeetingAsync(AppDb db, CouncilActor actor, NewCommissionMeeting body, TimeProvider time, CancellationToken ct = default)
    {
        var m = actor.MunicipalityId;
        var today = Clock.Today(time);
        var participants = body.Participants ?? [];
        if (participants.Count == 0)
            throw new InputError("participants", new Text("İclasda iştirak edən komissiya göstərilməlidir", "Name the commission(s) that met"));
        if (participants.Select(p => p.CommissionId).Distinct().Count() != participants.Count)
            throw new InputError("participants", new Text("Hər komissiya bir dəfə göstərilir", "Each commission is listed once"));
        var commissions = new List<Commission>();
        for (var i = 0; i < participants.Count; i++)
        {
            var c = await db.Commissions.FirstOrDefaultAsync(x => x.Id == participants[i].CommissionId && x.MunicipalityId == m, ct)
                ?? throw new InputError($"participants[{i}].commissionId", new Text("Komissiya tapılmadı", "No such commission"));
            commissions.Add(c);
        }
        RequireMeetingRecorder(actor, commissions);
        if (string.IsNullOrWhiteSpace(body.Subject))
            throw new InputError("subject", new Text("İclasın mövzusu tələb olunur", "The subject of the meeting is required"));
        if (body.Subject.Trim().Length > 500)
            throw new InputError("subject", new Text("Mövzu 500 simvoldan uzun ola bilməz", "The subject may not be longer than 500 characters"));
        if (body.HeldOn > today)
            throw new InputError("heldOn", new Text("Keçirilməmiş iclas qeyd edilə bilməz", "A meeting that has not taken place cannot be recorded"));
        if (body.NotifiedOn > body.HeldOn || !Commissions.NoticeSufficient(body.NotifiedOn, body.HeldOn))
            throw new LegalRuleViolation(new(Acts.COMM, "8"), "notifiedOn",
                $"Komissiya üzvləri iclas gününə azı {Commissions.NoticeDays} gün qalmış xəbərdar edilməlidir: {Fmt.Date(body.HeldOn)} iclası üçün ən gec {Fmt.Date(body.HeldOn.AddDays(-Commissions.NoticeDays))}",
                $"Members must be notified at least {Commissions.NoticeDays} days before the meeting: for a meeting on {Fmt.Date(body.HeldOn)}, by {Fmt.Date(body.HeldOn.AddDays(-Commissions.NoticeDays))}");

        var tallies = new List<CommissionTally>();
        for (var i = 0; i < participants.Count; i++)
        {
            var (c, p, f) = (commissions[i], participants[i], $"participants[{i}]");
            if (c.AbolishedOn is { } ab && ab <= body.HeldOn || c.EstablishedOn > body.HeldOn || c.EndsOn is { } end && body.HeldOn > end)
                throw new LegalRuleViolation(new(Acts.COMM, "5"), $"{f}.commissionId",
                    $"«{c.Name}» komissiyası {Fmt.Date(body.HeldOn)} tarixində fəaliyyətdə deyildi", $"The commission '{c.Name}' was not in office on {Fmt.Date(body.HeldOn)}");
            var memberIds = await SittingMembersOfAsync(db, c.Id, ct);
            var present = (p.PresentMemberIds ?? []).Distinct().ToList();
            if (present.Any(id => !memberIds.Contains(id)))
                throw new LegalRuleViolation(new(Acts.COMM, "7"), $"{f}.presentMemberIds",
                    $"«{c.Name}» komissiyasının üzvü olmayanlar iclasda yalnız məşvərətçi səslə iştirak edir və sayılmır",
                    $"Non-members of '{c.Name}' take part with an advisory vote only and are not counted");
            if (!Commissions.IsQuorate(memberIds.Count, present.Count))
                throw new LegalRuleViolation(new(Acts.COMM, "8"), $"{f}.presentMemberIds",
                    $"«{c.Name}» komissiyasının iclası səlahiyyətli deyil: {memberIds.Count} üzvdən {present.Count} nəfər iştirak edir, ən azı {memberIds.Count / 2 + 1} lazımdır",
                    $"The meeting of '{c.Name}' is not quorate: {present.Count} of {memberIds.Count} members present, at least {memberIds.Count / 2 + 1} needed");
            var absences = Commissions.Absences(memberIds, present, (p.ExcusedMemberIds ?? []).Distinct().ToList())
                ?? throw new LegalRuleViolation(new(Acts.COMM, "8"), $"{f}.excusedMemberIds",
                    $"Üzrlü sayılan yalnız «{c.Name}» komissiyasının iclasda iştirak etməyən və sədri əvvəlcədən məlumatlandırmış üzvüdür",
                    $"Only a member of '{c.Name}' who was absent and told the chair in advance is excused");
            if (p.For < 0 || p.Against < 0 || p.Abstain < 0 || p.For + p.Against + p.Abstain > present.Count)
                throw new LegalRuleViolation(new(Acts.COMM, "9"), $"{f}.for",
                    $"«{c.Name}» üzrə səslərin sayı iştirak edən üzvlərin sayından ({present.Count}) çox ola bilməz",
                    $"The votes for '{c.Name}' cannot exceed the members present ({present.Count})");
            var tally = new Tally(memberIds.Count, present.Count, p.For, p.Against, p.Abstain);
            var result = Voting.Decide(MajorityRule.MajorityOfPresent, MajorityBase.MembersPresent, tally);
            tallies.Add(new CommissionTally(c.Id, c.Name, memberIds.Count, present, present.Count, p.For, p.Against, p.Abstain, result.Required, result.Adopted,
                absences.Absent, absences.Excused, absences.Unexcused));
        }
        var (presidedBy, basis) = await PresidingAsync(db, body, commissions, tallies, ct);
        var adopted = Commissions.JointDecisionAdopted(tallies.Select(t => new Tally(t.Members, t.Present, t.For, t.Against, t.Abstain)));
        var meeting = new CommissionMeeting
        {
            MunicipalityId = m, HeldOn = body.HeldOn, NotifiedOn = body.NotifiedOn, Subject = body.Subject.Trim(),
            DecisionText = string.IsNullOrWhiteSpace(body.DecisionText) ? null : body.DecisionText.Trim(),
            Adopted = adopted, Tallies = JsonSerializer.Serialize(tallies, Json), IsReportToCouncil = body.IsReportToCouncil,
            Minutes = string.IsNullOrWhiteSpace(body.Minutes) ? null : body.Minutes.Trim(),
            PresidedByMemberId = presidedBy, PresidingBasis = basis,
        };
        db.CommissionMeetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        return await GetMeetingAsync(db, m, meeting.Id, ct);
    }

    /// <summary>
    /// COMM 14: a joint meeting is presided over by the person its members elect, one of the members present of a
    /// commission taking part. COMM 17: a meeting of one commission by its chair; in the chair's absence by the
    /// deputy; failing both, by a member designated on the municipal chairman's assignment.
    /// </summary>
    [Law("COMM 14")]
    [Law("COMM 17")]
    private static async Task<(int, PresidingBasis)> PresidingAsync(AppDb db, NewCommissionMeeting body, IReadOnlyList<Commission> commissions,
        IReadOnlyList<CommissionTally> tallies, CancellationToken ct)
    {
        const string field = "presidedByMemberId";
        if (tallies.Count > 1)
        {
            if (body.DesignatedByChairman)
                throw new LegalRuleViolation(new(Acts.COMM, "14"), "designatedByChairman",
                    "Birgə iclasda sədrlik edən şəxsi komissiyaların üzvləri seçir; o, bələdiyyə sədrinin tapşırığı ilə təyin edilmir",
                    "The members of the commissions elect who presides over a joint meeting; the municipal chairman does not designate them");
            if (body.PresidedByMemberId is not { } elected || !Commissions.MayPresideJointMeeting(elected, tallies.Select(t => t.PresentMemberIds)))
                throw new LegalRuleViolation(new(Acts.COMM, "14"), field,
                    "Birgə iclasda sədrlik edən şəxs komissiyaların üzvləri tərəfindən seçilir: iştirak edən komissiyaların iclasda olan üzvlərindən birini göstərin",
                    "The person presiding over a joint meeting is elected by the members of the commissions: name one of the present members of a commission taking part");
            return (elected, PresidingBasis.ElectedByJointMeeting);
        }
        var (c, t) = (commissions[0], tallies[0]);
        var present = t.PresentMemberIds.ToHashSet();
        var presiding = body.PresidedByMemberId ?? (body.DesignatedByChairman ? null : Commissions.PresidesByRight(present, c.ChairMemberId, c.DeputyChairMemberId));
        if (presiding is null)
            throw new LegalRuleViolation(new(Acts.COMM, "17"), field,
                "İclasda komissiyanın sədri də, müavini də olmayıb: bələdiyyə sədrinin tapşırığı ilə sədrlik edən üzvü göstərin (designatedByChairman)",
                "Neither the commission's chair nor its deputy was present: name the member who presided on the municipal chairman's assignment (designatedByChairman)");
        if (Commissions.PresidingOfOne(presiding.Value, present, c.ChairMemberId, c.DeputyChairMemberId, body.DesignatedByChairman) is { } basis)
            return (presiding.Value, basis);
        var name = await db.CouncilMembers.Where(x => x.Id == presiding && x.MunicipalityId == c.MunicipalityId).Select(x => x.FullName).FirstOrDefaultAsync(ct) ?? "—";
        var (az, en) = !present.Contains(presiding.Value)
            ? ($"{name} iclasda komissiyanın üzvü kimi iştirak etməyib və sədrlik edə bilməz", $"{name} was not present as a member of the commission and cannot preside")
            : c.ChairMemberId is { } chair && present.Contains(chair)
                ? ("Komissiyanın sədri iclasda olub: iclasa o sədrlik edir", "The commission's chair was present: the chair presides")
                : c.DeputyChairMemberId is { } deputy && present.Contains(deputy)
                    ? ("Sədr olmadıqda iclasa sədr müavini sədrlik edir", "In the chair's absence the deputy chair presides")
                    : ($"Sədr və müavini olmadıqda iclasa yalnız bələdiyyə sədrinin tapşırığı ilə təyin edilmiş üzv sədrlik edir: {name} təyin edilibsə, designatedByChairman göstərin",
                        $"With neither chair nor deputy present, only a member designated on the municipal chairman's assignment presides: if {name} was designated, say so (designatedByChairman)");
        throw new LegalRuleViolation(new(Acts.COMM, "17"), field, az, en);
    }

    /// <summary>
    /// COMM 19: a member who disagrees with the decision gives a separate opinion, attached to it. Only a member
    /// present with a decisive vote in a commission taking part; one per member; not once the minutes are final
    /// (COMM 20). The chairs sign the opinions too, so signatures given before it are withdrawn and given again.
    /// </summary>
    [Law("COMM 19")]
    [Law("COMM 20")]
    public static async Task<CommissionMeetingView> AddDissentAsync(AppDb db, CouncilActor actor, int meetingId, NewDissent body, TimeProvider time, CancellationToken ct = default)
    {
        var meeting = await FindMeetingAsync(db, actor.MunicipalityId, meetingId, ct);
        var memberId = body.MemberId ?? actor.Member?.Id
            ?? throw new InputError("memberId", new Text("Xüsusi rəyi verən üzvü göstərin", "Name the member who gives the separate opinion"));
        if (actor.Member?.Id != memberId && !actor.KeepsRecords)
            throw new NotPermitted(new Text("Üzv öz xüsusi rəyini verir; təqdim edilmiş rəyi katib qeyd edə bilər",
                "A member gives their own separate opinion; the secretary may record one handed in"));
        MandateCases.CheckVersion(meeting, body.Version);
        RequireOpenMinutes(meeting);
        if (string.IsNullOrWhiteSpace(body.Text))
            throw new InputError("text", new Text("Xüsusi rəyin mətni tələb olunur", "The text of the separate opinion is required"));
        var tallies = Tallies(meeting);
        if (!Commissions.MayGiveSeparateOpinion(memberId, tallies.Select(t => t.PresentMemberIds)))
            throw new LegalRuleViolation(new(Acts.COMM, "19"), "memberId",
                "Xüsusi rəyi yalnız iclasda iştirak etmiş komissiya üzvü (həlledici səslə) verə bilər",
                "Only a member of a commission taking part who was present (with a decisive vote) may give a separate opinion");
        if (await db.CommissionDissents.AnyAsync(d => d.MeetingId == meeting.Id && d.MemberId == memberId, ct))
            throw new InputError("memberId", new Text("Bu üzvün xüsusi rəyi artıq əlavə edilib", "This member's separate opinion is already attached"), StatusCodes.Status409Conflict);
        db.CommissionDissents.Add(new CommissionDissent
        {
            MunicipalityId = meeting.MunicipalityId, MeetingId = meeting.Id, CommissionId = tallies.First(t => t.PresentMemberIds.Contains(memberId)).CommissionId, MemberId = memberId,
            Text = body.Text.Trim(), SubmittedAt = Clock.UtcNow(time), RecordedBy = actor.Name,
        });
        await WithdrawSignaturesAsync(db, meeting, ct);
        await db.SaveChangesAsync(ct);
        return await GetMeetingAsync(db, actor.MunicipalityId, meeting.Id, ct);
    }

    /// <summary>COMM 20: the minutes are written (or rewritten) until they are final; signatures already given are withdrawn.</summary>
    [Law("COMM 20")]
    public static async Task<CommissionMeetingView> WriteMinutesAsync(AppDb db, CouncilActor actor, int meetingId, MeetingMinutes body, CancellationToken ct = default)
    {
        var meeting = await FindMeetingAsync(db, actor.MunicipalityId, meetingId, ct);
        var ids = Tallies(meeting).Select(t => t.CommissionId).ToList();
        RequireMeetingRecorder(actor, await db.Commissions.Where(c => c.MunicipalityId == actor.MunicipalityId && ids.Contains(c.Id)).ToListAsync(ct));
        MandateCases.CheckVersion(meeting, body.Version);
        RequireOpenMinutes(meeting);
        var text = string.IsNullOrWhiteSpace(body.Minutes) ? null : body.Minutes.Trim();
        if (text != meeting.Minutes)
        {
            meeting.Minutes = text;
            await WithdrawSignaturesAsync(db, meeting, ct);
            await db.SaveChangesAsync(ct);
        }
        return await GetMeetingAsync(db, actor.MunicipalityId, meeting.Id, ct);
    }

    /// <summary>
    /// COMM 20: "Daimi və başqa komissiyaların qərar, rəy və protokollarını onların sədri imzalayır"; for a joint meeting
    /// "müvafiq komissiyaların sədrləri imzalayırlar". The member signing in signs for every commission it signs
    /// for (its chair, or who acted for the chair, COMM 17); with the last signature the minutes are final.
    /// </summary>
    [Law("COMM 20")]
    public static async Task<CommissionMeetingView> SignAsync(AppDb db, CouncilActor actor, int meetingId, SignMeeting body, TimeProvider time, CancellationToken ct = default)
    {
        var meeting = await FindMeetingAsync(db, actor.MunicipalityId, meetingId, ct);
        var member = actor.Member ?? throw new LegalRuleViolation(new(Acts.COMM, "20"), "commissionMeetingId",
            "Qərarları, rəyləri və iclas protokolunu komissiyanın sədri imzalayır", "The commission's chair signs the decisions, opinions and minutes");
        MandateCases.CheckVersion(meeting, body.Version);
        RequireOpenMinutes(meeting);
        var tallies = Tallies(meeting);
        var ids = tallies.Select(t => t.CommissionId).ToList();
        var commissions = await db.Commissions.Where(c => c.MunicipalityId == actor.MunicipalityId && ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var signed = await db.CommissionMeetingSignatures.Where(x => x.MeetingId == meeting.Id).Select(x => x.CommissionId).ToListAsync(ct);
        var mine = tallies.Where(t => !signed.Contains(t.CommissionId) && SignatoryOf(meeting, t, commissions.GetValueOrDefault(t.CommissionId)) == member.Id).ToList();
        if (mine.Count == 0)
            throw new LegalRuleViolation(new(Acts.COMM, "20"), "commissionMeetingId",
                "Qərarları, rəyləri və iclas protokolunu hər iştirak edən komissiyanın sədri imzalayır (siz artıq imzalamısınız və ya heç bir komissiya adından imzalamırsınız)",
                "The chair of each commission taking part signs the decisions, opinions and minutes (you have signed already or sign for no commission here)");
        var now = Clock.UtcNow(time);
        foreach (var t in mine)
            db.CommissionMeetingSignatures.Add(new CommissionMeetingSignature
                { MunicipalityId = meeting.MunicipalityId, MeetingId = meeting.Id, CommissionId = t.CommissionId, MemberId = member.Id, SignedAt = now });
        if (Commissions.MinutesFinal(ids, signed.Concat(mine.Select(t => t.CommissionId))))
            meeting.MinutesFinalAt = now;
        db.Entry(meeting).State = EntityState.Modified;  // a concurrent opinion or signature conflicts instead of slipping past
        await db.SaveChangesAsync(ct);
        return await GetMeetingAsync(db, actor.MunicipalityId, meeting.Id, ct);
    }

    public static async Task<IReadOnlyList<CommissionMeetingView>> MeetingsAsync(AppDb db, int municipalityId, int? commissionId, CancellationToken ct = default)
    {
        var rows = await db.CommissionMeetings.Where(x => x.MunicipalityId == municipalityId).OrderByDescending(x => x.HeldOn).ThenByDescending(x => x.Id).ToListAsync(ct);
        if (commissionId is { } id) rows = rows.Where(r => Tallies(r).Any(t => t.CommissionId == id)).ToList();
        return await MeetingViewsAsync(db, municipalityId, rows, ct);
    }

    public static async Task<CommissionMeetingView> GetMeetingAsync(AppDb db, int municipalityId, int meetingId, CancellationToken ct = default) =>
        (await MeetingViewsAsync(db, municipalityId, [await FindMeetingAsync(db, municipalityId, meetingId, ct)], ct))[0];

    public static async Task<CommissionMeeting> FindMeetingAsync(AppDb db, int municipalityId, int meetingId, CancellationToken ct) =>
        await db.CommissionMeetings.FirstOrDefaultAsync(x => x.Id == meetingId && x.MunicipalityId == municipalityId, ct) ?? throw new NotFound("Commission meeting");

    private static async Task<IReadOnlyList<CommissionMeetingView>> MeetingViewsAsync(AppDb db, int municipalityId, IReadOnlyList<CommissionMeeting> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return [];
        var ids = rows.Select(r => r.Id).ToList();
        var dissents = await db.CommissionDissents.Where(d => ids.Contains(d.MeetingId)).OrderBy(d => d.SubmittedAt).ThenBy(d => d.Id).ToListAsync(ct);
        var signatures = await db.CommissionMeetingSignatures.Where(x => ids.Contains(x.MeetingId)).ToListAsync(ct);
        var commissions = await db.Commissions.Where(c => c.MunicipalityId == municipalityId).ToDictionaryAsync(c => c.Id, ct);
        var members = await db.CouncilMembers.Where(x => x.MunicipalityId == municipalityId).ToDictionaryAsync(x => x.Id, ct);
        CommissionMemberView? Person(int? id) => id is { } i && members.TryGetValue(i, out var p) ? new CommissionMemberView(p.Id, p.FullName, p.Status != MemberStatus.Ended) : null;
        return rows.Select(x =>
        {
            var tallies = Tallies(x);
            var signs = tallies.Select(t =>
            {
                var s = signatures.FirstOrDefault(v => v.MeetingId == x.Id && v.CommissionId == t.CommissionId);
                var signatory = s?.MemberId ?? SignatoryOf(x, t, commissions.GetValueOrDefault(t.CommissionId));
                return new CommissionSignatureView(t.CommissionId, t.Commission, Person(signatory), Person(s?.MemberId), s?.SignedAt);
            }).ToList();
            var opinions = dissents.Where(d => d.MeetingId == x.Id)
                .Select(d => new CommissionDissentView(d.Id, d.MemberId, Person(d.MemberId)?.Name ?? "—", d.CommissionId, d.Text, d.SubmittedAt, d.RecordedBy)).ToList();
            return new CommissionMeetingView(x.Id, x.HeldOn, x.NotifiedOn, x.Subject, x.DecisionText, x.Adopted, tallies.Count > 1, x.IsReportToCouncil, tallies, "COMM 9",
                x.Minutes, Person(x.PresidedByMemberId), x.PresidingBasis, opinions, signs, x.MinutesFinalAt is not null, x.MinutesFinalAt, x.Version);
        }).ToList();
    }

    /// <summary>COMM 20, 17: who signs for one commission of the meeting, from its officers and who was present and presided.</summary>
    private static int? SignatoryOf(CommissionMeeting meeting, CommissionTally tally, Commission? commission) =>
        commission is null ? null
            : Commissions.Signatory(commission.ChairMemberId, commission.DeputyChairMemberId, tally.PresentMemberIds.ToHashSet(),
                meeting.PresidingBasis == PresidingBasis.DesignatedByChairman ? meeting.PresidedByMemberId : null);

    private static List<CommissionTally> Tallies(CommissionMeeting x) => JsonSerializer.Deserialize<List<CommissionTally>>(x.Tallies, Json) ?? [];

    private static void RequireMeetingRecorder(CouncilActor actor, IReadOnlyList<Commission> commissions)
    {
        if (!actor.KeepsRecords && !actor.IsChairman && !actor.IsDeputy && !commissions.Any(c => c.ChairMemberId == actor.Member?.Id && actor.Member is not null))
            throw new NotPermitted(new Text("İclası komissiyanın sədri, bələdiyyənin sədri və ya katibi qeyd edir",
                "A meeting is recorded by the commission's chair, the chairman or the municipality's secretary"));
    }

    /// <summary>COMM 20: once every chair has signed, the decision, the opinions and the minutes do not change.</summary>
    private static void RequireOpenMinutes(CommissionMeeting meeting)
    {
        if (meeting.MinutesFinalAt is not null)
            throw new LegalRuleViolation(new(Acts.COMM, "20"), "commissionMeetingId",
                "İclas protokolu bütün sədrlər tərəfindən imzalanıb və dəyişdirilmir", "The minutes are signed by every chair concerned and no longer change");
    }

    /// <summary>A change before the minutes are final withdraws the signatures given so far (they did not cover it); the meeting's version moves.</summary>
    private static async Task WithdrawSignaturesAsync(AppDb db, CommissionMeeting meeting, CancellationToken ct)
    {
        db.CommissionMeetingSignatures.RemoveRange(await db.CommissionMeetingSignatures.Where(x => x.MeetingId == meeting.Id).ToListAsync(ct));
        db.Entry(meeting).State = EntityState.Modified;
    }

    /// <summary>COMM 7: the last report to the council per commission (a report meeting the commission took part in).</summary>
    internal static async Task<Dictionary<int, DateOnly>> LastReportsAsync(AppDb db, int municipalityId, CancellationToken ct)
    {
        var reports = await db.CommissionMeetings.Where(x => x.MunicipalityId == municipalityId && x.IsReportToCouncil).ToListAsync(ct);
        var last = new Dictionary<int, DateOnly>();
        foreach (var r in reports)
            foreach (var t in Tallies(r))
                if (!last.TryGetValue(t.CommissionId, out var d) || r.HeldOn > d) last[t.CommissionId] = r.HeldOn;
        return last;
    }

    /// <summary>COMM 7: the days each commission met (alone or jointly).</summary>
    internal static async Task<Dictionary<int, List<DateOnly>>> MeetingDaysAsync(AppDb db, int municipalityId, CancellationToken ct)
    {
        var rows = await db.CommissionMeetings.Where(x => x.MunicipalityId == municipalityId).ToListAsync(ct);
        var days = new Dictionary<int, List<DateOnly>>();
        foreach (var r in rows)
            foreach (var t in Tallies(r))
            {
                if (!days.TryGetValue(t.CommissionId, out var list)) days[t.CommissionId] = list = [];
                list.Add(r.HeldOn);
            }
        return days;
    }

    /// <summary>
    /// COMM 5: the council's term, which an "other" commission's term may not pass — the earliest end of the sitting
    /// members' terms (members elected at a by-election serve only until the council's term ends, MEMBER 2).
    /// </summary>
    internal static async Task<DateOnly?> CouncilTermEndsAsync(AppDb db, int municipalityId, CancellationToken ct)
    {
        var ends = await db.CouncilMembers.Where(x => x.MunicipalityId == municipalityId && x.Status != MemberStatus.Ended).Select(x => x.TermEndsOn).ToListAsync(ct);
        return ends.Count == 0 ? null : ends.Min();
    }

    [Law("COMM 6")]
    private static async Task<HashSet<int>> CheckMembersAsync(AppDb db, int municipalityId, IReadOnlyList<int>? memberIds, CancellationToken ct)
    {
        var ids = (memberIds ?? []).Distinct().ToHashSet();
        if (ids.Count < Commissions.MinimumMembers)
            throw new LegalRuleViolation(new(Acts.COMM, "6"), "memberIds",
                $"Hər komissiya ən azı {Commissions.MinimumMembers} bələdiyyə üzvündən ibarət olmalıdır ({ids.Count} göstərilib)",
                $"Each commission must have at least {Commissions.MinimumMembers} council members ({ids.Count} given)");
        var sitting = await db.CouncilMembers.Where(x => x.MunicipalityId == municipalityId && x.Status == MemberStatus.Active && ids.Contains(x.Id))
            .Select(x => x.Id).ToListAsync(ct);
        if (sitting.Count != ids.Count)
            throw new LegalRuleViolation(new(Acts.COMM, "6"), "memberIds",
                "Komissiyanın üzvləri bu bələdiyyənin səlahiyyətləri davam edən üzvləri olmalıdır", "A commission's members must be sitting members of this council");
        return ids;
    }

    [Law("COMM 5")]
    private static async Task CheckTermAsync(AppDb db, int municipalityId, CommissionKind kind, DateOnly? endsOn, DateOnly established, CancellationToken ct)
    {
        if (kind == CommissionKind.Permanent)
        {
            if (endsOn is not null)
                throw new LegalRuleViolation(new(Acts.COMM, "5"), "endsOn",
                    "Daimi komissiyalar bələdiyyənin bütün səlahiyyət müddəti ərzində fəaliyyət göstərir; bitmə tarixi göstərilmir",
                    "Permanent commissions hold office for the council's whole term; they have no end date");
            return;
        }
        var councilEnds = await CouncilTermEndsAsync(db, municipalityId, ct);
        if (endsOn is not { } end)
            throw new LegalRuleViolation(new(Acts.COMM, "5"), "endsOn",
                "Başqa komissiyaların fəaliyyət müddətini bələdiyyə müəyyən edir: bitmə tarixi tələb olunur", "The council sets the term of another commission: the end date is required");
        if (end <= established)
            throw new InputError("endsOn", new Text("Bitmə tarixi yaradılma tarixindən sonra olmalıdır", "The end date must come after the day it is set up"));
        if (councilEnds is { } ce && !Commissions.TermWithinCouncilTerm(kind, end, ce))
            throw new LegalRuleViolation(new(Acts.COMM, "5"), "endsOn",
                $"Komissiyanın müddəti bələdiyyənin səlahiyyət müddətindən ({Fmt.Date(ce)}) artıq ola bilməz",
                $"The commission's term may not go beyond the council's term ({Fmt.Date(ce)})");
    }

    internal static async Task<HashSet<int>> SittingMembersOfAsync(AppDb db, int commissionId, CancellationToken ct) =>
        (await db.CommissionMemberships.Where(x => x.CommissionId == commissionId
                && db.CouncilMembers.Any(mm => mm.Id == x.MemberId && mm.Status != MemberStatus.Ended))
            .Select(x => x.MemberId).ToListAsync(ct)).ToHashSet();

    public static async Task<Commission> FindAsync(AppDb db, int municipalityId, int commissionId, CancellationToken ct) =>
        await db.Commissions.FirstOrDefaultAsync(c => c.Id == commissionId && c.MunicipalityId == municipalityId, ct) ?? throw new NotFound("Commission");

    private static async Task<Commission> FindActiveAsync(AppDb db, int municipalityId, int commissionId, CancellationToken ct)
    {
        var c = await FindAsync(db, municipalityId, commissionId, ct);
        if (c.AbolishedOn is not null)
            throw new InputError("commissionId", new Text("Komissiya ləğv edilib", "The commission has been abolished"), StatusCodes.Status409Conflict);
        return c;
    }

    private static async Task<IReadOnlyList<CommissionView>> ViewsAsync(AppDb db, int municipalityId, IReadOnlyList<Commission> list, TimeProvider time, CancellationToken ct)
    {
        var today = Clock.Today(time);
        var ids = list.Select(c => c.Id).ToList();
        var memberships = await db.CommissionMemberships.Where(x => ids.Contains(x.CommissionId)).ToListAsync(ct);
        var members = await db.CouncilMembers.Where(x => x.MunicipalityId == municipalityId).ToDictionaryAsync(x => x.Id, ct);
        var reports = await LastReportsAsync(db, municipalityId, ct);
        CommissionMemberView? Person(int? id) => id is { } i && members.TryGetValue(i, out var p) ? new CommissionMemberView(p.Id, p.FullName, p.Status != MemberStatus.Ended) : null;
        return list.Select(c =>
        {
            var active = c.AbolishedOn is null && (c.EndsOn is not { } e || e >= today);
            DateOnly? last = reports.TryGetValue(c.Id, out var d) ? d : null;
            var due = active ? Commissions.ReportToCouncilDue(c.Kind, c.EstablishedOn, last) : null;
            return new CommissionView(c.Id, c.Name, c.Kind, c.EstablishedOn, c.EstablishedByDecisionId, c.EndsOn, Person(c.ChairMemberId), Person(c.DeputyChairMemberId),
                memberships.Where(x => x.CommissionId == c.Id).Select(x => Person(x.MemberId)).OfType<CommissionMemberView>().OrderBy(x => x.Name).ToList(),
                c.AbolishedOn, active, last, due, due is { } dd && today > dd, c.Version);
        }).ToList();
    }
}
