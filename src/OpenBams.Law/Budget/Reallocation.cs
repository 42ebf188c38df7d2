namespace OpenBams.Law.Budget;

/// <summary>
/// The municipality's limit on moving money out of one line during the year. FL 11.1 sets none: it allows changes "within the
/// approved appropriation" and excludes only targeted state funds. A municipality that wants a limit (e.g. in its charter or its
/// budget decision) sets <see cref="MaxShareOutOfLine"/>; the default is no limit.
/// </summary>
/// <param name="MaxShareOutOfLine">
/// The most that may leave a line in the year, in total, as a share (0-1] of its approved amount plus amendments, compared
/// exactly (never rounded up to the qəpik); null = no limit.
/// </param>
public sealed record ReallocationLimit(decimal? MaxShareOutOfLine)
{
    /// <summary>No limit: the seeds give none (FL 11.1).</summary>
    public static ReallocationLimit None { get; } = new((decimal?)null);

    /// <summary>A share limit; <paramref name="share"/> in (0, 1].</summary>
    public static ReallocationLimit Share(decimal share)
    {
        if (share <= 0m || share > 1m) throw new ArgumentOutOfRangeException(nameof(share), share, "A share is more than 0 and at most 1.");
        return new(share);
    }
}

/// <summary>The two lines after an allowed reallocation, and the check.</summary>
public sealed record ReallocationDecision(RuleCheck Check, BudgetLine From, BudgetLine To)
{
    /// <summary>Allowed.</summary>
    public bool IsAllowed => Check.IsAllowed;
}

/// <summary>
/// FL 11.1: "Bələdiyyələr dövlət büdcəsindən alınmış məqsədli vəsaitlər istisna olmaqla, yerli büdcənin icrası prosesində mədaxil
/// və məxaric maddələrində büdcə təsnifatı üzrə təsdiq edilmiş təxsisat həddində dəyişikliklər apara bilərlər." Money moves
/// between lines of the same budget, within what the source line still has, never from or to a line of targeted state money,
/// delegated powers (FL 8.5, SL 40.3) or a voluntary payment's project (LTP 3.5, FL 7.3).
/// </summary>
public static class Reallocations
{
    /// <summary>Checks moving <paramref name="amount"/> from <paramref name="source"/> to <paramref name="target"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A zero or negative amount.</exception>
    [Law("FL 11.1")]
    [Law("FL 8.5")]
    [Law("SL 40.3")]
    [Law("LTP 3.5")]
    public static ReallocationDecision Check(BudgetLine source, BudgetLine target, Money amount, ReallocationLimit? limit = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        if (amount <= Money.Zero) throw new ArgumentOutOfRangeException(nameof(amount), amount, "A reallocation moves a positive amount.");
        limit ??= ReallocationLimit.None;
        var fl111 = new LegalReference(Acts.FL, "11.1");

        ReallocationDecision No(LegalReference rule, string field, string az, string en) => new(RuleCheck.Refuse(rule, field, az, en), source, target);

        if (source.Budget != target.Budget)
            return No(fl111, "toLine",
                $"Vəsait yalnız eyni büdcənin sətirləri arasında yerdəyişə bilər: {source.Code} və {target.Code} fərqli büdcələrdədir",
                $"Money moves only between lines of the same budget: {source.Code} and {target.Code} are in different budgets");
        if (string.Equals(source.Code, target.Code, StringComparison.OrdinalIgnoreCase))
            return No(fl111, "toLine", "Vəsait eyni sətrə köçürülə bilməz", "A line cannot reallocate to itself");
        foreach (var (line, field, dirAz, dirEn) in new[] { (source, "fromLine", "sətrindən", "from"), (target, "toLine", "sətrinə", "to") })
            if (line.IsEarmarked)
            {
                var (nameAz, nameEn) = Funding.Name(line.Funding);
                return No(Funding.LockedBy(line.Funding)!.Value, field,
                    $"{line.Code} {dirAz} vəsait yerdəyişə bilməz: sətir {nameAz} ({line.Purpose}) üçündür və yalnız təyinatı üzrə istifadə olunur",
                    $"No reallocation {dirEn} line {line.Code}: it carries {nameEn} ({line.Purpose}), usable only for that purpose");
            }
        if (amount > source.Available)
            return No(fl111, "amount",
                $"{source.Code} sətrindən köçürülən məbləğ ({amount.Format("az")}) sətrin qalığını ({source.Available.Format("az")}) aşır",
                $"The amount ({amount.Format("en")}) exceeds what line {source.Code} still has available ({source.Available.Format("en")})");
        if (limit.MaxShareOutOfLine is { } share)
        {
            // Compared exactly: a share of 1234.56 at 10 % is 123.456, so 123.45 passes and 123.46 does not; the cap shown is
            // rounded down to the qəpik, the most that may move.
            var exact = (source.Approved + source.Amendments).Amount * share;
            var cap = Money.FromQepik((long)Math.Floor(exact * 100m));
            if ((source.ReallocatedOut + amount).Amount > exact)
                return No(fl111, "amount",
                    $"{source.Code} sətrindən il ərzində köçürülən cəm ({(source.ReallocatedOut + amount).Format("az")}) bələdiyyənin həddini ({Percent(share)}, {cap.Format("az")}) aşır",
                    $"The total moved out of line {source.Code} this year ({(source.ReallocatedOut + amount).Format("en")}) exceeds the municipality's limit ({Percent(share)}, {cap.Format("en")})");
        }
        return new(RuleCheck.Allowed, source with { ReallocatedOut = source.ReallocatedOut + amount }, target with { ReallocatedIn = target.ReallocatedIn + amount });
    }

    private static string Percent(decimal share) =>
        (share * 100m).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "%";
}
