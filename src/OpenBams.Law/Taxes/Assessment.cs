using System.Globalization;

namespace OpenBams.Law.Taxes;

/// <summary>A municipal rate in force for a year, from the decision that set it (SL 43.3).</summary>
/// <param name="Decision">The decision's code for the explanation, e.g. "3/2027".</param>
public sealed record RateInForce(string RateClass, decimal Rate, string Decision, DateOnly ValidFrom);

/// <summary>LTP 10.2: how a municipal relief lightens a tax for a category of taxpayers.</summary>
public enum ReliefKind
{
    /// <summary>Full exemption.</summary>
    Exemption = 0,
    /// <summary>Partial exemption: the tax is reduced by a percentage.</summary>
    PercentReduction = 1,
    /// <summary>A lower rate for the category (replaces the rate of <see cref="ReliefInForce.RateClass"/>).</summary>
    ReducedRate = 2,
}

/// <summary>A municipal relief in force (LTP 10.2), decided by the council like a rate (SL 43.3).</summary>
/// <param name="Category">The taxpayer category it is for; a taxpayer lists the categories they belong to.</param>
/// <param name="Value">Percent for <see cref="ReliefKind.PercentReduction"/>, the rate for <see cref="ReliefKind.ReducedRate"/>.</param>
/// <param name="RateClass">For a reduced rate, the class it replaces; null applies a percent or exemption to every class of the tax.</param>
public sealed record ReliefInForce(long Id, LocalTax Tax, string Category, ReliefKind Kind, decimal Value, string? RateClass, string Decision);

/// <summary>What a line's object is taxed on.</summary>
public abstract record ObjectBase(ObjectKind Kind, long Id, string Label);

/// <param name="SettlementGroup">For non-agricultural land, the Tax Code's settlement group (RateClasses.SettlementGroups).</param>
/// <param name="ScorePoints">LML 18.5-18.6: conditional score points per hectare, set by the cadastral valuation.</param>
public sealed record PlotBase(long Id, string Label, decimal AreaSqm, LandCategory Category, decimal? ScorePoints, string? SettlementGroup,
    LandExemption Exemption) : ObjectBase(ObjectKind.LandPlot, Id, Label);

/// <param name="Value">LTP 5.3-5.4: the value from the municipality's valuation or an independent appraisal.</param>
public sealed record BuildingBase(long Id, string Label, decimal Value, decimal AreaSqm) : ObjectBase(ObjectKind.Building, Id, Label);

public sealed record VehicleBase(long Id, string Label, VehicleKind VehicleKind, int EngineCc) : ObjectBase(ObjectKind.Vehicle, Id, Label);

/// <summary>A taxpayer's holding of one object in the year.</summary>
/// <param name="Weight">The taxpayer's part of the object: the ownership share, or for land under a building held by several persons
/// its part by building area (LML 18.12).</param>
/// <param name="WeightNote">How the weight was found when it is not the plain share, e.g. "LML 18.12: 60 of 150 m²".</param>
public sealed record Holding(ObjectBase Object, HoldingRight Right, decimal Weight, string WeightText, int Months, string? WeightNote = null);

/// <summary>Why a line is what it is.</summary>
public enum LineOutcome
{
    Taxed = 0,
    /// <summary>LML 18.8: land that is not taxed.</summary>
    Exempt = 1,
    /// <summary>FL 7.2: the municipality has no rate in force for this class, so the tax is not applied to it.</summary>
    NoRate = 2,
    /// <summary>LML 19: a lessee pays rent, not land tax.</summary>
    NotTaxable = 3,
    /// <summary>A number the computation needs is missing (score points, value, engine capacity).</summary>
    MissingData = 4,
}

/// <summary>One computed line of a payment notice: object, base, rate, decision, relief and article.</summary>
public sealed record AssessedLine(
    LocalTax Tax, ObjectKind ObjectKind, long ObjectId, string ObjectLabel, string? RateClass, decimal BaseValue, RateUnit Unit,
    decimal Rate, string? Decision, decimal Weight, string WeightText, int Months, Money Gross, Money Relief, Money Net,
    string? ReliefNote, LegalReference Citation, LineOutcome Outcome, string? WeightNote)
{
    public AssessedLine WithRelief(Money relief, string note) =>
        this with { Relief = Relief + relief, Net = Net - relief, ReliefNote = ReliefNote is null ? note : ReliefNote + "; " + note };

    /// <summary>The base in the unit its rate is set per, e.g. "1800 sm³" or "600 m² = 6 × 100 m²".</summary>
    public static string BaseText(RateUnit unit, decimal baseValue, string lang)
    {
        var az = Language.IsAz(lang);
        return unit switch
        {
            RateUnit.PerScorePointHectare => az ? $"{Number(baseValue, "0.0000", az)} bal·ha" : $"{Number(baseValue, "0.0000", az)} point·ha",
            RateUnit.Per100SquareMetres => $"{Number(baseValue * 100m, "0.##", az)} m² = {Number(baseValue, "0.####", az)} × 100 m²",
            RateUnit.PercentOfValue => $"{Number(baseValue, "0.00", az)} ₼",
            RateUnit.PerCubicCentimetre => $"{Number(baseValue, "0", az)} {(az ? "sm³" : "cm³")}",
            _ => Number(baseValue, "0.####", az),
        };
    }

    /// <summary>The rate with its unit, e.g. "0,02 ₼ / sm³".</summary>
    public static string RateText(RateUnit unit, decimal rate, string lang)
    {
        var az = Language.IsAz(lang);
        var name = RateClasses.UnitName(unit);
        return $"{Number(rate, "0.######", az)} {(az ? name.Az : name.En)}";
    }

    private static string Number(decimal d, string format, bool az) => d.ToString(format, CultureInfo.InvariantCulture).Replace('.', az ? ',' : '.');

    /// <summary>The line in words, e.g. "0,0600 ha × 45 bal × 0,06 ₼ (qərar 3/2027, LML 18.5) × 1/2 × 12/12 ay = 0,08 ₼".</summary>
    public string Explain(string lang)
    {
        var az = Language.IsAz(lang);
        var what = Outcome switch
        {
            LineOutcome.Exempt => az ? $"vergiyə cəlb edilmir ({Citation})" : $"not taxed ({Citation})",
            LineOutcome.NoRate => az ? "bələdiyyənin bu sinif üçün qüvvədə olan dərəcəsi yoxdur (FL 7.2)" : "no municipal rate in force for this class (FL 7.2)",
            LineOutcome.NotTaxable => az ? "icarəçi torpaq vergisi deyil, icarə haqqı ödəyir (LML 19)" : "a lessee pays rent, not land tax (LML 19)",
            LineOutcome.MissingData => az ? "hesablama üçün məlumat çatışmır: " + MissingWhat(true) : "data needed for the computation is missing: " + MissingWhat(false),
            _ => null,
        };
        if (what is not null) return $"{ObjectLabel}: {what}";
        var baseText = BaseText(Unit, BaseValue, lang);
        var rate = RateText(Unit, Rate, lang);
        var decision = Decision is null ? "" : az ? $"qərar {Decision}, " : $"decision {Decision}, ";
        var sb = new System.Text.StringBuilder();
        sb.Append($"{ObjectLabel}: {baseText} × {rate} ({decision}{Citation})");
        if (WeightText != "1/1") sb.Append($" × {WeightText}{(WeightNote is null ? "" : $" ({WeightNote})")}");
        if (Months != 12) sb.Append($" × {Months}/12 {(az ? "ay" : "months")}");
        sb.Append($" = {Gross.Format(lang)}");
        if (Relief != Money.Zero) sb.Append($"; {(az ? "güzəşt" : "relief")} −{Relief.Format(lang)} ({ReliefNote}) → {Net.Format(lang)}");
        return sb.ToString();
    }

    private string MissingWhat(bool az) => ObjectKind switch
    {
        ObjectKind.LandPlot when Unit == RateUnit.PerScorePointHectare => az ? "şərti bal (LML 18.6)" : "conditional score points (LML 18.6)",
        ObjectKind.LandPlot => az ? "yaşayış məntəqəsi qrupu" : "settlement group",
        ObjectKind.Building => az ? "binanın dəyəri (LTP 5.3)" : "the building's value (LTP 5.3)",
        _ => az ? "mühərrikin həcmi" : "engine capacity",
    };
}

/// <summary>
/// The annual land and property tax of natural persons (LML 18; LTP 5, 8.0.1-8.0.2, 10), line by line.
/// </summary>
public static class TaxAssessment
{
    /// <summary>
    /// LML 18.2, 18.10: the tax is a fixed annual amount per object, taken from the title documents. Choice (the monthly
    /// rule is the Tax Code's, not the seeds'): the holder on the first day of a month pays for that month, so a sale
    /// in the year splits the year between seller and buyer with no month paid twice.
    /// </summary>
    [Law("LML 18.2")]
    public static int HoldingMonths(int year, DateOnly from, DateOnly? to)
    {
        var months = 0;
        for (var m = 1; m <= 12; m++)
        {
            var first = new DateOnly(year, m, 1);
            if (from <= first && (to is null || to.Value > first)) months++;
        }
        return months;
    }

    /// <summary>
    /// One holding's line: LML 18.5 (agricultural land: hectares × score points × rate), LML 18.7 (other land per 100 m²),
    /// LTP 5.3 (buildings: percent of value), LTP 5.1 (vehicles per cm³); LML 18.8 exemptions; FL 7.2 no rate, no tax.
    /// The gross is rounded once: annual tax × weight × months / 12.
    /// </summary>
    [Law("LML 18.5")]
    [Law("LML 18.7")]
    [Law("LML 18.8")]
    [Law("LTP 5.1")]
    [Law("LTP 5.3")]
    [Law("FL 7.2")]
    public static AssessedLine Line(Holding h, Func<string, RateInForce?> rateFor)
    {
        var o = h.Object;
        var tax = o.Kind == ObjectKind.LandPlot ? LocalTax.LandTax : LocalTax.PropertyTax;
        string? rateClass;
        decimal baseValue;
        RateUnit unit;
        LegalReference cite;
        bool missing;
        switch (o)
        {
            case PlotBase p:
                rateClass = RateClasses.ForPlot(p.Category, p.SettlementGroup);
                if (p.Category == LandCategory.Agricultural)
                {
                    unit = RateUnit.PerScorePointHectare;
                    cite = new(Acts.LML, "18.5");
                    missing = p.ScorePoints is null or <= 0;
                    baseValue = p.AreaSqm / 10_000m * (p.ScorePoints ?? 0m);
                }
                else
                {
                    unit = RateUnit.Per100SquareMetres;
                    cite = new(Acts.LML, "18.7");
                    missing = rateClass is null && p.Category is LandCategory.Residential or LandCategory.NonResidential;
                    baseValue = p.AreaSqm / 100m;
                }
                if (p.Exemption != LandExemption.None || p.Category is LandCategory.PublicUse)
                {
                    var article = p.Exemption switch
                    {
                        LandExemption.MunicipalOwnedOrUsed => "18.8.2",
                        LandExemption.MunicipalForestWaterNotInProduction => "18.8.3",
                        _ => "18.8.1",
                    };
                    return Empty(h, tax, rateClass, baseValue, unit, new(Acts.LML, article), LineOutcome.Exempt);
                }
                break;
            case BuildingBase b:
                rateClass = RateClasses.Building;
                unit = RateUnit.PercentOfValue;
                cite = new(Acts.LTP, "5.3");
                missing = b.Value <= 0;
                baseValue = b.Value;
                break;
            case VehicleBase v:
                rateClass = RateClasses.Vehicle(v.VehicleKind);
                unit = RateUnit.PerCubicCentimetre;
                cite = new(Acts.LTP, "5.1");
                missing = v.EngineCc <= 0;
                baseValue = v.EngineCc;
                break;
            default:
                throw new ArgumentException("Unknown object", nameof(h));
        }
        if (missing) return Empty(h, tax, rateClass, baseValue, unit, cite, LineOutcome.MissingData);
        if (h.Right == HoldingRight.Lease) return Empty(h, tax, rateClass, baseValue, unit, new(Acts.LML, "19.1"), LineOutcome.NotTaxable);
        var rate = rateClass is null ? null : rateFor(rateClass);
        if (rate is null) return Empty(h, tax, rateClass, baseValue, unit, new(Acts.FL, "7.2"), LineOutcome.NoRate);
        var gross = Money.Manat(Annual(baseValue, unit, rate.Rate) * h.Weight * h.Months / 12m);
        return new AssessedLine(tax, o.Kind, o.Id, o.Label, rateClass, baseValue, unit, rate.Rate, rate.Decision, h.Weight, h.WeightText,
            h.Months, gross, Money.Zero, gross, null, cite, LineOutcome.Taxed, h.WeightNote);
    }

    private static decimal Annual(decimal baseValue, RateUnit unit, decimal rate) =>
        unit == RateUnit.PercentOfValue ? baseValue * rate / 100m : baseValue * rate;

    private static AssessedLine Empty(Holding h, LocalTax tax, string? rateClass, decimal baseValue, RateUnit unit, LegalReference cite, LineOutcome outcome) =>
        new(tax, h.Object.Kind, h.Object.Id, h.Object.Label, rateClass, baseValue, unit, 0m, null, h.Weight, h.WeightText, h.Months,
            Money.Zero, Money.Zero, Money.Zero, null, cite, outcome, h.WeightNote);

    /// <summary>
    /// LTP 10.2: the municipality's reliefs for the taxpayer's categories. Where several apply to one line, the most
    /// favourable one is used (choice: reliefs do not add up unless the council says so in one relief).
    /// </summary>
    [Law("LTP 10.2")]
    public static AssessedLine ApplyMunicipalReliefs(AssessedLine line, IEnumerable<ReliefInForce> reliefs, IReadOnlySet<string> categories)
    {
        if (line.Outcome != LineOutcome.Taxed || line.Net == Money.Zero) return line;
        Money best = Money.Zero;
        ReliefInForce? chosen = null;
        foreach (var r in reliefs)
        {
            if (r.Tax != line.Tax || !categories.Contains(r.Category)) continue;
            if (r.RateClass is not null && !string.Equals(r.RateClass, line.RateClass, StringComparison.OrdinalIgnoreCase)) continue;
            var amount = r.Kind switch
            {
                ReliefKind.Exemption => line.Net,
                ReliefKind.PercentReduction => Money.Manat(line.Gross.Amount * Math.Clamp(r.Value, 0m, 100m) / 100m),
                _ => r.Value >= line.Rate ? Money.Zero
                    : line.Gross - Money.Manat(Annual(line.BaseValue, line.Unit, r.Value) * line.Weight * line.Months / 12m),
            };
            if (amount > line.Net) amount = line.Net;
            if (amount > best) { best = amount; chosen = r; }
        }
        if (chosen is null) return line;
        var inv = CultureInfo.InvariantCulture;
        var what = chosen.Kind switch
        {
            ReliefKind.Exemption => "exemption",
            ReliefKind.PercentReduction => $"{chosen.Value.ToString("0.##", inv)}%",
            _ => $"rate {chosen.Value.ToString("0.######", inv)}",
        };
        return line.WithRelief(best, $"LTP 10.2 {chosen.Category}: {what}, {chosen.Decision}");
    }

    /// <summary>
    /// LML 18.9: "Vergi Məcəlləsinin 102.2-ci maddəsində göstərilən şəxslərin mülkiyyətində olan torpaqlara görə torpaq
    /// vergisinin məbləği on manat azaldılır" — on one plot the owner chooses; never below zero. Without a recorded choice
    /// the plot with the largest tax gets it (choice: the most favourable plot, documented).
    /// </summary>
    [Law("LML 18.9")]
    public static IReadOnlyList<AssessedLine> ApplyStatutoryReduction(IReadOnlyList<AssessedLine> lines, bool isEntitled, long? chosenPlotId,
        Money reduction, IReadOnlyCollection<long> ownedPlotIds)
    {
        if (!isEntitled || reduction <= Money.Zero) return lines;
        bool Eligible(AssessedLine l) => l.Tax == LocalTax.LandTax && l.ObjectKind == ObjectKind.LandPlot && l.Outcome == LineOutcome.Taxed
                                         && l.Net > Money.Zero && ownedPlotIds.Contains(l.ObjectId);
        var index = -1;
        if (chosenPlotId is { } chosen)
            index = IndexOf(lines, l => Eligible(l) && l.ObjectId == chosen);
        if (index < 0)
        {
            var best = Money.Zero;
            for (var i = 0; i < lines.Count; i++)
                if (Eligible(lines[i]) && lines[i].Net > best) { best = lines[i].Net; index = i; }
        }
        if (index < 0) return lines;
        var result = lines.ToArray();
        var l = result[index];
        var amount = l.Net < reduction ? l.Net : reduction;
        result[index] = l.WithRelief(amount, "LML 18.9");
        return result;
    }

    private static int IndexOf(IReadOnlyList<AssessedLine> lines, Func<AssessedLine, bool> p)
    {
        for (var i = 0; i < lines.Count; i++) if (p(lines[i])) return i;
        return -1;
    }

    /// <summary>
    /// LML 18.12: land under (or serving) a building owned separately by several persons is taxed "in proportion to each
    /// person's building area". The weight of one holder's part: its area on the plot over all building area on the plot.
    /// </summary>
    [Law("LML 18.12")]
    public static decimal BuildingAreaWeight(decimal holderArea, decimal totalArea)
    {
        if (totalArea <= 0) throw new ArgumentOutOfRangeException(nameof(totalArea), "The plot's building area must be positive.");
        if (holderArea < 0 || holderArea > totalArea) throw new ArgumentOutOfRangeException(nameof(holderArea));
        return holderArea / totalArea;
    }

    /// <summary>The notice's totals per tax, in qəpik: the sum of the lines' net amounts.</summary>
    public static IReadOnlyDictionary<LocalTax, Money> Totals(IEnumerable<AssessedLine> lines) =>
        lines.GroupBy(l => l.Tax).ToDictionary(g => g.Key, g => g.Aggregate(Money.Zero, (s, l) => s + l.Net));

    /// <summary>
    /// A stable fingerprint of a taxpayer's lines: a re-run with the same result changes nothing; a different one makes
    /// a visible adjustment (FNV-1a over the fields that decide the amounts).
    /// </summary>
    public static string Fingerprint(IEnumerable<AssessedLine> lines)
    {
        const ulong offset = 14695981039346656037, prime = 1099511628211;
        var h = offset;
        void Add(string s)
        {
            foreach (var ch in s) { h ^= ch; h *= prime; }
            h ^= '|'; h *= prime;
        }
        var inv = CultureInfo.InvariantCulture;
        foreach (var l in lines.OrderBy(l => l.Tax).ThenBy(l => l.ObjectKind).ThenBy(l => l.ObjectId).ThenBy(l => l.WeightText, StringComparer.Ordinal))
        {
            Add(((int)l.Tax).ToString(inv)); Add(((int)l.ObjectKind).ToString(inv)); Add(l.ObjectId.ToString(inv));
            Add(l.BaseValue.ToString(inv)); Add(l.Rate.ToString(inv)); Add(l.WeightText); Add(l.Months.ToString(inv));
            Add(l.Gross.Qepik.ToString(inv)); Add(l.Net.Qepik.ToString(inv)); Add(((int)l.Outcome).ToString(inv));
        }
        return h.ToString("x16", inv);
    }
}
