namespace OpenBams.Law;

/// <summary>The two languages the kernel explains itself in: Azerbaijani first, English second.</summary>
internal static class Language
{
    /// <summary>True for "az", false for "en"; anything else is a programming error.</summary>
    public static bool IsAz(string lang) => lang?.ToLowerInvariant() switch
    {
        "az" => true,
        "en" => false,
        _ => throw new ArgumentException($"Language must be \"az\" or \"en\", not '{lang}'.", nameof(lang)),
    };

    /// <summary>Dates are always written dd.MM.yyyy.</summary>
    public static string Date(DateOnly d) => d.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
