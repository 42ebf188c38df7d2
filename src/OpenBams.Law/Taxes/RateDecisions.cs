namespace OpenBams.Law.Taxes;

/// <summary>
/// The rules a municipal rate, relief or local payment's return meets before it is stored: the council's two-thirds decision
/// (SL 43.3, Const. 145.III), the statutory agricultural rate (LML 18.5), and the days returns are due and late (LTP 11).
/// </summary>
public static class RateDecisions
{
    /// <summary>SL 43.3, Const. 145.III: "bələdiyyə üzvlərinin üçdə iki səs çoxluğu" — at least ⌈2m/3⌉ of all members.</summary>
    [Law("SL 43.3")]
    public static int TwoThirdsOf(int members)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(members, 1);
        return (2 * members + 2) / 3;
    }

    /// <summary>
    /// SL 43.3: local taxes and payments (their rates and reliefs) are set by a decision adopted by two thirds of the
    /// members of the municipality — of all members, not of those present.
    /// </summary>
    /// <exception cref="LegalRuleViolation">Fewer votes "for" than two thirds of the members.</exception>
    [Law("SL 43.3")]
    public static void RequireTwoThirds(int members, int forVotes, string field = "decisionId")
    {
        if (members < 1 || forVotes < TwoThirdsOf(Math.Max(1, members)))
            throw new LegalRuleViolation(new(Acts.SL, "43.3"), field,
                $"Yerli vergi və ödənişlər bələdiyyə üzvlərinin üçdə iki səs çoxluğu ilə qəbul edilmiş qərarla müəyyən edilir: qərara {members} üzvdən {forVotes} səs verilib, ən azı {TwoThirdsOf(Math.Max(1, members))} lazımdır",
                $"Local taxes and payments are set by a decision adopted by two thirds of the members: the decision had {forVotes} of {members} members' votes, at least {TwoThirdsOf(Math.Max(1, members))} are needed");
    }

    /// <summary>
    /// LML 18.5: the land tax on agricultural land is 0.06 manat per conditional score point per hectare — the law's amount,
    /// not a municipal choice. A municipality's decision may apply it (FL 7.2) but not change it.
    /// </summary>
    /// <exception cref="LegalRuleViolation">A rate other than the statutory one.</exception>
    [Law("LML 18.5")]
    public static void RequireStatutoryAgricultural(decimal rate, decimal statutory, string field = "rate")
    {
        if (rate != statutory)
        {
            var inv = System.Globalization.CultureInfo.InvariantCulture;
            throw new LegalRuleViolation(new(Acts.LML, "18.5"), field,
                $"Kənd təsərrüfatı torpaqlarının vergisi qanunla 1 şərti bal üçün {statutory.ToString("0.######", inv)} manatdır; bələdiyyə onu dəyişə bilməz",
                $"The land tax on agricultural land is {statutory.ToString("0.######", inv)} manat per score point by law; a municipality cannot change it");
        }
    }

    /// <summary>
    /// LTP 11.1: advertising (LTP 9.1.1) and trade (LTP 9.1.3) payments follow "the relevant legislation" and the
    /// municipality's contract, none of which is in the seeds; OpenBAMS charges a month's return on the municipality's day of
    /// the following month (1-28), the same day as parking (LTP 11.3). See docs/decisions.md "Taxes: rates and local payments".
    /// </summary>
    [Law("LTP 11.1")]
    public static DateOnly MunicipalDueOn(int year, int month, int dayOfNextMonth) => LocalPayments.ParkingDueOn(year, month, dayOfNextMonth);

    /// <summary>LTP 11.2-11.3: a return filed after its due day is late (filed on the due day is in time).</summary>
    [Law("LTP 11.2")]
    public static bool IsLate(DateOnly dueOn, DateOnly filedOn) => filedOn > dueOn;
}
