using Microsoft.EntityFrameworkCore;
using OpenBams.Law;
using OpenBams.Law.Council;
using OpenBams.Platform;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;
using OpenBams.Platform.Localization;

namespace OpenBams.Council;

public sealed record NewMandateCase(int MemberId, MandateEndGround Ground, string? Detail,
    string? CourtDecisionReference = null, DateOnly? CourtDecisionInForceOn = null);
public sealed record CourtDecisionEntry(string? CourtDecisionReference, DateOnly? CourtDecisionInForceOn, long? Version = null);
public sealed record DismissMandateCase(string? Reason, long? Version = null);

public sealed record MandateCaseView(int Id, int MemberId, string Member, MemberStatus MemberStatus, MandateEndGround Ground,
    string GroundReference, string GroundName, DateOnly RaisedOn, string RaisedBy, string? Detail, bool NeedsCourtDecision,
    string? CourtDecisionReference, DateOnly? CourtDecisionInForceOn, bool ReadyForCouncil, int? DecisionId,
    MandateCaseStatus Status, long Version);

/// <summary>
/// Grounds for ending a member's mandate (SL 21, 22), raised by staff or from the attendance record (SL 22.6), and
/// decided only by the council (SL 23): an adopted agenda item naming the case ends the mandate
/// (DecisionRegister). Nothing here ends a mandate; a case is raised, given its court decision, or dismissed.
/// </summary>
public static class MandateCases
{
    /// <summary>The grounds in words, for lists and flags.</summary>
    public static Text GroundName(MandateEndGround g) => g switch
    {
        MandateEndGround.TermExpired => new("səlahiyyət müddəti bitib", "the term has expired"),
        MandateEndGround.Conviction => new("qanuni qüvvəyə minmiş ittiham hökmü və ya tibbi xarakterli məcburi tədbirlər", "final criminal conviction or compulsory medical measures"),
        MandateEndGround.Incapacity => new("məhkəmə tərəfindən fəaliyyət qabiliyyətsiz və ya məhdud fəaliyyət qabiliyyətli hesab edilib", "incapacity or limited capacity found by a court"),
        MandateEndGround.Citizenship => new("vətəndaşlığa xitam, başqa dövlətin vətəndaşlığı və ya öhdəliyi", "citizenship ended, another citizenship or obligations to another state"),
        MandateEndGround.Death => new("vəfat", "death"),
        MandateEndGround.DeclaredDeadOrMissing => new("məhkəmə tərəfindən ölmüş elan edilib və ya itkin düşmüş hesab edilib", "declared dead or missing by a court"),
        MandateEndGround.VotesMiscounted => new("seçkilərdə səslərin düzgün hesablanmadığı aşkar edilib", "votes were found to have been counted incorrectly"),
        MandateEndGround.Resignation => new("üzvlükdən çıxmaq barədə yazılı ərizə", "written resignation"),
        MandateEndGround.Ineligible => new("namizədlər üçün tələblərə uyğun gəlmir", "does not meet the requirements for candidates"),
        MandateEndGround.IncompatiblePost => new("məsul dövlət vəzifəsi və ya bələdiyyə qulluqçusu vəzifəsi", "holds a senior state post or a municipal-servant post"),
        MandateEndGround.Illness => new("xəstəlik səbəbindən altı aydan artıq vəzifəni yerinə yetirə bilmir (xüsusi həkim komissiyasının rəyi)", "unable to serve for more than six months through illness (court-organised medical commission)"),
        MandateEndGround.Absences => new("iclasları üzrsüz səbəbdən buraxır", "misses sessions without valid reason"),
        MandateEndGround.MovedOrUnable => new("bələdiyyə ərazisindən köçüb və ya vəzifələrini yerinə yetirə bilmir (ərizə)", "moved away or unable to serve (application)"),
        _ => new(g.ToString(), g.ToString()),
    };

    public static async Task<IReadOnlyList<MandateCaseView>> ListAsync(AppDb db, int municipalityId, MandateCaseStatus? status, int? memberId, CancellationToken ct = default)
    {
        var q = db.MandateCases.Where(c => c.MunicipalityId == municipalityId);
        if (status is { } s) q = q.Where(c => c.Status == s);
        if (memberId is { } mid) q = q.Where(c => c.MemberId == mid);
        var cases = await q.OrderByDescending(c => c.RaisedOn).ThenByDescending(c => c.Id).ToListAsync(ct);
        var members = await MembersByIdAsync(db, municipalityId, ct);
        return cases.Select(c => View(c, members)).ToList();
    }

    public static async Task<MandateCaseView> GetAsync(AppDb db, int municipalityId, int caseId, CancellationToken ct = default)
    {
        var c = await FindAsync(db, municipalityId, caseId, ct);
        return View(c, await MembersByIdAsync(db, municipalityId, ct));
    }

    /// <summary>
    /// Staff enter a ground of SL 21 or 22 with its detail. For the grounds of SL 23 (second paragraph) the court's
    /// decision must already be in force, so its reference and date are required; from that day the member's powers
    /// are suspended until the council decides (SL 22-1.2).
    /// </summary>
    [Law("SL 21")]
    [Law("SL 22")]
    [Law("SL 23")]
    [Law("SL 22-1.2")]
    public static async Task<MandateCaseView> RaiseAsync(AppDb db, CouncilActor actor, NewMandateCase body, TimeProvider time, CancellationToken ct = default)
    {
        RequireStaff(actor);
        var today = Clock.Today(time);
        if (!Enum.IsDefined(body.Ground))
            throw new InputError("ground", new Text("Əsas BS 21 və ya 22-də sadalananlardan deyil", "The ground is not one of SL 21 or 22"));
        if (body.Ground == MandateEndGround.TermExpired)
            throw new LegalRuleViolation(new(Acts.SL, "22"), "ground",
                "Səlahiyyət müddəti qurtardıqda səlahiyyətlərə öz-özünə xitam verilir; iş açılmır",
                "Powers end by themselves when the term expires; no case is raised for it");
        var member = await db.CouncilMembers.FirstOrDefaultAsync(m => m.Id == body.MemberId && m.MunicipalityId == actor.MunicipalityId, ct);
        if (member is null || member.Status == MemberStatus.Ended)
            throw new InputError("memberId", new Text("Bu şəxs bu bələdiyyənin səlahiyyətləri davam edən üzvü deyil", "This person is not a sitting member of this council"));
        if (string.IsNullOrWhiteSpace(body.Detail))
            throw new InputError("detail", new Text("Əsasın təfərrüatı (fakt, sənəd, tarix) tələb olunur", "Describe the ground (fact, document, date)"));
        CheckCourtDecision(body.Ground, body.CourtDecisionReference, body.CourtDecisionInForceOn, today);
        if (await db.MandateCases.AnyAsync(c => c.MemberId == member.Id && c.Ground == body.Ground && c.Status == MandateCaseStatus.Open, ct))
            throw new InputError("ground", new Text("Bu üzv üzrə bu əsasla açıq iş artıq var", "An open case on this ground already exists for this member"), StatusCodes.Status409Conflict);
        var mc = new MandateCase
        {
            MunicipalityId = actor.MunicipalityId, MemberId = member.Id, Ground = body.Ground, RaisedOn = today, RaisedBy = actor.Name,
            Detail = body.Detail.Trim(), CourtDecisionReference = Input.Blank(body.CourtDecisionReference), CourtDecisionInForceOn = body.CourtDecisionInForceOn,
        };
        db.MandateCases.Add(mc);
        SuspendIfCourtDecided(member, mc);
        await db.SaveChangesAsync(ct);
        return await GetAsync(db, actor.MunicipalityId, mc.Id, ct);
    }

    /// <summary>
    /// SL 22.6 from the attendance of closed sessions: a case for every ground not already open (or once dismissed
    /// for the same sessions). A year is raised only once it has ended: until then more sessions may bring the share
    /// back under half. Running it twice creates nothing new.
    /// </summary>
    [Law("SL 22.6")]
    public static async Task<IReadOnlyList<MandateCaseView>> RaiseAbsencesAsync(AppDb db, CouncilActor actor, TimeProvider time, CancellationToken ct = default)
    {
        RequireStaff(actor);
        var today = Clock.Today(time);
        var m = actor.MunicipalityId;
        var grounds = await AbsenceGroundsAsync(db, m, today, ct);
        var existing = await db.MandateCases.Where(c => c.MunicipalityId == m && c.Ground == MandateEndGround.Absences).ToListAsync(ct);
        var created = new List<MandateCase>();
        foreach (var (member, ground) in grounds)
        {
            if (!ground.YearCompleted || member.Status != MemberStatus.Active) continue;
            var key = AbsenceKey(ground);
            if (existing.Concat(created).Any(c => c.MemberId == member.Id && (c.Status == MandateCaseStatus.Open || c.Detail?.StartsWith(key, StringComparison.Ordinal) == true)))
                continue;
            var dates = string.Join(", ", ground.Sessions.Select(d => Fmt.Date(d)));
            var (az, en) = ground.Consecutive
                ? ($"ardıcıl üç iclas üzrsüz səbəbdən buraxılıb: {dates}", $"three consecutive sessions missed without valid reason: {dates}")
                : ($"{ground.Year}-ci ildə keçirilən iclasların yarısından çoxunda üzrsüz səbəbdən iştirak etməyib: {dates}",
                   $"absent without valid reason from more than half of the sessions held in {ground.Year}: {dates}");
            var mc = new MandateCase
            {
                MunicipalityId = m, MemberId = member.Id, Ground = MandateEndGround.Absences, RaisedOn = today,
                RaisedBy = $"{actor.Name} (BS 22.6, davamiyyət qeydləri / SL 22.6, attendance record)",
                Detail = $"{key} {az} / {en}",
            };
            db.MandateCases.Add(mc);
            created.Add(mc);
        }
        await db.SaveChangesAsync(ct);
        var members = await MembersByIdAsync(db, m, ct);
        return created.Select(c => View(c, members)).ToList();
    }

    /// <summary>The identity of an SL 22.6 ground, written first in the case's detail so it is raised only once.</summary>
    internal static string AbsenceKey(AbsenceGround g) => g.Consecutive
        ? $"[SL 22.6 {string.Join("/", g.Sessions.Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))}]"
        : $"[SL 22.6 {g.Year}]";

    /// <summary>SL 23, 22-1.2: the court decision in force, recorded on an open case.</summary>
    [Law("SL 23")]
    [Law("SL 22-1.2")]
    public static async Task<MandateCaseView> RecordCourtDecisionAsync(AppDb db, CouncilActor actor, int caseId, CourtDecisionEntry body, TimeProvider time, CancellationToken ct = default)
    {
        RequireStaff(actor);
        var mc = await FindAsync(db, actor.MunicipalityId, caseId, ct);
        CheckVersion(mc, body.Version);
        RequireOpen(mc);
        if (string.IsNullOrWhiteSpace(body.CourtDecisionReference) || body.CourtDecisionInForceOn is null)
            throw new LegalRuleViolation(new(Acts.SL, "23"), string.IsNullOrWhiteSpace(body.CourtDecisionReference) ? "courtDecisionReference" : "courtDecisionInForceOn",
                "Məhkəmə qərarının rekvizitləri və qanuni qüvvəyə mindiyi tarix tələb olunur", "The court decision's reference and the day it entered into force are required");
        CheckCourtDecision(mc.Ground, body.CourtDecisionReference, body.CourtDecisionInForceOn, Clock.Today(time));
        mc.CourtDecisionReference = body.CourtDecisionReference.Trim();
        mc.CourtDecisionInForceOn = body.CourtDecisionInForceOn;
        var member = await db.CouncilMembers.FirstAsync(x => x.Id == mc.MemberId, ct);
        SuspendIfCourtDecided(member, mc);
        await db.SaveChangesAsync(ct);
        return await GetAsync(db, actor.MunicipalityId, mc.Id, ct);
    }

    /// <summary>
    /// Closes an open case without ending the mandate (the ground did not exist, the court found otherwise, the
    /// member withdrew a resignation before the session). A suspension of SL 22-1.2 ends with it unless another
    /// court-decided case is open.
    /// </summary>
    public static async Task<MandateCaseView> DismissAsync(AppDb db, CouncilActor actor, int caseId, DismissMandateCase body, TimeProvider time, CancellationToken ct = default)
    {
        RequireStaff(actor);
        var mc = await FindAsync(db, actor.MunicipalityId, caseId, ct);
        CheckVersion(mc, body.Version);
        RequireOpen(mc);
        if (string.IsNullOrWhiteSpace(body.Reason))
            throw new InputError("reason", new Text("İşin bağlanma səbəbi tələb olunur", "Say why the case is dismissed"));
        var onAgenda = await db.AgendaItems.AnyAsync(i => i.MandateCaseId == mc.Id && i.Status == AgendaItemStatus.Pending
            && db.CouncilSessions.Any(s => s.Id == i.SessionId && (s.Status == SessionStatus.Called || s.Status == SessionStatus.Open)), ct);
        if (onAgenda)
            throw new InputError("caseId", new Text("İş çağırılmış iclasın gündəliyindədir: iclas ona baxır", "The case is on the agenda of a called session: the session decides it"), StatusCodes.Status409Conflict);
        mc.Status = MandateCaseStatus.Dismissed;
        var note = $"Bağlandı / dismissed {Fmt.Date(Clock.Today(time))} ({actor.Name}): {body.Reason.Trim()}";
        mc.Detail = Truncate(string.IsNullOrEmpty(mc.Detail) ? note : $"{mc.Detail}\n{note}", 2000);
        var member = await db.CouncilMembers.FirstAsync(x => x.Id == mc.MemberId, ct);
        if (member.Status == MemberStatus.Suspended && !await db.MandateCases.AnyAsync(c => c.MemberId == member.Id && c.Id != mc.Id
                && c.Status == MandateCaseStatus.Open && c.CourtDecisionInForceOn != null, ct))
            member.Status = MemberStatus.Active;
        await db.SaveChangesAsync(ct);
        return await GetAsync(db, actor.MunicipalityId, mc.Id, ct);
    }

    /// <summary>SL 22.6 for every sitting member, from the attendance of closed sessions held during the mandate.</summary>
    internal static async Task<List<(CouncilMember Member, AbsenceGround Ground)>> AbsenceGroundsAsync(AppDb db, int municipalityId, DateOnly today, CancellationToken ct)
    {
        var members = await db.CouncilMembers.Where(m => m.MunicipalityId == municipalityId && m.Status != MemberStatus.Ended).ToListAsync(ct);
        var closed = await db.CouncilSessions.Where(s => s.MunicipalityId == municipalityId && s.Status == SessionStatus.Closed)
            .Select(s => new { s.Id, s.ScheduledOn }).ToListAsync(ct);
        var sessionIds = closed.Select(s => s.Id).ToList();
        var attendance = await db.SessionAttendance.Where(a => a.MunicipalityId == municipalityId && sessionIds.Contains(a.SessionId)).ToListAsync(ct);
        var day = closed.ToDictionary(s => s.Id, s => s.ScheduledOn);
        var result = new List<(CouncilMember, AbsenceGround)>();
        foreach (var member in members)
        {
            var record = attendance.Where(a => a.MemberId == member.Id && day[a.SessionId] >= member.MandateConfirmedOn)
                .Select(a => (day[a.SessionId], a.Status));
            foreach (var g in Mandates.AbsenceGrounds(record, today)) result.Add((member, g));
        }
        return result;
    }

    [Law("SL 23")]
    private static void CheckCourtDecision(MandateEndGround ground, string? reference, DateOnly? inForceOn, DateOnly today)
    {
        if (Mandates.NeedsCourtDecision(ground))
        {
            if (string.IsNullOrWhiteSpace(reference))
                throw new LegalRuleViolation(new(Acts.SL, "23"), "courtDecisionReference",
                    $"Bu əsasla ({Mandates.ReferenceOf(ground)}) bələdiyyə qərarı yalnız məhkəmənin qüvvəyə minmiş qərarından sonra qəbul edilir: qərarın rekvizitlərini göstərin",
                    $"On this ground ({Mandates.ReferenceOf(ground)}) the council decides only after a court decision in force: give the court decision's reference");
            if (inForceOn is null)
                throw new LegalRuleViolation(new(Acts.SL, "23"), "courtDecisionInForceOn",
                    "Məhkəmə qərarının qanuni qüvvəyə mindiyi tarix tələb olunur", "The day the court decision entered into force is required");
        }
        if (inForceOn is { } d && d > today)
            throw new LegalRuleViolation(new(Acts.SL, "23"), "courtDecisionInForceOn",
                "Məhkəmə qərarı hələ qanuni qüvvəyə minməyib", "The court decision has not entered into force yet");
    }

    /// <summary>SL 22-1.2: from the day the court decision enters into force until the council decides.</summary>
    [Law("SL 22-1.2")]
    private static void SuspendIfCourtDecided(CouncilMember member, MandateCase mc)
    {
        if (mc.CourtDecisionInForceOn is not null && member.Status == MemberStatus.Active)
            member.Status = MemberStatus.Suspended;
    }

    public static async Task<MandateCase> FindAsync(AppDb db, int municipalityId, int caseId, CancellationToken ct) =>
        await db.MandateCases.FirstOrDefaultAsync(c => c.Id == caseId && c.MunicipalityId == municipalityId, ct) ?? throw new NotFound("Mandate case");

    private static async Task<Dictionary<int, CouncilMember>> MembersByIdAsync(AppDb db, int municipalityId, CancellationToken ct) =>
        await db.CouncilMembers.Where(m => m.MunicipalityId == municipalityId).ToDictionaryAsync(m => m.Id, ct);

    private static MandateCaseView View(MandateCase c, IReadOnlyDictionary<int, CouncilMember> members)
    {
        var member = members.GetValueOrDefault(c.MemberId);
        var needsCourt = Mandates.NeedsCourtDecision(c.Ground);
        return new MandateCaseView(c.Id, c.MemberId, member?.FullName ?? "—", member?.Status ?? MemberStatus.Ended, c.Ground,
            Mandates.ReferenceOf(c.Ground).ToString(), GroundName(c.Ground), c.RaisedOn, c.RaisedBy, c.Detail, needsCourt,
            c.CourtDecisionReference, c.CourtDecisionInForceOn,
            c.Status == MandateCaseStatus.Open && (!needsCourt || c.CourtDecisionInForceOn is not null), c.DecisionId, c.Status, c.Version);
    }

    /// <summary>Mandate cases are kept by the municipality's staff (secretary, municipal administrator).</summary>
    internal static void RequireStaff(CouncilActor actor)
    {
        if (!actor.KeepsRecords)
            throw new NotPermitted(new Text("Bu qeydləri bələdiyyənin katibi və ya inzibatçısı aparır", "These records are kept by the municipality's secretary or administrator"));
    }

    private static void RequireOpen(MandateCase mc)
    {
        if (mc.Status != MandateCaseStatus.Open)
            throw new InputError("caseId", new Text("İş artıq həll edilib və ya bağlanıb", "The case is already decided or dismissed"), StatusCodes.Status409Conflict);
    }

    internal static void CheckVersion(IVersioned record, long? version)
    {
        if (version is { } v && v != record.Version) throw new DbUpdateConcurrencyException();
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
