using Microsoft.EntityFrameworkCore;
using OpenBams.Law;
using OpenBams.Law.Council;
using OpenBams.Platform;
using OpenBams.Platform.Calendar;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;
using OpenBams.Platform.Localization;

namespace OpenBams.Council;

/// <summary>How urgent a flag is: information, a duty running or provisional (warning), a deadline or rule missed (breach).</summary>
public enum FlagSeverity { Info = 0, Warning = 1, Breach = 2 }

/// <summary>
/// One duty or irregularity of the council, with the article behind it. <see cref="MemberId"/> names the member
/// concerned; <see cref="RecordId"/> the record (decision, inquiry, case, commission, office) of <see cref="RecordKind"/>.
/// </summary>
public sealed record CouncilFlag(string Code, string Article, FlagSeverity Severity, string Message, string MessageAz, string MessageEn,
    int? MemberId, string? Member, string? RecordKind, int? RecordId, DateOnly? DueOn);

public sealed record HandoverDone(DateOnly? CompletedOn = null);
public sealed record HandoverView(int OfficeId, int MemberId, string Member, DateOnly? EndedOn, DateOnly? HandoverDueOn, DateOnly? HandoverCompletedOn, bool Late);

/// <summary>
/// The council's duties and what has gone wrong, computed from its own records on every request (nothing is
/// stored): sessions every month (SL 16.1), absences (SL 22.6), reports to voters (SL 15.4), members' inquiries
/// (MEMBER 5), the permanent-basis and municipal-service deadlines (SL 15.2, 15.2-2, 15.2-3), the chairman's
/// hand-over (SL 19.6), vacancies (SL 15.6), copies to the oversight body (SL 48.1), commissions (COMM 6, 7: size,
/// monthly meetings, yearly reports),
/// mandate cases (SL 23) and the charter (SL 8.3).
/// </summary>
public static class CouncilDuties
{
    /// <summary>A report to voters due within this many days shows as a warning before it is missed.</summary>
    public const int VoterReportWarningDays = 30;

    public static async Task<IReadOnlyList<CouncilFlag>> FlagsAsync(AppDb db, int municipalityId, TimeProvider time, CancellationToken ct = default)
    {
        var today = Clock.Today(time);
        var m = municipalityId;
        var flags = new List<CouncilFlag>();
        var members = await db.CouncilMembers.Where(x => x.MunicipalityId == m).ToListAsync(ct);
        var sitting = members.Where(x => x.Status != MemberStatus.Ended).ToList();
        var byId = members.ToDictionary(x => x.Id);
        var calendar = await WorkingCalendars.LoadAsync(db, today.Year - 6, today.Year + 1, ct);

        void Add(string code, LegalReference article, FlagSeverity severity, Text message, int? memberId = null, string? kind = null, int? recordId = null, DateOnly? due = null) =>
            flags.Add(new CouncilFlag(code, article.ToString(), severity, message, message.Az, message.En, memberId,
                memberId is { } id && byId.TryGetValue(id, out var p) ? p.FullName : null, kind, recordId, due));
        FlagSeverity ByDue(DateOnly due) => today > due ? FlagSeverity.Breach : FlagSeverity.Warning;

        // SL 16.1: at least one session a month, counted from the start of the earliest sitting member's mandate.
        if (sitting.Count > 0)
        {
            var from = sitting.Min(x => x.MandateConfirmedOn);
            var held = await db.CouncilSessions.Where(s => s.MunicipalityId == m && s.Status == SessionStatus.Closed && s.ScheduledOn >= from)
                .Select(s => s.ScheduledOn).ToListAsync(ct);
            foreach (var (year, month) in Sessions.MonthsWithoutSession(held, from, today, today))
            {
                var last = new DateOnly(year, month, 1).AddMonths(1).AddDays(-1);
                Add("session-missing", new(Acts.SL, "16.1"), FlagSeverity.Breach,
                    new($"{month:D2}.{year} ayında bələdiyyənin iclası keçirilməyib (iclaslar ayda bir dəfədən az olmayaraq çağırılır)",
                        $"No council session was held in {month:D2}.{year} (sessions are called at least once a month)"), due: last);
            }
        }

        // SL 22.6: absences from closed sessions; a year that has not ended is only a warning.
        var openCases = await db.MandateCases.Where(c => c.MunicipalityId == m && c.Status == MandateCaseStatus.Open).ToListAsync(ct);
        foreach (var (member, g) in await MandateCases.AbsenceGroundsAsync(db, m, today, ct))
        {
            var dates = string.Join(", ", g.Sessions.Select(d => Fmt.Date(d)));
            var caseId = openCases.FirstOrDefault(c => c.MemberId == member.Id && c.Ground == MandateEndGround.Absences)?.Id;
            if (g.Consecutive)
                Add("absences-consecutive", new(Acts.SL, "22.6"), FlagSeverity.Breach,
                    new($"{member.FullName} ardıcıl üç iclası üzrsüz səbəbdən buraxıb ({dates}): səlahiyyətlərinə xitam əsası",
                        $"{member.FullName} missed three consecutive sessions without valid reason ({dates}): a ground to end the mandate"),
                    member.Id, caseId is null ? null : "mandateCase", caseId);
            else
                Add(g.YearCompleted ? "absences-year" : "absences-year-running", new(Acts.SL, "22.6"), g.YearCompleted ? FlagSeverity.Breach : FlagSeverity.Warning,
                    g.YearCompleted
                        ? new($"{member.FullName} {g.Year}-ci ildə iclasların yarısından çoxunda üzrsüz səbəbdən iştirak etməyib ({dates})",
                            $"{member.FullName} was absent without valid reason from more than half of the sessions of {g.Year} ({dates})")
                        : new($"{member.FullName} bu il indiyədək iclasların yarısından çoxunda üzrsüz səbəbdən iştirak etməyib ({dates}); il başa çatanadək xəbərdarlıqdır",
                            $"{member.FullName} has so far been absent without valid reason from more than half of this year's sessions ({dates}); a warning until the year ends"),
                    member.Id, caseId is null ? null : "mandateCase", caseId, g.YearCompleted ? null : new DateOnly(g.Year!.Value, 12, 31));
        }

        // SL 15.4: reports to voters every six months.
        var lastReports = await db.VoterReports.Where(r => r.MunicipalityId == m).GroupBy(r => r.MemberId)
            .Select(g => new { MemberId = g.Key, Last = g.Max(r => r.HeldOn) }).ToListAsync(ct);
        foreach (var member in sitting.Where(x => x.Status == MemberStatus.Active))
        {
            var last = lastReports.FirstOrDefault(r => r.MemberId == member.Id)?.Last;
            var due = Mandates.NextReportToVotersDue(member.MandateConfirmedOn, last);
            if (today > due)
                Add("voter-report-overdue", new(Acts.SL, "15.4"), FlagSeverity.Breach,
                    new($"{member.FullName} seçicilərə hesabatı {Fmt.Date(due)} tarixinədək verməli idi", $"{member.FullName} was due to report to the voters by {Fmt.Date(due)}"),
                    member.Id, due: due);
            else if (due.DayNumber - today.DayNumber <= VoterReportWarningDays)
                Add("voter-report-due", new(Acts.SL, "15.4"), FlagSeverity.Warning,
                    new($"{member.FullName} seçicilərə hesabatı {Fmt.Date(due)} tarixinədək verməlidir", $"{member.FullName} is due to report to the voters by {Fmt.Date(due)}"),
                    member.Id, due: due);
        }

        // MEMBER 5: inquiries answered within 15 days (one month with verification).
        foreach (var i in await db.MemberInquiries.Where(x => x.MunicipalityId == m && x.AnsweredOn == null).OrderBy(x => x.DueOn).ToListAsync(ct))
            Add(today > i.DueOn ? "inquiry-overdue" : "inquiry-open", new(Acts.MEMBER, "5"), ByDue(i.DueOn),
                today > i.DueOn
                    ? new($"Üzvün sorğusuna ({i.Addressee}: {i.Subject}) {Fmt.Date(i.DueOn)} tarixinədək cavab verilməli idi", $"The member's inquiry ({i.Addressee}: {i.Subject}) was due to be answered by {Fmt.Date(i.DueOn)}")
                    : new($"Üzvün sorğusuna ({i.Addressee}: {i.Subject}) {Fmt.Date(i.DueOn)} tarixinədək cavab verilməlidir", $"The member's inquiry ({i.Addressee}: {i.Subject}) is to be answered by {Fmt.Date(i.DueOn)}"),
                i.MemberId, "inquiry", i.Id, i.DueOn);

        // SL 15.2, 15.2-2, 15.2-3: municipal service left in 3 days; employer notified in 5 days, releases in 5 days.
        foreach (var member in sitting)
        {
            if (member.WasMunicipalServant && member.ServiceLeftOn is null)
            {
                var due = calendar.AddCalendarDays(member.MandateConfirmedOn, Mandates.LeaveServiceDays).Due;
                Add("municipal-service-not-left", new(Acts.SL, "15.2"), ByDue(due),
                    new($"{member.FullName} bələdiyyə qulluqçusudur: mandat təsdiq edildikdən sonra 3 gün ərzində ({Fmt.Date(due)}) qulluqdan azad edilməlidir",
                        $"{member.FullName} is a municipal servant: release from the service is due within 3 days of the mandate's confirmation ({Fmt.Date(due)})"),
                    member.Id, due: due);
            }
            if (member.PermanentRequestedOn is { } requested && member.EmployerNotifiedOn is null && !member.PermanentBasis)
            {
                var due = calendar.AddCalendarDays(requested, Mandates.NotifyEmployerDays).Due;
                Add("employer-notice-due", new(Acts.SL, "15.2-2"), ByDue(due),
                    new($"{member.FullName} daimi əsasla işləmək üçün müraciət edib: sədr işəgötürənə 5 gün ərzində ({Fmt.Date(due)}) yazılı bildiriş göndərir",
                        $"{member.FullName} asked to serve on a permanent basis: the chairman notifies the employer in writing within 5 days ({Fmt.Date(due)})"),
                    member.Id, due: due);
            }
            if (member.EmployerNotifiedOn is { } notified && member.EmployerReleasedOn is null)
            {
                var due = calendar.AddCalendarDays(notified, Mandates.EmployerReleaseDays).Due;
                Add("employer-release-due", new(Acts.SL, "15.2-3"), ByDue(due),
                    new($"{member.FullName}: işəgötürən bildirişi aldığı gündən 5 gün ərzində ({Fmt.Date(due)}) əmək müqaviləsinə xitam verməlidir",
                        $"{member.FullName}: the employer ends the employment contract within 5 days of the notice ({Fmt.Date(due)})"),
                    member.Id, due: due);
            }
        }

        // SL 19.6: the outgoing chairman hands over all documents within 10 days.
        foreach (var o in await db.CouncilOffices.Where(o => o.MunicipalityId == m && o.HandoverDueOn != null && o.HandoverCompletedOn == null).ToListAsync(ct))
        {
            var name = byId.GetValueOrDefault(o.MemberId)?.FullName ?? "—";
            Add("chairman-handover-due", new(Acts.SL, "19.6"), ByDue(o.HandoverDueOn!.Value),
                new($"Keçmiş sədr {name} bələdiyyənin bütün sənədlərini {Fmt.Date(o.HandoverDueOn)} tarixinədək yeni sədrə təhvil verməlidir",
                    $"The outgoing chairman {name} must hand over all the municipality's documents to the new chairman by {Fmt.Date(o.HandoverDueOn)}"),
                o.MemberId, "office", o.Id, o.HandoverDueOn);
        }

        // SL 15.6: a seat left empty during the term is filled by a by-election under the Election Code.
        var seats = await Members.SeatsAsync(db, m, ct);
        var vacancies = seats - sitting.Count;
        if (sitting.Count == 0)
            Add("members-not-recorded", new(Acts.SL, "15.1"), FlagSeverity.Info,
                new("Bələdiyyə üzvləri hələ qeyd edilməyib (mandatı ərazi seçki komissiyası tərəfindən təsdiq edilmiş şəxslər)",
                    "No council members are recorded yet (persons whose mandate the territorial election commission confirmed)"));
        else if (vacancies > 0)
        {
            var since = members.Where(x => x.Status == MemberStatus.Ended && x.MandateEndedOn is not null).Select(x => x.MandateEndedOn).DefaultIfEmpty().Max();
            Add("vacancy", new(Acts.SL, "15.6"), FlagSeverity.Warning,
                new($"{seats} yerdən {vacancies} yer boşdur: Seçki Məcəlləsinə uyğun olaraq seçki keçirilir" + (since is { } s1 ? $" (son boşalma {Fmt.Date(s1)})" : ""),
                    $"{vacancies} of {seats} seats are empty: an election is held under the Election Code" + (since is { } s2 ? $" (last vacated {Fmt.Date(s2)})" : "")));
        }

        // SL 48.1: a copy of every decision to the oversight body within 5 working days.
        foreach (var d in await db.CouncilDecisions.Where(d => d.MunicipalityId == m && d.SentToOversightAt == null && d.Status != DecisionStatus.Revoked)
                     .OrderBy(d => d.OversightDueOn).ToListAsync(ct))
        {
            var overdue = DecisionRegister.IsOverdue(d, today);
            Add(overdue ? "oversight-copy-overdue" : "oversight-copy-due", new(Acts.SL, "48.1"), overdue ? FlagSeverity.Breach : FlagSeverity.Warning,
                overdue
                    ? new($"№ {d.Number}/{d.Year} qərarının surəti inzibati nəzarət orqanına {Fmt.Date(d.OversightDueOn)} tarixinədək göndərilməli idi",
                        $"The copy of decision {d.Number}/{d.Year} was due at the oversight body by {Fmt.Date(d.OversightDueOn)}")
                    : new($"№ {d.Number}/{d.Year} qərarının surəti inzibati nəzarət orqanına {Fmt.Date(d.OversightDueOn)} tarixinədək göndərilməlidir",
                        $"The copy of decision {d.Number}/{d.Year} is to reach the oversight body by {Fmt.Date(d.OversightDueOn)}"),
                kind: "decision", recordId: d.Id, due: d.OversightDueOn);
        }

        // COMM 6, 7: at least three members; permanent commissions meet at least once a month and report to the council at least once a year.
        var commissions = await CommissionWork.ListAsync(db, m, includeAbolished: false, time, ct);
        var meetingDays = await CommissionWork.MeetingDaysAsync(db, m, ct);
        foreach (var c in commissions.Where(c => c.Active))
        {
            foreach (var (year, month) in Commissions.MonthsWithoutMeeting(c.Kind, meetingDays.GetValueOrDefault(c.Id) ?? [], c.EstablishedOn, c.AbolishedOn, today))
                Add("commission-meeting-missing", new(Acts.COMM, "7"), FlagSeverity.Breach,
                    new($"Daimi «{c.Name}» komissiyasının {month:D2}.{year} ayında iclası keçirilməyib (iclaslar sədr tərəfindən ayda bir dəfədən az olmayaraq çağırılır)",
                        $"The permanent commission '{c.Name}' held no meeting in {month:D2}.{year} (its chair convenes meetings at least once a month)"),
                    kind: "commission", recordId: c.Id, due: new DateOnly(year, month, 1).AddMonths(1).AddDays(-1));
            var sittingMembers = c.Members.Count(x => x.Sitting);
            if (sittingMembers < Commissions.MinimumMembers)
                Add("commission-below-minimum", new(Acts.COMM, "6"), FlagSeverity.Breach,
                    new($"«{c.Name}» komissiyasında {sittingMembers} üzv qalıb; ən azı {Commissions.MinimumMembers} olmalıdır",
                        $"The commission '{c.Name}' has {sittingMembers} members left; it needs at least {Commissions.MinimumMembers}"),
                    kind: "commission", recordId: c.Id);
            if (c.ReportOverdue)
                Add("commission-report-overdue", new(Acts.COMM, "7"), FlagSeverity.Breach,
                    new($"Daimi «{c.Name}» komissiyası bələdiyyəyə bir ildən çoxdur hesabat vermir (son müddət {Fmt.Date(c.ReportDueOn)})",
                        $"The permanent commission '{c.Name}' has not reported to the council for over a year (due {Fmt.Date(c.ReportDueOn)})"),
                    kind: "commission", recordId: c.Id, due: c.ReportDueOn);
        }

        // SL 23, 22-1: open mandate cases wait for the council's decision (after the court's, where required).
        foreach (var c in openCases)
        {
            var name = byId.GetValueOrDefault(c.MemberId)?.FullName ?? "—";
            var awaitsCourt = Mandates.NeedsCourtDecision(c.Ground) && c.CourtDecisionInForceOn is null;
            Add(awaitsCourt ? "mandate-case-awaits-court" : "mandate-case-open", new(Acts.SL, "23"), FlagSeverity.Warning,
                awaitsCourt
                    ? new($"{name} üzrə mandat işi ({Mandates.ReferenceOf(c.Ground)}): bələdiyyə məhkəmənin qüvvəyə minmiş qərarından sonra qərar qəbul edir",
                        $"Mandate case of {name} ({Mandates.ReferenceOf(c.Ground)}): the council decides after a court decision in force")
                    : new($"{name} üzrə mandat işi ({Mandates.ReferenceOf(c.Ground)}) bələdiyyənin iclasında sadə səs çoxluğu ilə həll edilməlidir",
                        $"Mandate case of {name} ({Mandates.ReferenceOf(c.Ground)}) is to be decided by the council by a simple majority"),
                c.MemberId, "mandateCase", c.Id);
        }

        // SL 8.3: the charter must be registered.
        var registered = await db.CharterVersions.AnyAsync(c => c.MunicipalityId == m && c.RegisteredOn != null, ct)
            || await db.Municipalities.AnyAsync(x => x.Id == m && x.CharterRegisteredOn != null, ct);
        if (!registered)
            Add("charter-unregistered", new(Acts.SL, "8.3"), FlagSeverity.Warning,
                new("Bələdiyyənin qeydiyyata alınmış nizamnaməsi yoxdur (nizamnamə dövlət qeydiyyatına alınmalıdır)",
                    "The municipality has no registered charter (the charter must be registered by the state)"));

        return flags.OrderByDescending(f => f.Severity).ThenBy(f => f.DueOn ?? DateOnly.MaxValue).ThenBy(f => f.Code).ToList();
    }

    /// <summary>SL 19.6: the outgoing chairman's hand-over of documents, recorded as done.</summary>
    [Law("SL 19.6")]
    public static async Task<HandoverView> RecordHandoverAsync(AppDb db, CouncilActor actor, int memberId, HandoverDone body, TimeProvider time, CancellationToken ct = default)
    {
        if (!actor.KeepsRecords && !actor.IsChairman)
            throw Members.OnlyRecordKeepers();
        var member = await Members.FindAsync(db, actor.MunicipalityId, memberId, ct);
        var office = await db.CouncilOffices.Where(o => o.MunicipalityId == actor.MunicipalityId && o.MemberId == member.Id && o.HandoverDueOn != null && o.HandoverCompletedOn == null)
            .OrderByDescending(o => o.EndedOn).FirstOrDefaultAsync(ct)
            ?? throw new InputError("memberId", new Text("Bu üzv üzrə gözlənilən sənəd təhvili yoxdur", "No hand-over of documents is pending for this member"), StatusCodes.Status409Conflict);
        var today = Clock.Today(time);
        var on = body.CompletedOn ?? today;
        if (on > today || office.EndedOn is { } ended && on < ended)
            throw new InputError("completedOn", new Text("Təhvil tarixi vəzifədən getmə günündən bu günədək olmalıdır",
                "The hand-over date must lie between the day the office ended and today"));
        office.HandoverCompletedOn = on;
        await db.SaveChangesAsync(ct);
        return new HandoverView(office.Id, member.Id, member.FullName, office.EndedOn, office.HandoverDueOn, office.HandoverCompletedOn, on > office.HandoverDueOn);
    }
}
