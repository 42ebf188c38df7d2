using OpenBams.Law.Taxes;
using OpenBams.Platform.Data;
using OpenBams.Platform.Tenancy;

namespace OpenBams.Lands;

/// <summary>
/// A land plot in the municipality's territory: the one record of a parcel. The taxes module taxes it (LML 18) through
/// <see cref="Taxes.ObjectHolding"/>; the lands module (rights, allocations, auctions, leases: LML 6-19) extends this same
/// record by its id instead of keeping a second register of parcels.
/// </summary>
public sealed class LandPlot : IMunicipalityOwned, IVersioned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    /// <summary>The state register's (cadastre's) number, when the plot has one (LML 6.9).</summary>
    public string? CadastralNumber { get; set; }
    public required string Address { get; set; }
    /// <summary>Area in m² as in the title documents (LML 18.10).</summary>
    public decimal AreaSqm { get; set; }
    public LandCategory Category { get; set; }
    /// <summary>Designated purpose (təyinat), e.g. "fərdi yaşayış evi".</summary>
    public string? Purpose { get; set; }
    /// <summary>LML 18.5-18.6: conditional score points per hectare for agricultural land.</summary>
    public decimal? ScorePoints { get; set; }
    /// <summary>Tax Code 206's settlement group for non-agricultural land (RateClasses.SettlementGroups); null takes the municipality's.</summary>
    public string? SettlementGroup { get; set; }
    /// <summary>LML 18.8: municipal land not taxed.</summary>
    public LandExemption Exemption { get; set; }
    /// <summary>LML 18.12: the plot serves a building held separately by several persons; its tax is shared by their building areas.</summary>
    public bool ApportionByBuildingArea { get; set; }
    /// <summary>The plot no longer exists as such (merged, divided, withdrawn).</summary>
    public DateOnly? RetiredOn { get; set; }
    public required string SearchKey { get; set; }
    public long Version { get; set; }
}
