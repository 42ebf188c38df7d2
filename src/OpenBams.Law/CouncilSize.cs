namespace OpenBams.Law;

/// <summary>Where a council's number of seats comes from.</summary>
public enum CouncilSizeSource
{
    /// <summary>The Election Code's table (EC 210.2.1–210.2.8).</summary>
    Law,
    /// <summary>An explicit, justified decision where the law gives no number.</summary>
    Override,
    /// <summary>Not known yet: population missing, or the law is silent and no override was given.</summary>
    Unknown,
}

/// <summary>What EC 210.2 says for one population. Only <see cref="CouncilSize.ForPopulation"/> makes these.</summary>
public sealed record CouncilSizeDetermination
{
    internal CouncilSizeDetermination(int? seats, LegalReference reference, int bandFrom, int? bandTo, string explainAz, string explainEn)
    {
        Seats = seats;
        Reference = reference;
        BandFrom = bandFrom;
        BandTo = bandTo;
        ExplainAz = explainAz;
        ExplainEn = explainEn;
    }

    /// <summary>Seats the law gives; null when the law gives no number.</summary>
    public int? Seats { get; }

    /// <summary>Whether the law gives a number for this population.</summary>
    public bool DefinedByLaw => Seats.HasValue;

    /// <summary>The sub-paragraph of the band (EC 210.2.1 … EC 210.2.8), or EC 210.2 when the law is silent.</summary>
    public LegalReference Reference { get; }

    /// <summary>First population of the band (inclusive).</summary>
    public int BandFrom { get; }

    /// <summary>Last population of the band (inclusive); null when the band is open.</summary>
    public int? BandTo { get; }

    /// <summary>Explanation in Azerbaijani.</summary>
    public string ExplainAz { get; }

    /// <summary>Explanation in English.</summary>
    public string ExplainEn { get; }
}

/// <summary>The council size a municipality works with, and why. Only <see cref="CouncilSize.Resolve"/> makes these.</summary>
public sealed record CouncilSizeDecision
{
    internal CouncilSizeDecision(int? seats, CouncilSizeSource source, CouncilSizeDetermination? determination, string? justification)
    {
        Seats = seats;
        Source = source;
        Determination = determination;
        Justification = justification;
    }

    /// <summary>Number of seats; null when <see cref="Source"/> is <see cref="CouncilSizeSource.Unknown"/>.</summary>
    public int? Seats { get; }

    /// <summary>Law, override or unknown.</summary>
    public CouncilSizeSource Source { get; }

    /// <summary>What the law says for the population; null when the population is unknown.</summary>
    public CouncilSizeDetermination? Determination { get; }

    /// <summary>The override's justification (trimmed); null unless <see cref="Source"/> is Override.</summary>
    public string? Justification { get; }

    /// <summary>Deconstructs into its four parts.</summary>
    public void Deconstruct(out int? seats, out CouncilSizeSource source, out CouncilSizeDetermination? determination, out string? justification)
    {
        seats = Seats;
        source = Source;
        determination = Determination;
        justification = Justification;
    }
}

/// <summary>
/// EC 210.2 — number of council members elected per electoral territory, by population.
/// <para>"Seçki əraziləri üzrə aşağıdakı sayda bələdiyyə üzvləri seçilir: … əhalisi 500-dən az olan ərazilərdə — 5 bələdiyyə üzvü; …
/// əhalisi 100000-dən 299.999-dək olan ərazilərdə — 19 bələdiyyə üzvü." (seed 003)</para>
/// </summary>
[Law("EC 210.2")]
public static class CouncilSize
{
    /// <summary>Shortest justification accepted for an override: a sentence, not a word.</summary>
    public const int MinimumJustificationLength = 20;

    /// <summary>Smallest override where the law is silent: the top band's 19 (a bigger territory never gets fewer seats).</summary>
    public const int MinimumOverrideSeats = 19;

    /// <summary>Largest override accepted; a sanity bound, not a legal number.</summary>
    public const int MaximumOverrideSeats = 99;

    /// <summary>Smallest council the law knows (EC 210.2.1); the floor of an override when the population is unknown.</summary>
    public const int SmallestLegalCouncil = 5;

    /// <summary>First population the law gives no number for.</summary>
    public const int UndefinedFrom = 300_000;

    private sealed record Band(int From, int To, int Seats, string Article);

    // EC 210.2.1 … 210.2.8, as printed in seed 003.
    private static readonly Band[] Bands =
    [
        new(0, 499, 5, "210.2.1"),
        new(500, 999, 7, "210.2.2"),
        new(1_000, 4_999, 9, "210.2.3"),
        new(5_000, 9_999, 11, "210.2.4"),
        new(10_000, 19_999, 13, "210.2.5"),
        new(20_000, 49_999, 15, "210.2.6"),
        new(50_000, 99_999, 17, "210.2.7"),
        new(100_000, 299_999, 19, "210.2.8"),
    ];

    private static readonly LegalReference Article = new(Acts.EC, "210.2");

    /// <summary>
    /// The seats EC 210.2 gives for a population. For 300 000 and more the law gives no number:
    /// <see cref="CouncilSizeDetermination.Seats"/> is null and an explicit, justified override is required
    /// (see <see cref="Resolve"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative population.</exception>
    [Law("EC 210.2")]
    public static CouncilSizeDetermination ForPopulation(int population)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(population);
        foreach (var b in Bands)
        {
            if (population > b.To) continue;
            var reference = new LegalReference(Acts.EC, b.Article);
            var (az, en) = b.From == 0
                ? ($"Əhalisi {population} nəfər: əhalisi 500-dən az olan ərazidə {b.Seats} bələdiyyə üzvü seçilir (Seçki Məcəlləsi, {b.Article}).",
                   $"Population {population}: a territory with fewer than 500 inhabitants elects {b.Seats} council members (Election Code, art. {b.Article}).")
                : ($"Əhalisi {population} nəfər: əhalisi {b.From}-dən {b.To}-dək olan ərazidə {b.Seats} bələdiyyə üzvü seçilir (Seçki Məcəlləsi, {b.Article}).",
                   $"Population {population}: a territory with {b.From} to {b.To} inhabitants elects {b.Seats} council members (Election Code, art. {b.Article}).");
            return new CouncilSizeDetermination(b.Seats, reference, b.From, b.To, az, en);
        }
        return new CouncilSizeDetermination(null, Article, UndefinedFrom, null,
            $"Əhalisi {population} nəfər: əhalisi 300000 və daha çox olan ərazi üçün qanun bələdiyyə üzvlərinin sayını müəyyən etmir (Seçki Məcəlləsi, 210.2); say açıq və əsaslandırılmış qərarla müəyyən edilməlidir.",
            $"Population {population}: the law gives no number of council members for a territory with 300000 or more inhabitants (Election Code, art. 210.2); an explicit, justified override is required.");
    }

    /// <summary>
    /// The council size to work with, from the population and an optional override.
    /// </summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item>Population known and the law gives a number: that number; an override is refused
    /// (<see cref="LegalRuleViolation"/> on "councilSizeOverride"), because the law already decides.</item>
    /// <item>Population known and the law is silent (300 000 or more): without an override the size is unknown;
    /// with one, it must be justified (at least 20 characters) and an odd number from 19 to 99.</item>
    /// <item>Population unknown: without an override the size is unknown; with one, it must be justified and an
    /// odd number from 5 to 99 (any size the law could give, or an override above it).</item>
    /// </list>
    /// Choices (the law is silent; these are ours): the number is <b>odd</b> so that majorities of the full
    /// membership cannot tie, as in every band of the table; it is <b>at least 19</b> when the population is 300 000
    /// or more because a bigger territory never gets fewer seats than the top band; 99 is a sanity bound.
    /// A justification given without override seats is ignored.
    /// </remarks>
    /// <exception cref="LegalRuleViolation">The override is refused (field "councilSizeOverride" or
    /// "councilSizeOverrideJustification").</exception>
    /// <exception cref="ArgumentOutOfRangeException">Negative population.</exception>
    [Law("EC 210.2")]
    public static CouncilSizeDecision Resolve(int? population, int? overrideSeats, string? overrideJustification)
    {
        var determination = population is int p ? ForPopulation(p) : null;

        if (determination is { DefinedByLaw: true })
        {
            if (overrideSeats is int refused)
                throw new LegalRuleViolation(determination.Reference, "councilSizeOverride",
                    $"Əhalisi {population} nəfər olan ərazi üçün bələdiyyə üzvlərinin sayını qanun müəyyən edir ({determination.Seats}, Seçki Məcəlləsi {determination.Reference.Article}); {refused} sayı qəbul edilmir.",
                    $"The law sets the number of council members for a population of {population} ({determination.Seats}, Election Code art. {determination.Reference.Article}); an override of {refused} is not allowed.");
            return new CouncilSizeDecision(determination.Seats, CouncilSizeSource.Law, determination, null);
        }

        if (overrideSeats is not int seats)
            return new CouncilSizeDecision(null, CouncilSizeSource.Unknown, determination, null);

        var justification = overrideJustification?.Trim();
        if (string.IsNullOrEmpty(justification) || justification.Length < MinimumJustificationLength)
            throw new LegalRuleViolation(Article, "councilSizeOverrideJustification",
                $"Bələdiyyə üzvlərinin sayı qanunla müəyyən edilmədikdə seçilən say əsaslandırılmalıdır (ən azı {MinimumJustificationLength} simvol).",
                $"When the law gives no number of council members, the chosen number must be justified (at least {MinimumJustificationLength} characters).");

        var min = determination is null ? SmallestLegalCouncil : MinimumOverrideSeats;
        if (seats < min || seats > MaximumOverrideSeats || seats % 2 == 0)
            throw new LegalRuleViolation(Article, "councilSizeOverride",
                $"Bələdiyyə üzvlərinin sayı {min}-dən {MaximumOverrideSeats}-dək tək ədəd olmalıdır (səslər bərabər bölünməsin deyə); {seats} qəbul edilmir.",
                $"The number of council members must be an odd number from {min} to {MaximumOverrideSeats} (so that votes cannot tie); {seats} is not allowed.");

        return new CouncilSizeDecision(seats, CouncilSizeSource.Override, determination, justification);
    }
}
