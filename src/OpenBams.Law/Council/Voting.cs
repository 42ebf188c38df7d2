namespace OpenBams.Law.Council;

/// <summary>How many votes an item needs. Chosen from the item's kind, never typed by hand.</summary>
public enum MajorityRule
{
    /// <summary>SL 16.4, SL 48.1, Const. 145.II: "bələdiyyə üzvlərinin sadə səs çoxluğu" — more than half; the base
    /// (all members or those present) is a charter choice, <see cref="MajorityBase"/>.</summary>
    SimpleMajority = 0,
    /// <summary>Const. 145.III, SL 43.3, MC VI: local taxes and payments need two thirds of the members.</summary>
    TwoThirdsOfMembers = 1,
    /// <summary>SL 19.1, 19.2, 19.3: the chairman and deputies are elected (and removed) by more than half of all
    /// members' votes — a majority of those present is not enough.</summary>
    MoreThanHalfOfAllMembers = 2,
    /// <summary>COMM 9: commission decisions by a simple majority of the members present.</summary>
    MajorityOfPresent = 3,
}

/// <summary>
/// The base of a simple majority (SL 16.4, 48.1; Const. 145.II). The law says "majority of the members" without
/// saying whether of all members or of those present; the conservative reading, our default, is all members.
/// A charter may choose the other reading.
/// </summary>
public enum MajorityBase
{
    AllMembers = 0,
    MembersPresent = 1,
}

/// <summary>Open or secret ballot (SL 19.1: the chairman is elected "açıq və ya gizli səsvermə yolu ilə").</summary>
public enum BallotKind
{
    Open = 0,
    Secret = 1,
}

/// <summary>A member's choice.</summary>
public enum VoteChoice
{
    For = 0,
    Against = 1,
    Abstain = 2,
}

/// <summary>The counts a result is computed from. <paramref name="Members"/> is the base "all members" means.</summary>
public sealed record Tally(int Members, int Present, int For, int Against, int Abstain)
{
    public int Cast => For + Against + Abstain;
}

/// <summary>The computed result of one vote, with the rule and the threshold it applied.</summary>
public sealed record VoteResult(bool Adopted, int Required, int Base, MajorityRule Rule, LegalReference Reference)
{
    public string Explain(string lang)
    {
        var az = lang == "az";
        var what = (Rule, az) switch
        {
            (MajorityRule.TwoThirdsOfMembers, true) => $"üzvlərin üçdə iki hissəsi ({Base} üzvdən)",
            (MajorityRule.TwoThirdsOfMembers, false) => $"two thirds of the {Base} members",
            (MajorityRule.MoreThanHalfOfAllMembers, true) => $"bütün üzvlərin yarısından çoxu ({Base} üzvdən)",
            (MajorityRule.MoreThanHalfOfAllMembers, false) => $"more than half of all {Base} members",
            (MajorityRule.MajorityOfPresent, true) => $"iştirak edən {Base} üzvün sadə səs çoxluğu",
            (MajorityRule.MajorityOfPresent, false) => $"a simple majority of the {Base} members present",
            (_, true) => $"sadə səs çoxluğu ({Base} üzvdən)",
            (_, false) => $"a simple majority of {Base} members",
        };
        return az
            ? $"{(Adopted ? "Qəbul edildi" : "Qəbul edilmədi")}: {Required} «lehinə» səs tələb olunur — {what} ({Reference})"
            : $"{(Adopted ? "Adopted" : "Not adopted")}: {Required} votes for are needed — {what} ({Reference})";
    }
}

/// <summary>Quorum and majorities of the council and its commissions.</summary>
public static class Voting
{
    /// <summary>
    /// SL 16.1: "Bələdiyyənin iclası bələdiyyə üzvlərinin yarıdan çoxu iştirak etdikdə səlahiyyətlidir." —
    /// a session is valid when more than half of the members attend.
    /// </summary>
    [Law("SL 16.1")]
    public static bool IsQuorate(int members, int present)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(members, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(present);
        return present * 2 > members;
    }

    /// <summary>SL 16.1: the smallest attendance that makes a session valid.</summary>
    [Law("SL 16.1")]
    public static int QuorumFor(int members)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(members, 1);
        return members / 2 + 1;
    }

    /// <summary>The votes "for" an item needs under a rule, and the base it is counted on.</summary>
    public static (int Required, int Base) Threshold(MajorityRule rule, MajorityBase simpleBase, int members, int present)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(members, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(present);
        return rule switch
        {
            // Const. 145.III: "üçdə iki" of the members; ceil(2m/3).
            MajorityRule.TwoThirdsOfMembers => ((2 * members + 2) / 3, members),
            MajorityRule.MoreThanHalfOfAllMembers => (members / 2 + 1, members),
            MajorityRule.MajorityOfPresent => (present / 2 + 1, present),
            _ => simpleBase == MajorityBase.AllMembers ? (members / 2 + 1, members) : (present / 2 + 1, present),
        };
    }

    /// <summary>
    /// The result of a vote, computed from the item's rule. A vote without quorum is refused, not computed
    /// (SL 16.1): a session that is not valid cannot decide anything.
    /// </summary>
    /// <exception cref="LegalRuleViolation">No quorum, or more votes than members present.</exception>
    [Law("SL 16.4")]
    [Law("SL 48.1")]
    [Law("Const. 145.III")]
    [Law("SL 19.1")]
    public static VoteResult Decide(MajorityRule rule, MajorityBase simpleBase, Tally t)
    {
        if (t.Cast > t.Present)
            throw new LegalRuleViolation(ReferenceOf(rule), "votes",
                $"Səslərin sayı ({t.Cast}) iştirak edən üzvlərin sayından ({t.Present}) çox ola bilməz",
                $"There are more votes ({t.Cast}) than members present ({t.Present})");
        if (rule != MajorityRule.MajorityOfPresent && !IsQuorate(t.Members, t.Present))
            throw NoQuorum(t.Members, t.Present);
        var (required, @base) = Threshold(rule, simpleBase, t.Members, t.Present);
        return new VoteResult(t.For >= required, required, @base, rule, ReferenceOf(rule));
    }

    public static LegalRuleViolation NoQuorum(int members, int present) => new(new LegalReference(Acts.SL, "16.1"), "attendance",
        $"İclas səlahiyyətli deyil: {members} üzvdən {present} nəfər iştirak edir, ən azı {QuorumFor(members)} lazımdır",
        $"The session is not quorate: {present} of {members} members present, at least {QuorumFor(members)} needed");

    public static LegalReference ReferenceOf(MajorityRule rule) => rule switch
    {
        MajorityRule.TwoThirdsOfMembers => new(Acts.Const, "145.III"),
        MajorityRule.MoreThanHalfOfAllMembers => new(Acts.SL, "19.1"),
        MajorityRule.MajorityOfPresent => new(Acts.COMM, "9"),
        _ => new(Acts.SL, "16.4"),
    };
}
