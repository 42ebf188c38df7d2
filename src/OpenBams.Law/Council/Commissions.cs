namespace OpenBams.Law.Council;

/// <summary>COMM 2, 5: permanent commissions last the whole term; other (ad hoc) ones for a term the council sets.</summary>
public enum CommissionKind
{
    Permanent = 0,
    Other = 1,
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
