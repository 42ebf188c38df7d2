namespace OpenBams.Law.Budget;

/// <summary>Which budget a line belongs to: one municipality's budget for one year (FL 4.4: 1 January - 31 December).</summary>
public readonly record struct BudgetRef(long MunicipalityId, int Year)
{
    /// <summary>FL 4.4: "Büdcə ili yanvarın 1-də başlanır və dekabrın 31-də qurtarır."</summary>
    [Law("FL 4.4")]
    public DateOnly Start => BudgetYear.Start(Year);

    /// <summary>FL 4.4: the last day of the budget year.</summary>
    [Law("FL 4.4")]
    public DateOnly End => BudgetYear.End(Year);
}

/// <summary>FL 4.4: the budget year is the calendar year.</summary>
public static class BudgetYear
{
    /// <summary>1 January.</summary>
    [Law("FL 4.4")]
    public static DateOnly Start(int year) => new(year, 1, 1);

    /// <summary>31 December.</summary>
    [Law("FL 4.4")]
    public static DateOnly End(int year) => new(year, 12, 31);

    /// <summary>The budget year a day belongs to.</summary>
    [Law("FL 4.4")]
    public static int Of(DateOnly day) => day.Year;
}

/// <summary>
/// One expenditure line (təxsisat) of an approved budget, with what has happened to it so far. All amounts are totals for the
/// year; <see cref="Committed"/> includes what has been paid (a payment made without a prior commitment is committed and paid at once).
/// </summary>
/// <param name="Budget">The budget the line belongs to.</param>
/// <param name="Code">The line's code, unique in its budget.</param>
/// <param name="Area">The FL 8.2 area.</param>
/// <param name="Funding">General money, or money bound to a purpose (FL 7.3, 8.5, 11.1).</param>
/// <param name="Purpose">For earmarked funding: the power, subvention or project the money is for; null for general lines.</param>
/// <param name="Approved">As approved by the council (FL 10.2, 10.3).</param>
/// <param name="Amendments">Net changes by council decisions refining the budget (FL 10.4), including sequestration cuts (FL 12).</param>
/// <param name="ReallocatedIn">Moved in from other lines (FL 11.1).</param>
/// <param name="ReallocatedOut">Moved out to other lines (FL 11.1).</param>
/// <param name="Committed">Commitments taken (öhdəliklər), paid or not.</param>
/// <param name="Paid">Payments made.</param>
public sealed record BudgetLine(
    BudgetRef Budget, string Code, ExpenditureArea Area, LineFunding Funding, string? Purpose,
    Money Approved, Money Amendments, Money ReallocatedIn, Money ReallocatedOut, Money Committed, Money Paid)
{
    /// <summary>A fresh line: approved, nothing else yet.</summary>
    public static BudgetLine Approve(BudgetRef budget, string code, ExpenditureArea area, Money approved,
        LineFunding funding = LineFunding.General, string? purpose = null) =>
        new(budget, code, area, funding, purpose, approved, Money.Zero, Money.Zero, Money.Zero, Money.Zero, Money.Zero);

    /// <summary>The appropriation in force: approved + amendments + reallocated in − reallocated out.</summary>
    public Money Appropriation => Approved + Amendments + ReallocatedIn - ReallocatedOut;

    /// <summary>What can still be committed: the appropriation less what is committed.</summary>
    public Money Available => Appropriation - Committed;

    /// <summary>Commitments not yet paid (they end at year-end, FL 11.2).</summary>
    public Money OpenCommitments => Committed - Paid;

    /// <summary>Whether the line's money is bound to a purpose (FL 7.3, 8.5, 11.1; LTP 3.5).</summary>
    public bool IsEarmarked => Funding != LineFunding.General;
}

/// <summary>What an expenditure is: taking a commitment, or paying.</summary>
public enum ExpenditureKind
{
    /// <summary>A commitment (contract, order): reserves the appropriation.</summary>
    Commitment = 0,
    /// <summary>A payment against an open commitment of the line: the appropriation was reserved when it was committed.</summary>
    PaymentOfCommitment = 1,
    /// <summary>A payment with no prior commitment: commits and pays at once.</summary>
    DirectPayment = 2,
}

/// <summary>
/// The answer of a rule that refuses rather than throws: allowed, or the violation that would be thrown, with its article,
/// field and messages in both languages.
/// </summary>
public sealed record RuleCheck(LegalRuleViolation? Violation)
{
    /// <summary>Allowed.</summary>
    public static RuleCheck Allowed { get; } = new((LegalRuleViolation?)null);

    /// <summary>Whether the rule allows it.</summary>
    public bool IsAllowed => Violation is null;

    /// <summary>The article that refuses, if refused.</summary>
    public LegalReference? Rule => Violation?.Rule;

    /// <summary>Throws the violation if refused.</summary>
    /// <exception cref="LegalRuleViolation">Refused.</exception>
    public void ThrowIfRefused()
    {
        if (Violation is not null) throw Violation;
    }

    internal static RuleCheck Refuse(LegalReference rule, string field, string az, string en) => new(new LegalRuleViolation(rule, field, az, en));
}

/// <summary>The line after an allowed expenditure, and the check that allowed or refused it.</summary>
public sealed record ExpenditureDecision(RuleCheck Check, BudgetLine Line)
{
    /// <summary>Allowed.</summary>
    public bool IsAllowed => Check.IsAllowed;
}

/// <summary>
/// Appropriation control: no commitment or payment beyond its line's appropriation.
/// </summary>
/// <remarks>
/// FL 13.1: "Yerli büdcənin icrasına, o cümlədən sərf edilən vəsaitin təsdiq edilmiş büdcə göstəricilərinə uyğunluğuna bələdiyyə
/// nəzarət edir" — money spent must match the approved budget indicators; FL 11.1 lets execution change items only "təsdiq
/// edilmiş təxsisat həddində" (within the approved appropriation). The refusal cites FL 13.1.
/// </remarks>
public static class AppropriationControl
{
    /// <summary>The article a refusal cites.</summary>
    public static LegalReference Rule { get; } = new(Acts.FL, "13.1");

    /// <summary>
    /// Checks an expenditure of <paramref name="amount"/> on <paramref name="line"/> and returns the line as it would be after it.
    /// A commitment or a direct payment needs <c>amount ≤ Available</c>; a payment of a commitment needs
    /// <c>amount ≤ OpenCommitments</c>. The expenditure must fall in the line's budget year (FL 4.4, 11.2).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A zero or negative amount (a refund is a separate correction, not an expenditure).</exception>
    [Law("FL 13.1")]
    [Law("FL 11.1")]
    [Law("FL 11.2")]
    public static ExpenditureDecision Check(BudgetLine line, Money amount, ExpenditureKind kind, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (amount <= Money.Zero)
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "An expenditure is a positive amount.");

        if (on.Year != line.Budget.Year)
            return new(RuleCheck.Refuse(new(Acts.FL, "11.2"), "date",
                $"{Language.Date(on)} {line.Budget.Year}-ci il büdcəsinin ilinə düşmür: büdcə ili qurtardıqda öhdəliklər üzrə əməliyyətlər başa çatır (sətir {line.Code})",
                $"{Language.Date(on)} is outside budget year {line.Budget.Year}: operations on commitments end when the budget year ends (line {line.Code})"), line);

        if (kind == ExpenditureKind.PaymentOfCommitment)
        {
            if (amount > line.OpenCommitments)
                return new(RuleCheck.Refuse(Rule, "amount",
                    $"Ödəniş ({amount.Format("az")}) {line.Code} sətri üzrə ödənilməmiş öhdəliklərdən ({line.OpenCommitments.Format("az")}) çoxdur",
                    $"The payment ({amount.Format("en")}) exceeds the unpaid commitments of line {line.Code} ({line.OpenCommitments.Format("en")})"), line);
            return new(RuleCheck.Allowed, line with { Paid = line.Paid + amount });
        }

        if (amount > line.Available)
            return new(RuleCheck.Refuse(Rule, "amount",
                $"{line.Code} sətri üzrə xərc ({amount.Format("az")}) təsdiq edilmiş təxsisatın qalığını ({line.Available.Format("az")}) aşır: " +
                $"təxsisat {line.Appropriation.Format("az")}, öhdəliklər {line.Committed.Format("az")}",
                $"The expenditure ({amount.Format("en")}) on line {line.Code} exceeds its available appropriation ({line.Available.Format("en")}): " +
                $"appropriation {line.Appropriation.Format("en")}, committed {line.Committed.Format("en")}"), line);

        var after = line with { Committed = line.Committed + amount };
        if (kind == ExpenditureKind.DirectPayment) after = after with { Paid = after.Paid + amount };
        return new(RuleCheck.Allowed, after);
    }

    /// <summary>
    /// The lines of one budget are well formed: codes unique; an earmarked line names its purpose; money for delegated powers and
    /// state-targeted funds on their own lines (FL 8.5, SL 40.3): a purpose that has an earmarked line
    /// is not also named on a general line (each line carries one funding and one purpose, so two purposes never share a line).
    /// </summary>
    [Law("FL 8.5")]
    [Law("SL 40.3")]
    public static RuleCheck CheckStructure(IEnumerable<BudgetLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var list = lines.ToArray();
        if (list.Select(l => l.Budget).Distinct().Count() > 1)
            throw new ArgumentException("The lines belong to more than one budget.", nameof(lines));
        var dup = list.GroupBy(l => l.Code, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null)
            return RuleCheck.Refuse(new(Acts.FL, "4.3"), "code",
                $"{dup.Key} kodu büdcədə iki dəfə işlənib", $"Line code {dup.Key} is used twice in the budget");
        foreach (var l in list.Where(l => l.IsEarmarked))
            if (string.IsNullOrWhiteSpace(l.Purpose))
                return RuleCheck.Refuse(Funding.LockedBy(l.Funding)!.Value, "purpose",
                    $"{l.Code} sətri məqsədli vəsaitdir ({Funding.Name(l.Funding).Az}): təyinatını göstərin",
                    $"Line {l.Code} carries earmarked money ({Funding.Name(l.Funding).En}): name its purpose");
        foreach (var l in list.Where(l => !l.IsEarmarked && !string.IsNullOrWhiteSpace(l.Purpose)))
        {
            var bound = list.FirstOrDefault(o => o.IsEarmarked && Funding.NeedsSeparateLine(o.Funding) &&
                string.Equals(o.Purpose, l.Purpose, StringComparison.OrdinalIgnoreCase));
            if (bound is not null)
                return RuleCheck.Refuse(new(Acts.FL, "8.5"), "funding",
                    $"\"{l.Purpose}\" üçün həvalə edilmiş/məqsədli vəsait ayrıca sətirdə ({bound.Code}) göstərilməlidir, {l.Code} ümumi sətrində deyil",
                    $"Money for \"{l.Purpose}\" is shown on its own line ({bound.Code}), not on general line {l.Code}");
        }
        return RuleCheck.Allowed;
    }
}
