using OpenBams.Law.Taxes;
using OpenBams.Platform.Http;
using OpenBams.Platform.Localization;
using OpenBams.Taxes;

namespace OpenBams.Pages.Taxes.Register;

/// <summary>The register's forms as people type them: text fields read into the commands' typed inputs, a bad one refused with its field.</summary>
public sealed class TaxpayerForm
{
    public TaxpayerKind Kind { get; set; }
    public string? PersonalId { get; set; }
    public string? TaxId { get; set; }
    public string? Name { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public bool IsResident { get; set; } = true;
    public bool MunicipallyOwned { get; set; }
    public string? Note { get; set; }
    public long? Version { get; set; }

    public TaxpayerInput ToInput() => new(Kind, PersonalId, TaxId, Name, Address, Phone, Email, IsResident, MunicipallyOwned, Note, Version);

    public static TaxpayerForm Of(TaxpayerView t) => new()
    {
        Kind = t.Kind, PersonalId = t.PersonalId, TaxId = t.TaxId, Name = t.Name, Address = t.Address, Phone = t.Phone, Email = t.Email,
        IsResident = t.IsResident, MunicipallyOwned = t.MunicipallyOwned, Note = t.Note, Version = t.Version,
    };
}

/// <summary>The taxpayer as the holder of a new object: share, right, title document and the LML 18.3 days.</summary>
public class HolderForm
{
    public string? Share { get; set; } = "1/1";
    public HoldingRight Right { get; set; }
    public string? TitleDocument { get; set; }
    public string? TitleReceivedOn { get; set; }
    public string? RegisteredOn { get; set; }
    public string? From { get; set; }

    public NewHolder ToHolder(int taxpayerId) => new(taxpayerId, Share, Right, Forms.Date(From, "from"), TitleDocument,
        Forms.Date(TitleReceivedOn, "titleReceivedOn"), Forms.Date(RegisteredOn, "registeredOn"));
}

public sealed class PlotForm : HolderForm
{
    public string? Address { get; set; }
    public string? CadastralNumber { get; set; }
    public string? AreaSqm { get; set; }
    public LandCategory Category { get; set; } = LandCategory.Residential;
    public string? Purpose { get; set; }
    public string? ScorePoints { get; set; }
    public string? SettlementGroup { get; set; }
    public LandExemption Exemption { get; set; }

    public PlotInput ToInput(int taxpayerId) => new(Address, Forms.Number(AreaSqm, "areaSqm") ?? 0, Category, CadastralNumber, Purpose,
        Forms.Number(ScorePoints, "scorePoints"), SettlementGroup, Exemption, Holder: ToHolder(taxpayerId));
}

public sealed class BuildingForm : HolderForm
{
    public string? Address { get; set; }
    public string? Description { get; set; }
    public string? AreaSqm { get; set; }
    public string? Value { get; set; }
    public ValuationSource ValuationSource { get; set; }
    public string? ValuedOn { get; set; }
    public string? Appraiser { get; set; }
    public string? AppraisalReport { get; set; }
    public int? PlotId { get; set; }

    public BuildingInput ToInput(int taxpayerId) => new(Address, Forms.Number(AreaSqm, "areaSqm") ?? 0, Forms.Number(Value, "value") ?? 0, ValuationSource,
        Forms.Date(ValuedOn, "valuedOn"), Appraiser, AppraisalReport, PlotId, Description, Holder: ToHolder(taxpayerId));
}

public sealed class VehicleForm : HolderForm
{
    public VehicleKind Kind { get; set; }
    public string? RegistrationNumber { get; set; }
    public string? EngineCc { get; set; }
    public string? Description { get; set; }

    public VehicleInput ToInput(int taxpayerId)
    {
        var cc = Forms.Number(EngineCc, "engineCc") ?? 0;
        if (cc != decimal.Truncate(cc)) throw new InputError("engineCc", new Text("Mühərrikin həcmi tam ədəddir (sm³)", "The engine capacity is a whole number (cm³)"));
        return new(Kind, RegistrationNumber, (int)Math.Clamp(cc, -1, 1_000_000), Description, Holder: ToHolder(taxpayerId));
    }
}

/// <summary>The edit of a registered object (LTP 5.1; LML 18): the fields the API accepts, with the id and the version read.</summary>
public sealed class PlotEditForm
{
    public int Id { get; set; }
    public long? Version { get; set; }
    public string? Address { get; set; }
    public string? CadastralNumber { get; set; }
    public string? AreaSqm { get; set; }
    public LandCategory Category { get; set; }
    public string? Purpose { get; set; }
    public string? ScorePoints { get; set; }
    public string? SettlementGroup { get; set; }
    public LandExemption Exemption { get; set; }
    public bool ApportionByBuildingArea { get; set; }
    public string? RetiredOn { get; set; }

    public PlotInput ToInput() => new(Address, Forms.Number(AreaSqm, "areaSqm") ?? 0, Category, CadastralNumber, Purpose, Forms.Number(ScorePoints, "scorePoints"),
        SettlementGroup, Exemption, ApportionByBuildingArea, Forms.Date(RetiredOn, "retiredOn"), Version);
}

public sealed class BuildingEditForm
{
    public int Id { get; set; }
    public long? Version { get; set; }
    public string? Address { get; set; }
    public string? Description { get; set; }
    public string? AreaSqm { get; set; }
    public string? Value { get; set; }
    public ValuationSource ValuationSource { get; set; }
    public string? ValuedOn { get; set; }
    public string? Appraiser { get; set; }
    public string? AppraisalReport { get; set; }
    public int? PlotId { get; set; }
    public string? RetiredOn { get; set; }

    public BuildingInput ToInput() => new(Address, Forms.Number(AreaSqm, "areaSqm") ?? 0, Forms.Number(Value, "value") ?? 0, ValuationSource,
        Forms.Date(ValuedOn, "valuedOn"), Appraiser, AppraisalReport, PlotId, Description, Forms.Date(RetiredOn, "retiredOn"), Version);
}

public sealed class VehicleEditForm
{
    public int Id { get; set; }
    public long? Version { get; set; }
    public VehicleKind Kind { get; set; }
    public string? RegistrationNumber { get; set; }
    public string? EngineCc { get; set; }
    public string? Description { get; set; }
    public string? RetiredOn { get; set; }

    public VehicleInput ToInput()
    {
        var cc = Forms.Number(EngineCc, "engineCc") ?? 0;
        if (cc != decimal.Truncate(cc)) throw new InputError("engineCc", new Text("Mühərrikin həcmi tam ədəddir (sm³)", "The engine capacity is a whole number (cm³)"));
        return new(Kind, RegistrationNumber, (int)Math.Clamp(cc, -1, 1_000_000), Description, Forms.Date(RetiredOn, "retiredOn"), Version);
    }
}

/// <summary>A holding's share and end day (a sale, an inheritance split), with the version read; the rest stays as recorded.</summary>
public sealed class HoldingEditForm
{
    public int Id { get; set; }
    public long? Version { get; set; }
    public string? Share { get; set; }
    public string? To { get; set; }

    public HoldingInput ToInput(HoldingView h) => new(h.TaxpayerId, h.ObjectKind, h.ObjectId, Share, h.Right, h.From, Forms.Date(To, "to"), h.TitleDocument,
        h.TitleReceivedOn, h.RegisteredOn, Version);
}

public static class Forms
{
    public static decimal? Number(string? s, string field) =>
        string.IsNullOrWhiteSpace(s) ? null : TaxInput.TryDecimal(s, out var v) ? v : throw new InputError(field, new Text("Rəqəm düzgün yazılmayıb", "The number is not well formed"));

    public static DateOnly? Date(string? s, string field) =>
        string.IsNullOrWhiteSpace(s) ? null : Fmt.TryParseDate(s, out var d) ? d : throw new InputError(field, T.BadDate);
}

/// <summary>The holder fields of one object form: the form's binding name and the prefix of its element ids.</summary>
public sealed record HolderFields(string Name, string Id, HolderForm Form);
