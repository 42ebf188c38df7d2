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

public sealed record NewCommissionMeeting(DateOnly HeldOn, DateOnly NotifiedOn, string? Subject, string? DecisionText,
    IReadOnlyList<MeetingParticipant>? Participants, bool IsReportToCouncil = false);
public sealed record MeetingParticipant(int CommissionId, IReadOnlyList<int>? PresentMemberIds, int For = 0, int Against = 0, int Abstain = 0);

public sealed record CommissionMemberView(int Id, string Name, bool Sitting);
public sealed record CommissionView(int Id, string Name, CommissionKind Kind, DateOnly EstablishedOn, int? EstablishedByDecisionId,
    DateOnly? EndsOn, CommissionMemberView? Chair, CommissionMemberView? DeputyChair, IReadOnlyList<CommissionMemberView> Members,
    DateOnly? AbolishedOn, bool Active, DateOnly? LastReportOn, DateOnly? ReportDueOn, bool ReportOverdue, long Version);

/// <summary>One commission's count at a meeting (COMM 9 counts each commission of a joint meeting separately).</summary>
public sealed record CommissionTally(int CommissionId, string Commission, int Members, IReadOnlyList<int> PresentMemberIds, int Present,
    int For, int Against, int Abstain, int Required, bool Adopted);
public sealed record CommissionMeetingView(int Id, DateOnly HeldOn, DateOnly NotifiedOn, string Subject, string? DecisionText,
    bool Adopted, bool Joint, bool IsReportToCouncil, IReadOnlyList<CommissionTally> Tallies, string Rule);

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
    /// of more than half of each commission's members (COMM 8), the decision adopted only with a majority of the
    /// present members of each commission (COMM 9). A report to the council (COMM 7, SL 17.5) is a meeting so marked.
    /// </summary>
    [Law("COMM 8")]
    [Law("COMM 9")]
    [Law("COMM 14")]
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
        if (!actor.KeepsRecords && !actor.IsChairman && !actor.IsDeputy && !commissions.Any(c => c.ChairMemberId == actor.Member?.Id && actor.Member is not null))
            throw new NotPermitted(new Text("İclası komissiyanın sədri, bələdiyyənin sədri və ya katibi qeyd edir",
                "A meeting is recorded by the commission's chair, the chairman or the municipality's secretary"));
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
            if (p.For < 0 || p.Against < 0 || p.Abstain < 0 || p.For + p.Against + p.Abstain > present.Count)
                throw new LegalRuleViolation(new(Acts.COMM, "9"), $"{f}.for",
                    $"«{c.Name}» üzrə səslərin sayı iştirak edən üzvlərin sayından ({present.Count}) çox ola bilməz",
                    $"The votes for '{c.Name}' cannot exceed the members present ({present.Count})");
            var tally = new Tally(memberIds.Count, present.Count, p.For, p.Against, p.Abstain);
            var result = Voting.Decide(MajorityRule.MajorityOfPresent, MajorityBase.MembersPresent, tally);
            tallies.Add(new CommissionTally(c.Id, c.Name, memberIds.Count, present, present.Count, p.For, p.Against, p.Abstain, result.Required, result.Adopted));
        }
        var adopted = Commissions.JointDecisionAdopted(tallies.Select(t => new Tally(t.Members, t.Present, t.For, t.Against, t.Abstain)));
        var meeting = new CommissionMeeting
        {
            MunicipalityId = m, HeldOn = body.HeldOn, NotifiedOn = body.NotifiedOn, Subject = body.Subject.Trim(),
            DecisionText = string.IsNullOrWhiteSpace(body.DecisionText) ? null : body.DecisionText.Trim(),
            Adopted = adopted, Tallies = JsonSerializer.Serialize(tallies, Json), IsReportToCouncil = body.IsReportToCouncil,
        };
        db.CommissionMeetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        return View(meeting);
    }

    public static async Task<IReadOnlyList<CommissionMeetingView>> MeetingsAsync(AppDb db, int municipalityId, int? commissionId, CancellationToken ct = default)
    {
        var rows = await db.CommissionMeetings.Where(x => x.MunicipalityId == municipalityId).OrderByDescending(x => x.HeldOn).ThenByDescending(x => x.Id).ToListAsync(ct);
        var views = rows.Select(View);
        if (commissionId is { } id) views = views.Where(v => v.Tallies.Any(t => t.CommissionId == id));
        return views.ToList();
    }

    public static CommissionMeetingView View(CommissionMeeting x)
    {
        var tallies = JsonSerializer.Deserialize<List<CommissionTally>>(x.Tallies, Json) ?? [];
        return new CommissionMeetingView(x.Id, x.HeldOn, x.NotifiedOn, x.Subject, x.DecisionText, x.Adopted, tallies.Count > 1, x.IsReportToCouncil, tallies, "COMM 9");
    }

    /// <summary>COMM 7: the last report to the council per commission (a report meeting the commission took part in).</summary>
    internal static async Task<Dictionary<int, DateOnly>> LastReportsAsync(AppDb db, int municipalityId, CancellationToken ct)
    {
        var reports = await db.CommissionMeetings.Where(x => x.MunicipalityId == municipalityId && x.IsReportToCouncil).ToListAsync(ct);
        var last = new Dictionary<int, DateOnly>();
        foreach (var r in reports.Select(View))
            foreach (var t in r.Tallies)
                if (!last.TryGetValue(t.CommissionId, out var d) || r.HeldOn > d) last[t.CommissionId] = r.HeldOn;
        return last;
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
