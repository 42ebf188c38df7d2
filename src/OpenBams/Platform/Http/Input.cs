namespace OpenBams.Platform.Http;

/// <summary>How typed input is normalised before it is stored.</summary>
public static class Input
{
    /// <summary>Trimmed text, or null when the field was left empty or blank.</summary>
    public static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
