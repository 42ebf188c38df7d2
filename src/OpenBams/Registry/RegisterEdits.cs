using OpenBams.Platform.Http;
using Microsoft.EntityFrameworkCore;
using OpenBams.Law;
using OpenBams.Platform.Data;
using OpenBams.Platform.Localization;

namespace OpenBams.Registry;

/// <summary>What an administrator may change in a register entry. PUT semantics: every field is sent.</summary>
public sealed record MunicipalityUpdate(
    long Version,
    string Name,
    MunicipalityKind Kind,
    int? Population,
    DateOnly? PopulationDate,
    string? PopulationSource,
    int? CouncilSizeOverride,
    string? CouncilSizeJustification,
    string? RegisterCertificateNumber,
    DateOnly? RegisterCertificateDate,
    string? CharterRegistrationNumber,
    DateOnly? CharterRegisteredOn,
    string? TerritoryText);

/// <summary>A merger recorded by an administrator (MERGER 2: poll, municipal decisions, Milli Məclis decision).</summary>
public sealed record MergerCommand(int SuccessorId, IReadOnlyList<int> AbsorbedIds, DateOnly EffectiveOn,
    string ActTitle, string? ActNumber, DateOnly? ActDate, string? Note);

public sealed record DissolutionCommand(DateOnly EffectiveOn, string ActTitle, string? ActNumber, DateOnly? ActDate, string? Note);

public sealed record FieldError(string Field, Text Message, LegalReference? Rule = null);

/// <summary>The rules for changing the register, shared by the API and the administrator's pages.</summary>
public static class RegisterEdits
{
    private static readonly LegalReference Register = LegalReference.Parse("SL 13-1");
    private static readonly LegalReference Charter = LegalReference.Parse("SL 8.5");
    private static readonly LegalReference MergerLaw = LegalReference.Parse("MERGER 2");

    public static List<FieldError> Validate(MunicipalityUpdate u, DateOnly today)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(u.Name) || u.Name.Length > 200)
            errors.Add(new("name", new("Ad boş ola bilməz və 200 simvoldan uzun olmamalıdır", "Name is required and at most 200 characters")));
        if (u.Population is < 0)
            errors.Add(new("population", new("Əhali sayı mənfi ola bilməz", "Population cannot be negative")));
        if (u.Population is not null && (u.PopulationDate is null || string.IsNullOrWhiteSpace(u.PopulationSource)))
            errors.Add(new(u.PopulationDate is null ? "populationDate" : "populationSource",
                new("Əhali sayı üçün istinad tarixi və mənbə göstərilməlidir", "Population needs its reference date and source"),
                LegalReference.Parse("EC 210.2")));
        if (u.PopulationDate > today)
            errors.Add(new("populationDate", new("İstinad tarixi gələcəkdə ola bilməz", "The reference date cannot be in the future")));
        if (u.CharterRegisteredOn > today)
            errors.Add(new("charterRegisteredOn", new("Nizamnamə gələcək tarixdə qeydiyyata alına bilməz; o, qeydiyyat günündən qüvvəyə minir", "A charter cannot be registered in the future; it is in force from registration"), Charter));
        if (u.CharterRegisteredOn is not null && string.IsNullOrWhiteSpace(u.CharterRegistrationNumber))
            errors.Add(new("charterRegistrationNumber", new("Qeydiyyat tarixi olan nizamnamənin qeydiyyat nömrəsi olmalıdır", "A registered charter needs its registration number"), Charter));
        if (u.RegisterCertificateDate > today)
            errors.Add(new("registerCertificateDate", new("Şəhadətnamə tarixi gələcəkdə ola bilməz", "The certificate date cannot be in the future"), Register));
        if (errors.Count == 0)
        {
            try
            {
                CouncilSize.Resolve(u.Population, u.CouncilSizeOverride, u.CouncilSizeJustification);
            }
            catch (LegalRuleViolation v)
            {
                errors.Add(new(v.Field, new(v.MessageAz, v.MessageEn), v.Rule));
            }
        }
        return errors;
    }

    public static void Apply(Municipality m, MunicipalityUpdate u)
    {
        m.Name = u.Name.Trim();
        m.SearchKey = RegisterImport.SearchKeyFor(BaseName(m.Name), BaseName(m.NameAsPrinted));
        if (m.Kind != u.Kind) m.KindBasis = "administrator";
        m.Kind = u.Kind;
        m.Population = u.Population;
        m.PopulationDate = u.PopulationDate;
        m.PopulationSource = u.PopulationSource?.Trim();
        m.CouncilSizeOverride = u.CouncilSizeOverride;
        m.CouncilSizeJustification = u.CouncilSizeOverride is null ? null : u.CouncilSizeJustification?.Trim();
        m.RegisterCertificateNumber = Input.Blank(u.RegisterCertificateNumber);
        m.RegisterCertificateDate = u.RegisterCertificateDate;
        m.CharterRegistrationNumber = Input.Blank(u.CharterRegistrationNumber);
        m.CharterRegisteredOn = u.CharterRegisteredOn;
        if (u.TerritoryText != m.TerritoryText)
        {
            m.TerritoryText = Input.Blank(u.TerritoryText);
            // Units read from the text are replaced; dated units (from a merger) keep their history.
            m.TerritorialUnits.RemoveAll(t => t.ValidFrom is null && t.ValidTo is null);
            foreach (var (name, kind) in TerritoryText.Parse(m.TerritoryText))
                m.TerritorialUnits.Add(new TerritorialUnit { Name = name, Kind = kind });
        }
    }

    public static async Task<List<FieldError>> MergeAsync(AppDb db, MergerCommand c, string? by, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(c.ActTitle))
            errors.Add(new("actTitle", new("Birləşməni təsdiq edən hüquqi akt göstərilməlidir (Milli Məclisin qərarı)", "Name the legal act that decided the merger (the Milli Məclis decision)"), MergerLaw));
        if (c.AbsorbedIds is null || c.AbsorbedIds.Count == 0)
            errors.Add(new("absorbedIds", new("Ən azı bir birləşən bələdiyyə seçilməlidir", "Choose at least one municipality that merges in"), MergerLaw));
        else if (c.AbsorbedIds.Contains(c.SuccessorId))
            errors.Add(new("absorbedIds", new("Hüquqi varis özü ilə birləşə bilməz", "The successor cannot merge into itself"), MergerLaw));
        if (errors.Count > 0) return errors;

        var ids = c.AbsorbedIds!.Append(c.SuccessorId).Distinct().ToList();
        var all = await db.Municipalities.Include(m => m.TerritorialUnits).Where(m => ids.Contains(m.Id)).ToListAsync(ct);
        var successor = all.FirstOrDefault(m => m.Id == c.SuccessorId);
        if (successor is null) return [new("successorId", new("Hüquqi varis bələdiyyə tapılmadı", "The successor municipality was not found"))];
        var absorbed = all.Where(m => m.Id != c.SuccessorId).ToList();
        if (absorbed.Count != c.AbsorbedIds!.Distinct().Count())
            return [new("absorbedIds", new("Birləşən bələdiyyələrdən biri tapılmadı", "One of the merging municipalities was not found"))];
        foreach (var m in all.Where(m => m.Status != MunicipalityStatus.Active))
            errors.Add(new(m.Id == c.SuccessorId ? "successorId" : "absorbedIds",
                new($"{m.Name} artıq fəaliyyətdə deyil", $"{m.Name} is no longer active")));
        if (errors.Count > 0) return errors;

        var now = DateTime.UtcNow;
        foreach (var m in absorbed)
        {
            m.Status = MunicipalityStatus.Merged;
            m.EndedOn = c.EffectiveOn;
            m.History.Add(Event(MunicipalityEventKind.MergedInto, successor, c, by, now));
            successor.History.Add(Event(MunicipalityEventKind.Absorbed, m, c, by, now));
            // Universal succession (MERGER 6): the territory passes to the successor from the effective date.
            foreach (var unit in m.TerritorialUnits.Where(t => t.ValidTo is null))
            {
                unit.ValidTo = c.EffectiveOn.AddDays(-1);
                successor.TerritorialUnits.Add(new TerritorialUnit { Name = unit.Name, Kind = unit.Kind, ValidFrom = c.EffectiveOn });
            }
        }
        await db.SaveChangesAsync(ct);
        return errors;
    }

    public static async Task<List<FieldError>> DissolveAsync(AppDb db, Municipality m, DissolutionCommand c, string? by, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(c.ActTitle))
            return [new("actTitle", new("Ləğvetməni təsdiq edən hüquqi akt göstərilməlidir", "Name the legal act that dissolved the municipality"), LegalReference.Parse("MERGER 8"))];
        if (m.Status != MunicipalityStatus.Active)
            return [new("status", new("Bələdiyyə artıq fəaliyyətdə deyil", "The municipality is no longer active"))];
        m.Status = MunicipalityStatus.Dissolved;
        m.EndedOn = c.EffectiveOn;
        m.History.Add(new MunicipalityEvent
        {
            Kind = MunicipalityEventKind.Dissolved, On = c.EffectiveOn, ActTitle = c.ActTitle.Trim(), ActNumber = Input.Blank(c.ActNumber),
            ActDate = c.ActDate, Note = Input.Blank(c.Note), RecordedAt = DateTime.UtcNow, RecordedBy = by,
        });
        await db.SaveChangesAsync(ct);
        return [];
    }

    private static MunicipalityEvent Event(MunicipalityEventKind kind, Municipality other, MergerCommand c, string? by, DateTime now) => new()
    {
        Kind = kind, On = c.EffectiveOn, OtherMunicipalityId = other.Id, OtherMunicipalityName = other.Name,
        ActTitle = c.ActTitle.Trim(), ActNumber = Input.Blank(c.ActNumber), ActDate = c.ActDate, Note = Input.Blank(c.Note),
        RecordedAt = now, RecordedBy = by,
    };

    public static string BaseName(string name) =>
        System.Text.RegularExpressions.Regex.Replace(name, @"\s*b[əo]l[əo]diyy[əoa]s?[iı]?\s*$", "").Trim();

}
