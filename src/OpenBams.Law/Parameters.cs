namespace OpenBams.Law;

/// <summary>
/// One value of a parameter the law changes over time, in force from <paramref name="ValidFrom"/> until the next value.
/// </summary>
/// <param name="ValidFrom">First day the value applies.</param>
/// <param name="Value">The value, in the parameter's unit.</param>
/// <param name="Citation">The article that sets it; null when the seeds do not.</param>
/// <param name="FromSeeds">Whether the seed documents give this value.</param>
/// <param name="Note">Why the value is what it is, or what to check.</param>
public sealed record ParameterValue(DateOnly ValidFrom, decimal Value, LegalReference? Citation, bool FromSeeds, string? Note);

/// <summary>
/// The history of one effective-dated parameter: which value is in force on a given day.
/// </summary>
public sealed class ParameterTimeline
{
    private readonly ParameterValue[] values;
    private readonly string? name;

    /// <summary>Builds the timeline; <paramref name="name"/> (e.g. the parameter key) is used in error messages.</summary>
    /// <exception cref="ArgumentException">Two values from the same day.</exception>
    public ParameterTimeline(IEnumerable<ParameterValue> values, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        this.name = name;
        this.values = values.Select(v => v ?? throw new ArgumentNullException(nameof(values))).OrderBy(v => v.ValidFrom).ToArray();
        for (var i = 1; i < this.values.Length; i++)
            if (this.values[i].ValidFrom == this.values[i - 1].ValidFrom)
                throw new ArgumentException(
                    $"Two values of {Label} are valid from {Language.Date(this.values[i].ValidFrom)}: {this.values[i - 1].Value} and {this.values[i].Value}. Keep one.",
                    nameof(values));
    }

    /// <summary>The values, by <see cref="ParameterValue.ValidFrom"/>.</summary>
    public IReadOnlyList<ParameterValue> Values => values;

    /// <summary>The value in force on <paramref name="date"/>: the latest one valid from that day or earlier; null if none.</summary>
    public ParameterValue? On(DateOnly date)
    {
        ParameterValue? found = null;
        foreach (var v in values)
        {
            if (v.ValidFrom > date) break;
            found = v;
        }
        return found;
    }

    /// <summary>The number in force on <paramref name="date"/>.</summary>
    /// <exception cref="InvalidOperationException">No value is in force on that day.</exception>
    public decimal ValueOn(DateOnly date) => On(date)?.Value ?? throw new InvalidOperationException(
        values.Length == 0
            ? $"No value of {Label} is in force on {Language.Date(date)}: the parameter has no values at all."
            : $"No value of {Label} is in force on {Language.Date(date)}: the earliest value is valid from {Language.Date(values[0].ValidFrom)}.");

    private string Label => name is null ? "the parameter" : $"'{name}'";
}

/// <summary>A parameter the law changes over time, with the values the product ships.</summary>
/// <param name="Key">Stable key, e.g. "SMV".</param>
/// <param name="NameAz">Name in Azerbaijani.</param>
/// <param name="NameEn">Name in English.</param>
/// <param name="Unit">Unit of the value, e.g. "manat".</param>
/// <param name="Defaults">Values shipped with the product; an administrator adds later ones.</param>
public sealed record LegalParameterDefinition(string Key, string NameAz, string NameEn, string Unit, IReadOnlyList<ParameterValue> Defaults)
{
    /// <summary>The timeline of the shipped values.</summary>
    public ParameterTimeline DefaultTimeline() => new(Defaults, Key);
}

/// <summary>Keys and shipped defaults of the effective-dated legal parameters.</summary>
public static class LegalParameterKeys
{
    /// <summary>
    /// Şərti maliyyə vahidi (ŞMV), the conditional financial unit: the Election Code's money limits are multiples of
    /// it (e.g. EC 225), taken on the day the calling decision is published.
    /// </summary>
    public const string ConditionalFinancialUnit = "SMV";

    /// <summary>Every parameter the kernel knows, with its shipped values.</summary>
    public static IReadOnlyList<LegalParameterDefinition> All { get; } =
    [
        new(ConditionalFinancialUnit, "Şərti maliyyə vahidi", "Conditional financial unit", "manat",
        [
            new ParameterValue(new DateOnly(2006, 1, 1), 1.10m, Citation: null, FromSeeds: false,
                "Value of the conditional financial unit (şərti maliyyə vahidi) set outside the seeds; verify before production"),
        ]),
        .. Taxes.TaxParameters.Definitions,
    ];
}
