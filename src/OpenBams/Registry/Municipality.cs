using OpenBams.Law;

namespace OpenBams.Registry;

/// <summary>Kind of municipality as the associations group them (seed 000: city, settlement, village).</summary>
public enum MunicipalityKind { Unknown = 0, City = 1, Settlement = 2, Village = 3 }

public enum MunicipalityStatus { Active = 0, Merged = 1, Dissolved = 2 }

/// <summary>A top-level unit of the 2005 list: a city with its own status or a district (rayon).</summary>
public sealed class Region
{
    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary>Heading as printed in the seed (OCR spellings kept for traceability).</summary>
    public string? NameAsPrinted { get; set; }
    /// <summary>Naxçıvan Muxtar Respublikası: its municipalities also belong to the Nakhchivan regional association.</summary>
    public bool InNakhchivan { get; set; }
    public int SortOrder { get; set; }
    public List<District> Districts { get; set; } = [];
}

/// <summary>A city district (Bakı and Gəncə are split into city districts in the list).</summary>
public sealed class District
{
    public int Id { get; set; }
    public int RegionId { get; set; }
    public Region? Region { get; set; }
    public required string Name { get; set; }
}

/// <summary>An entry of the state register of municipalities (SL 13-1; list appended to TLL art. 1).</summary>
public sealed class Municipality : OpenBams.Platform.Data.IVersioned // bumped on every save, so a stale PUT is a 409
{
    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary>The name as printed in the source list, OCR errors included.</summary>
    public required string NameAsPrinted { get; set; }
    /// <summary>Folded name for spelling-tolerant search (see <see cref="SearchFolding"/>).</summary>
    public required string SearchKey { get; set; }
    public MunicipalityKind Kind { get; set; }
    /// <summary>Why the kind is what it is: "territory", "name", "administrator" or empty when unknown.</summary>
    public string? KindBasis { get; set; }
    public MunicipalityStatus Status { get; set; }
    public int RegionId { get; set; }
    public Region? Region { get; set; }
    public int? DistrictId { get; set; }
    public District? District { get; set; }
    /// <summary>Number within its block of the printed list; not a national identifier.</summary>
    public int? ListNumber { get; set; }
    public string? ListNumberPrinted { get; set; }
    /// <summary>Territorial units covered, as printed ("X, Y və Z kəndləri"); null where the source prints none.</summary>
    public string? TerritoryText { get; set; }

    public int? Population { get; set; }
    public DateOnly? PopulationDate { get; set; }
    public string? PopulationSource { get; set; }
    /// <summary>Council size set by an administrator where EC 210.2 gives no number (population ≥ 300 000).</summary>
    public int? CouncilSizeOverride { get; set; }
    public string? CouncilSizeJustification { get; set; }

    /// <summary>Certificate of the State Register of Municipalities (SL 13-1).</summary>
    public string? RegisterCertificateNumber { get; set; }
    public DateOnly? RegisterCertificateDate { get; set; }
    /// <summary>Charter (nizamnamə) registration number; in force from registration (SL 8.5).</summary>
    public string? CharterRegistrationNumber { get; set; }
    public DateOnly? CharterRegisteredOn { get; set; }

    public DateOnly? EstablishedOn { get; set; }
    public DateOnly? EndedOn { get; set; }

    /// <summary>Provenance of an imported row: dataset, source line numbers, parser notes.</summary>
    public string? Source { get; set; }
    public string? SourceLines { get; set; }
    public string? DataNotes { get; set; }
    /// <summary>Stable key of the imported row, so the import is idempotent.</summary>
    public string? ImportKey { get; set; }

    /// <summary>Optimistic concurrency token, bumped on every update.</summary>
    public long Version { get; set; }

    public List<TerritorialUnit> TerritorialUnits { get; set; } = [];
    public List<MunicipalityEvent> History { get; set; } = [];

    public CouncilSizeDecision CouncilSize() =>
        Law.CouncilSize.Resolve(Population, CouncilSizeOverride, CouncilSizeJustification);
}

public enum TerritorialUnitKind { Unknown = 0, City = 1, Settlement = 2, Village = 3, CityDistrictRemainder = 4 }

/// <summary>A village, settlement or city the municipality covers (TLL art. 1 ¶1).</summary>
public sealed class TerritorialUnit
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public required string Name { get; set; }
    public TerritorialUnitKind Kind { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
}

public enum MunicipalityEventKind
{
    Created = 0,
    SeparatedFrom = 1,
    GaveTerritoryTo = 2,
    MergedInto = 3,
    Absorbed = 4,
    Dissolved = 5,
    Renamed = 6,
    TerritoryChanged = 7,
}

/// <summary>One entry of a municipality's history, with the legal act that caused it (MERGER 2, 3, 8; SL 13).</summary>
public sealed class MunicipalityEvent
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public MunicipalityEventKind Kind { get; set; }
    public DateOnly On { get; set; }
    /// <summary>The other side of a separation or merger.</summary>
    public int? OtherMunicipalityId { get; set; }
    public string? OtherMunicipalityName { get; set; }
    public required string ActTitle { get; set; }
    public string? ActNumber { get; set; }
    public DateOnly? ActDate { get; set; }
    public string? Note { get; set; }
    public DateTime RecordedAt { get; set; }
    public string? RecordedBy { get; set; }
}

/// <summary>National count of municipalities and members after each election (seed 000).</summary>
public sealed class NationalCount
{
    public int Year { get; set; }
    public int Municipalities { get; set; }
    public int? Members { get; set; }
    public required string Source { get; set; }
}
