namespace OpenBams.Law.Budget;

/// <summary>Which amount of a line the FL 12 proportional cut is proportional to.</summary>
public enum SequestrationBase
{
    /// <summary>The line's appropriation in force (approved + amendments ± reallocations): "məxaricin mütənasib surətdə azaldılması".</summary>
    Appropriation = 0,
    /// <summary>What is still uncommitted on the line (appropriation − committed): nothing already contracted is cut.</summary>
    Available = 1,
}

/// <summary>One line's cut.</summary>
/// <param name="Code">The line.</param>
/// <param name="Base">The amount the cut is proportional to.</param>
/// <param name="Cut">The cut (positive), whole qəpiks.</param>
/// <param name="ExceedsAvailable">The cut is larger than what is still uncommitted on the line: commitments would have to be undone.</param>
public sealed record LineCut(string Code, Money Base, Money Cut, bool ExceedsAvailable);

/// <summary>The result of an FL 12 calculation.</summary>
/// <param name="Required">The deficit exceeds its limit, so the mechanism may be applied (by a council decision).</param>
/// <param name="Excess">Deficit − limit when positive, else 0: the amount the cuts close.</param>
/// <param name="Cuts">One per unprotected line with a positive base (empty when not required); they add up exactly to <see cref="Excess"/>
/// unless <see cref="Check"/> refuses.</param>
/// <param name="Protected">Lines left out: configured as protected, or earmarked.</param>
/// <param name="Check">Refused when the unprotected lines together are smaller than the excess.</param>
public sealed record SequestrationPlan(bool Required, Money Excess, IReadOnlyList<LineCut> Cuts, IReadOnlyList<string> Protected, RuleCheck Check)
{
    /// <summary>The sum of the cuts.</summary>
    public Money TotalCut => Cuts.Aggregate(Money.Zero, (s, c) => s + c.Cut);
}

/// <summary>
/// FL 12: "Əgər bələdiyyə büdcəsinin icrası prosesində mədaxil mənbələri üzrə daxil olan vəsait azalırsa və bu, kəsrin son həddi
/// aşmasına gətirib çıxarsa, məxaricin ixtisarı mexanizmi tətbiq edilə bilər. Məxaricin ixtisarı müdafiə olunmuş maddələr istisna
/// olmaqla, büdcənin bütün maddələri üzrə məxaricin mütənasib surətdə azaldılmasından ibarətdir."
/// </summary>
/// <remarks>
/// The law sets neither the deficit limit ("kəsrin son həddi") nor the protected items: both are the municipality's configuration.
/// Earmarked lines (delegated powers, targeted state money, voluntary-payment projects) are always protected: their money is
/// bound to its purpose (FL 8.5, 11.1; LTP 3.5) and does not come from the revenue whose fall causes the deficit.
/// "May be applied": the plan takes effect only through a council decision (FL 10.4), which the application records.
/// </remarks>
public static class Sequestration
{
    /// <summary>
    /// The cut of each unprotected line, proportional to its base, that closes <c>deficit − limit</c> exactly to the qəpik:
    /// each line gets the whole qəpiks of its exact share, and the qəpiks left over go one each to the lines with the largest
    /// fractional remainders (ties: the larger base, then the code). A deficit at the limit needs no cut; one qəpik above it
    /// needs a cut of one qəpik.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative limit.</exception>
    [Law("FL 12")]
    public static SequestrationPlan Plan(IEnumerable<BudgetLine> lines, Money projectedDeficit, Money deficitLimit,
        IEnumerable<string>? protectedCodes = null, SequestrationBase basis = SequestrationBase.Appropriation)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (deficitLimit < Money.Zero) throw new ArgumentOutOfRangeException(nameof(deficitLimit), deficitLimit, "A deficit limit is not negative.");
        var list = lines.ToArray();
        var protectedSet = new HashSet<string>(protectedCodes ?? [], StringComparer.OrdinalIgnoreCase);
        var isProtected = list.Where(l => l.IsEarmarked || protectedSet.Contains(l.Code)).Select(l => l.Code).ToArray();

        var excess = projectedDeficit - deficitLimit;
        if (excess <= Money.Zero)
            return new(false, Money.Zero, [], isProtected, RuleCheck.Allowed);

        var candidates = list
            .Where(l => !l.IsEarmarked && !protectedSet.Contains(l.Code))
            .Select(l => (Line: l, Base: basis == SequestrationBase.Appropriation ? l.Appropriation : l.Available))
            .Where(x => x.Base > Money.Zero)
            .ToArray();
        var total = candidates.Aggregate(Money.Zero, (s, x) => s + x.Base);
        if (excess > total)
            return new(true, excess, [], isProtected, RuleCheck.Refuse(new(Acts.FL, "12"), "deficitLimit",
                $"Kəsrin həddi aşan hissəsi ({excess.Format("az")}) müdafiə olunmayan maddələrin cəmindən ({total.Format("az")}) çoxdur: mütənasib ixtisar onu bağlaya bilməz",
                $"The excess over the deficit limit ({excess.Format("en")}) is more than all unprotected lines together ({total.Format("en")}): a proportional cut cannot close it"));

        var cuts = LargestRemainder(excess.Qepik, candidates.Select(c => (c.Line.Code, c.Base.Qepik)).ToArray());
        var result = candidates.Select((c, i) =>
        {
            var cut = Money.FromQepik(cuts[i]);
            return new LineCut(c.Line.Code, c.Base, cut, cut > c.Line.Available);
        }).ToArray();
        return new(true, excess, result, isProtected, RuleCheck.Allowed);
    }

    /// <summary>
    /// Shares <paramref name="total"/> qəpiks among <paramref name="weights"/> in proportion, exactly (Hamilton's largest-remainder
    /// method). Weights are positive; the result adds up to <paramref name="total"/>.
    /// </summary>
    public static long[] LargestRemainder(long total, IReadOnlyList<(string Key, long Weight)> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (total < 0) throw new ArgumentOutOfRangeException(nameof(total));
        var n = weights.Count;
        var result = new long[n];
        if (n == 0 || total == 0) return result;
        Int128 sum = 0;
        foreach (var w in weights)
        {
            if (w.Weight <= 0) throw new ArgumentException("Weights must be positive.", nameof(weights));
            sum += w.Weight;
        }
        var remainders = new Int128[n];
        long given = 0;
        for (var i = 0; i < n; i++)
        {
            var exact = (Int128)total * weights[i].Weight;
            result[i] = (long)(exact / sum);
            remainders[i] = exact % sum;
            given += result[i];
        }
        var order = Enumerable.Range(0, n)
            .OrderByDescending(i => remainders[i])
            .ThenByDescending(i => weights[i].Weight)
            .ThenBy(i => weights[i].Key, StringComparer.Ordinal)
            .ToArray();
        for (var k = 0; given < total; k++, given++) result[order[k]]++;
        return result;
    }

    /// <summary>The lines with their cuts applied as an amendment (FL 10.4), once the council has decided.</summary>
    [Law("FL 12")]
    [Law("FL 10.4")]
    public static IReadOnlyList<BudgetLine> Apply(IEnumerable<BudgetLine> lines, SequestrationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(plan);
        plan.Check.ThrowIfRefused();
        var byCode = plan.Cuts.ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);
        return lines.Select(l => byCode.TryGetValue(l.Code, out var c) ? l with { Amendments = l.Amendments - c.Cut } : l).ToArray();
    }
}
