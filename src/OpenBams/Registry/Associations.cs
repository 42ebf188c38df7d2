using OpenBams.Platform.Localization;

namespace OpenBams.Registry;

public sealed record Association(string Code, Text Name);

/// <summary>
/// The three national associations founded in 2006 group municipalities by kind; in Naxçıvan MR each
/// municipality is in the regional association of its kind, which is itself a member of the national one
/// (seed 000, "Assosiasiyaların tərkibi").
/// </summary>
public static class Associations
{
    public static readonly Association City = new("AŞBMA", new("Azərbaycan Şəhər Bələdiyyələrinin Milli Assosiasiyası", "National Association of City Municipalities of Azerbaijan"));
    public static readonly Association Settlement = new("AQBMA", new("Azərbaycan Qəsəbə Bələdiyyələrinin Milli Assosiasiyası", "National Association of Settlement Municipalities of Azerbaijan"));
    public static readonly Association Village = new("AKBMA", new("Azərbaycan Kənd Bələdiyyələrinin Milli Assosiasiyası", "National Association of Village Municipalities of Azerbaijan"));

    public static IReadOnlyList<Association> For(MunicipalityKind kind, bool inNakhchivan)
    {
        var national = kind switch
        {
            MunicipalityKind.City => City,
            MunicipalityKind.Settlement => Settlement,
            MunicipalityKind.Village => Village,
            _ => null,
        };
        if (national is null) return [];
        if (!inNakhchivan) return [national];
        var regional = kind switch
        {
            MunicipalityKind.City => new Association("NMR-ŞBA", new("Naxçıvan Muxtar Respublikasının Şəhər Bələdiyyələrinin Assosiasiyası", "Association of City Municipalities of the Nakhchivan AR")),
            MunicipalityKind.Settlement => new Association("NMR-QBA", new("Naxçıvan Muxtar Respublikasının Qəsəbə Bələdiyyələrinin Assosiasiyası", "Association of Settlement Municipalities of the Nakhchivan AR")),
            _ => new Association("NMR-KBA", new("Naxçıvan Muxtar Respublikasının Kənd Bələdiyyələrinin Assosiasiyası", "Association of Village Municipalities of the Nakhchivan AR")),
        };
        return [regional, national];
    }
}
