namespace OpenBams.Law.Council;

/// <summary>COMM 2, 5: permanent commissions last the whole term; other (ad hoc) ones for a term the council sets.</summary>
public enum CommissionKind
{
    Permanent = 0,
    Other = 1,
}

/// <summary>Who presided over a commission meeting and on what ground (COMM 14, 17).</summary>
public enum PresidingBasis
{
    /// <summary>COMM 17: the commission's chair presides over its meetings.</summary>
    Chair = 0,
    /// <summary>COMM 17: in the chair's absence the deputy chair acts.</summary>
    DeputyChair = 1,
    /// <summary>COMM 17: with neither chair nor deputy to act, a member designated on the municipal chairman's assignment.</summary>
    DesignatedByChairman = 2,
    /// <summary>COMM 14: a joint meeting is presided over by a person the members of the commissions elect.</summary>
    ElectedByJointMeeting = 3,
}

/// <summary>Rules of the Regulation on permanent and other commissions (N 859-IQ) and of citizens' meetings (SL 28).</summary>
public static class Commissions
{
    /// <summary>COMM 6: "Hər komissiya ən azı 3 bələdiyyə üzvündən ibarət olmalıdır."</summary>
    public const int MinimumMembers = 3;
    /// <summary>COMM 8: each member is notified at least 2 days before the meeting.</summary>
    public const int NoticeDays = 2;

    /// <summary>COMM 8: a commission meeting is valid when more than half of its members attend.</summary>
    [Law("COMM 8")]
    public static bool IsQuorate(int members, int present) => Voting.IsQuorate(members, present);

    /// <summary>
    /// COMM 9: decisions by a simple majority of the members present; at a joint meeting, by a simple majority of the
    /// present members of <em>each</em> commission (not a pooled count).
    /// </summary>
    [Law("COMM 9")]
    public static bool JointDecisionAdopted(IEnumerable<Tally> perCommission) =>
        perCommission.All(t => IsQuorate(t.Members, t.Present) &&
            Voting.Decide(MajorityRule.MajorityOfPresent, MajorityBase.MembersPresent, t).Adopted);

    /// <summary>COMM 8: notice of a meeting at least 2 days before the meeting day.</summary>
    [Law("COMM 8")]
    public static bool NoticeSufficient(DateOnly notifiedOn, DateOnly meetingDay) => meetingDay.DayNumber - notifiedOn.DayNumber >= NoticeDays;

    /// <summary>COMM 7: a permanent commission reports to the council on its work at least once a year.</summary>
    public const int ReportIntervalYears = 1;

    /// <summary>
    /// COMM 7 (SL 17.5): "Daimi komissiyalar ... ildə bir dəfədən az olmayaraq bələdiyyəyə hesabat verir" — the last
    /// day of the year since the last report to the council (or since the commission was set up). Other (ad hoc)
    /// commissions have no yearly duty: null.
    /// </summary>
    [Law("COMM 7")]
    public static DateOnly? ReportToCouncilDue(CommissionKind kind, DateOnly establishedOn, DateOnly? lastReport) =>
        kind == CommissionKind.Permanent ? (lastReport ?? establishedOn).AddYears(ReportIntervalYears) : null;

    /// <summary>
    /// COMM 7: "Daimi komissiyaların iclasları ayda azı bir dəfə komissiyanın sədri tərəfindən çağırılır."
    /// The calendar months in which a permanent commission held no meeting. Only whole months of the commission's
    /// existence count: the first is the month it was set up in if that was the 1st, otherwise the next one; the last
    /// is the month before <paramref name="until"/> (abolition) unless that day is the 1st of the following month.
    /// A month counts only once it has ended (<paramref name="today"/>). Other (ad hoc) commissions have no monthly duty.
    /// </summary>
    [Law("COMM 7")]
    public static IReadOnlyList<(int Year, int Month)> MonthsWithoutMeeting(CommissionKind kind, IEnumerable<DateOnly> heldOn, DateOnly establishedOn,
        DateOnly? until, DateOnly today)
    {
        if (kind != CommissionKind.Permanent) return [];
        var held = heldOn.Select(d => (d.Year, d.Month)).ToHashSet();
        var result = new List<(int, int)>();
        var first = new DateOnly(establishedOn.Year, establishedOn.Month, 1);
        if (first < establishedOn) first = first.AddMonths(1);
        for (var m = first; ; m = m.AddMonths(1))
        {
            var next = m.AddMonths(1);
            if (next > today || until is { } u && next > u) break;
            if (!held.Contains((m.Year, m.Month))) result.Add((m.Year, m.Month));
        }
        return result;
    }

    /// <summary>
    /// COMM 17: "sədri komissiyanın iclasında iştirak edə bilmədikdə onun vəzifələrini sədrin müavini, sədrin müavini
    /// seçilməyən komissiyalarda isə bələdiyyənin sədrinin tapşırığına əsasən komissiyaların üzvlərindən biri icra edir."
    /// Who may preside over a meeting of one commission — the chair if present; in the chair's absence the deputy chair
    /// if present; if neither can act, a present member designated on the municipal chairman's assignment. Null: the
    /// person may not preside.
    /// </summary>
    [Law("COMM 17")]
    public static PresidingBasis? PresidingOfOne(int presiding, IReadOnlyCollection<int> present, int? chair, int? deputy, bool designatedByChairman)
    {
        if (!present.Contains(presiding)) return null;
        var chairActs = chair is { } c && present.Contains(c);
        var deputyActs = !chairActs && deputy is { } d && present.Contains(d);
        if (chairActs) return presiding == chair ? PresidingBasis.Chair : null;
        if (deputyActs) return presiding == deputy ? PresidingBasis.DeputyChair : null;
        return designatedByChairman ? PresidingBasis.DesignatedByChairman : null;
    }

    /// <summary>COMM 17: the person who presides by right when nobody is named: the chair, or in the chair's absence the deputy.</summary>
    [Law("COMM 17")]
    public static int? PresidesByRight(IReadOnlyCollection<int> present, int? chair, int? deputy) =>
        chair is { } c && present.Contains(c) ? c : deputy is { } d && present.Contains(d) ? d : null;

    /// <summary>
    /// COMM 14: "Komissiyaların birgə iclasında sədrlik edən komissiyaların üzvləri tərəfindən seçilir." One of the
    /// members present of a commission taking part.
    /// </summary>
    [Law("COMM 14")]
    public static bool MayPresideJointMeeting(int presiding, IEnumerable<IReadOnlyCollection<int>> presentPerCommission) =>
        presentPerCommission.Any(p => p.Contains(presiding));

    /// <summary>
    /// COMM 20 ("qərar, rəy və protokollarını onların sədri imzalayır") with COMM 17: who signs the decisions, opinions
    /// and minutes for one commission — its chair; in the chair's absence from the meeting the person who acted for the chair there (the deputy chair, or for a meeting
    /// of that commission alone the member designated to preside); failing both, the chair (or, with no chair
    /// elected, the deputy). Null: nobody can sign until the commission has a chair.
    /// </summary>
    [Law("COMM 20")]
    [Law("COMM 17")]
    public static int? Signatory(int? chair, int? deputy, IReadOnlyCollection<int> present, int? designatedPresiding) =>
        chair is { } c && present.Contains(c) ? c
        : deputy is { } d && present.Contains(d) ? d
        : designatedPresiding ?? chair ?? deputy;

    /// <summary>COMM 20: the minutes of a (joint) meeting are final once every commission taking part has signed.</summary>
    [Law("COMM 20")]
    public static bool MinutesFinal(IEnumerable<int> commissionsTakingPart, IEnumerable<int> commissionsSigned)
    {
        var signed = commissionsSigned.ToHashSet();
        var taking = commissionsTakingPart.ToList();
        return taking.Count > 0 && taking.All(signed.Contains);
    }

    /// <summary>
    /// COMM 19: "Komissiya üzvü komissiyanın qəbul etdiyi qərarla razı olmadıqda xüsusi rəylə çıxış edə bilər. Həmin rəy
    /// müvafiq qərara əlavə olunur." A separate opinion is given by a member of a commission taking part who was present
    /// (decisive vote); advisory participants have none.
    /// </summary>
    [Law("COMM 19")]
    public static bool MayGiveSeparateOpinion(int member, IEnumerable<IReadOnlyCollection<int>> presentPerCommission) =>
        presentPerCommission.Any(p => p.Contains(member));

    /// <summary>
    /// COMM 8: "... iştirak edə bilməyəcəyi barədə komissiya sədrinə əvvəlcədən məlumat verməlidir." Of the members
    /// absent from a meeting, those who told the chair in advance are excused; the rest are not. An excused member
    /// must be a member who was absent. Null: someone present or not a member was given as excused.
    /// </summary>
    [Law("COMM 8")]
    public static (IReadOnlyList<int> Absent, IReadOnlyList<int> Excused, IReadOnlyList<int> Unexcused)? Absences(
        IReadOnlyCollection<int> members, IReadOnlyCollection<int> present, IReadOnlyCollection<int> excused)
    {
        var absent = members.Where(m => !present.Contains(m)).Order().ToList();
        if (excused.Any(e => !absent.Contains(e))) return null;
        return (absent, absent.Where(excused.Contains).ToList(), absent.Where(a => !excused.Contains(a)).ToList());
    }

    /// <summary>COMM 5: another commission's term may not go beyond the municipality's term.</summary>
    [Law("COMM 5")]
    public static bool TermWithinCouncilTerm(CommissionKind kind, DateOnly? endsOn, DateOnly councilTermEnds) =>
        kind == CommissionKind.Permanent || endsOn is { } e && e <= councilTermEnds;
}

/// <summary>SL 28: citizens' meetings.</summary>
public static class CitizensMeetings
{
    /// <summary>SL 28.1: held in municipalities of fewer than 500 inhabitants.</summary>
    public const int PopulationLimit = 500;
    /// <summary>SL 28.2: participants are residents who are 18 or older.</summary>
    public const int MinimumAge = 18;

    /// <summary>
    /// SL 28.1, 28.5: allowed where the population is under 500; the limit does not apply to meetings that give an
    /// opinion on merging or separating municipalities. An unknown population does not allow a general meeting.
    /// </summary>
    [Law("SL 28.1")]
    [Law("SL 28.5")]
    public static bool Allowed(int? population, bool aboutMergerOrSeparation) =>
        aboutMergerOrSeparation || population is < PopulationLimit;

    /// <summary>SL 28.4: valid when at least 25% of the resident voters take part: ⌈v/4⌉.</summary>
    [Law("SL 28.4")]
    public static int QuorumFor(int residentVoters)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(residentVoters, 1);
        return (residentVoters + 3) / 4;
    }

    /// <summary>SL 28.2: a person may take part on the meeting day only if 18 or older.</summary>
    [Law("SL 28.2")]
    public static bool MayTakePart(DateOnly birthDate, DateOnly meetingDay) => birthDate.AddYears(MinimumAge) <= meetingDay;
}

/// <summary>SL 8.2: the contents every charter must have.</summary>
public static class CharterContents
{
    public static IReadOnlyList<(string Key, string Az, string En)> Required { get; } =
    [
        ("territory", "ərazinin hüdudları və tərkibi", "territory boundaries and composition"),
        ("bodies", "bələdiyyə orqanlarının adları, strukturu, səlahiyyətləri və formalaşma qaydası", "names, structure, powers and formation of municipal bodies"),
        ("term", "səlahiyyət müddəti", "term of office"),
        ("acts", "bələdiyyə aktlarının qəbulu və qüvvəyə minməsi qaydası", "adoption of municipal acts and their entry into force"),
        ("liability", "bələdiyyənin, orqanlarının və vəzifəli şəxslərinin məsuliyyəti", "liability of the municipality, its bodies and officials"),
        ("members", "üzvlərin statusu, sosial təminatları və səlahiyyətlərinə xitam qaydası", "members' status, guarantees and termination of powers"),
        ("officials", "vəzifəli şəxslərin hüquqlarının təminatları", "guarantees of officials' rights"),
        ("service", "bələdiyyə qulluğunun şərtləri və qaydası", "conditions and procedure of municipal service"),
        ("economy", "iqtisadi və maliyyə əsasları, bələdiyyə mülkiyyəti", "economic and financial basis, municipal property"),
        ("other", "digər müddəalar", "other provisions"),
    ];

    /// <summary>SL 8.2: the required sections a draft lacks (empty or blank text).</summary>
    [Law("SL 8.2")]
    public static IReadOnlyList<string> Missing(IReadOnlyDictionary<string, string?> sections) =>
        Required.Where(r => !sections.TryGetValue(r.Key, out var t) || string.IsNullOrWhiteSpace(t)).Select(r => r.Key).ToList();
}
