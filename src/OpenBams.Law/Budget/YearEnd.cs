namespace OpenBams.Law.Budget;

/// <summary>
/// The money of one pool at the year's end: the general (free) money, or the money bound to one purpose.
/// </summary>
/// <param name="Funding">General, or the kind of earmark.</param>
/// <param name="Purpose">The earmark's purpose (power, subvention, project); null for general money.</param>
/// <param name="Opening">Carried in from last year.</param>
/// <param name="Received">Revenue received in the year.</param>
/// <param name="Paid">Payments made in the year.</param>
public sealed record FundPool(LineFunding Funding, string? Purpose, Money Opening, Money Received, Money Paid)
{
    /// <summary>Opening + received − paid.</summary>
    public Money Balance => Opening + Received - Paid;
}

/// <summary>A commitment that ends unpaid with the year (FL 11.2).</summary>
public sealed record EndedCommitment(string LineCode, Money Unpaid);

/// <summary>What an earmarked pool does with an unspent balance.</summary>
public enum EarmarkedBalanceTreatment
{
    /// <summary>Carried forward, still bound to its purpose (default: FL 11.2 with FL 7.3, 8.5, 11.1; LTP 3.5).</summary>
    CarryForwardEarmarked = 0,
    /// <summary>Returned to the body that gave it, where its own act requires it (not in the seeds).</summary>
    ReturnToGrantor = 1,
}

/// <summary>One earmarked balance after the close.</summary>
/// <param name="Funding">The kind of earmark.</param>
/// <param name="Purpose">Its purpose.</param>
/// <param name="Balance">Unspent money.</param>
/// <param name="Treatment">Carried forward earmarked, or returned.</param>
/// <param name="Article">Why it is treated so.</param>
public sealed record EarmarkedBalance(LineFunding Funding, string Purpose, Money Balance, EarmarkedBalanceTreatment Treatment, LegalReference Article);

/// <summary>The year-end close of one budget.</summary>
/// <param name="Budget">The closed budget.</param>
/// <param name="EndedCommitments">Open commitments that end (FL 11.2).</param>
/// <param name="FreeBalance">General money left: at the municipality's disposal (FL 5.3, 11.2); negative when more was paid than was in hand.</param>
/// <param name="Earmarked">Earmarked balances and what happens to them.</param>
/// <param name="Overspent">Earmarked pools where more was paid than was in hand (LTP 3.5, FL 11.1 broken during the year).</param>
public sealed record YearEndClose(
    BudgetRef Budget, IReadOnlyList<EndedCommitment> EndedCommitments, Money FreeBalance,
    IReadOnlyList<EarmarkedBalance> Earmarked, IReadOnlyList<FundPool> Overspent)
{
    /// <summary>Next year's opening balances: the free balance, and every earmarked balance carried forward, still earmarked.</summary>
    public IReadOnlyList<FundPool> NextYearOpening =>
    [
        new FundPool(LineFunding.General, null, FreeBalance, Money.Zero, Money.Zero),
        .. Earmarked.Where(e => e.Treatment == EarmarkedBalanceTreatment.CarryForwardEarmarked)
            .Select(e => new FundPool(e.Funding, e.Purpose, e.Balance, Money.Zero, Money.Zero)),
    ];

    /// <summary>Total of the commitments that ended unpaid.</summary>
    public Money EndedTotal => EndedCommitments.Aggregate(Money.Zero, (s, c) => s + c.Unpaid);
}

/// <summary>
/// FL 11.2: "Yerli büdcələrin icrası zamanı qəbul edilmiş öhdəliklər üzrə əməliyyətlər büdcə ili qurtardıqda başa çatır və
/// istifadə olunmayan vəsait bələdiyyələrin sərəncamında qalır." FL 5.3: "Bələdiyyə yerli büdcənin maliyyə ilinin sonuna əmələ
/// gəlmiş sərbəst qalıqlarına müstəqil sərəncam verir."
/// </summary>
/// <remarks>
/// Earmarked money: the seeds do not return unspent targeted money to the state; FL 11.2 leaves unused funds with the municipality,
/// and FL 7.3 / LTP 3.5 ("yalnız təyinatı üzrə istifadə olunmalıdır"), FL 8.5 and FL 11.1 keep it bound to its purpose. So an
/// earmarked balance carries forward and stays earmarked, unless the caller names the pools whose own act (a subvention agreement,
/// the state budget law — not in the seeds) requires a return.
/// </remarks>
public static class YearEndRules
{
    /// <summary>Closes the year: ends open commitments, carries the free balance and the earmarked balances forward.</summary>
    /// <param name="budget">The budget.</param>
    /// <param name="lines">Its expenditure lines (for the open commitments).</param>
    /// <param name="pools">The money pools: at most one general, one per earmarked purpose.</param>
    /// <param name="returnToGrantor">Purposes whose unspent money goes back (default none).</param>
    /// <exception cref="ArgumentException">Lines of another budget, or two pools for one purpose.</exception>
    [Law("FL 11.2")]
    [Law("FL 5.3")]
    [Law("LTP 3.5")]
    public static YearEndClose Close(BudgetRef budget, IEnumerable<BudgetLine> lines, IEnumerable<FundPool> pools, IEnumerable<string>? returnToGrantor = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(pools);
        var lineList = lines.ToArray();
        if (lineList.Any(l => l.Budget != budget)) throw new ArgumentException("A line belongs to another budget.", nameof(lines));
        var poolList = pools.ToArray();
        var dup = poolList.GroupBy(p => (p.Funding == LineFunding.General ? "" : p.Purpose ?? "").ToUpperInvariant()).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw new ArgumentException($"Two pools for one purpose ('{dup.Key}'): merge them.", nameof(pools));
        if (poolList.Any(p => p.Funding != LineFunding.General && string.IsNullOrWhiteSpace(p.Purpose)))
            throw new ArgumentException("An earmarked pool names its purpose.", nameof(pools));
        var back = new HashSet<string>(returnToGrantor ?? [], StringComparer.OrdinalIgnoreCase);

        var ended = lineList.Where(l => l.OpenCommitments > Money.Zero).Select(l => new EndedCommitment(l.Code, l.OpenCommitments)).ToArray();
        var free = poolList.Where(p => p.Funding == LineFunding.General).Aggregate(Money.Zero, (s, p) => s + p.Balance);
        var earmarked = poolList.Where(p => p.Funding != LineFunding.General && p.Balance > Money.Zero)
            .Select(p => back.Contains(p.Purpose!)
                ? new EarmarkedBalance(p.Funding, p.Purpose!, p.Balance, EarmarkedBalanceTreatment.ReturnToGrantor, new(Acts.FL, "11.2"))
                : new EarmarkedBalance(p.Funding, p.Purpose!, p.Balance, EarmarkedBalanceTreatment.CarryForwardEarmarked,
                    Funding.LockedBy(p.Funding) ?? new(Acts.FL, "11.2")))
            .ToArray();
        var overspent = poolList.Where(p => p.Funding != LineFunding.General && p.Balance < Money.Zero).ToArray();
        return new(budget, ended, free, earmarked, overspent);
    }
}
