using OpenBams.Platform.Localization;

namespace OpenBams.Registry;

public static class RegistryTexts
{
    public static readonly Text Title = new("Bələdiyyələrin Dövlət reyestri", "State register of municipalities");
    public static readonly Text Intro = new(
        "Azərbaycan Respublikasının bələdiyyələri: 2005-ci il rəsmi siyahısı (Qanun N 771-IQ, əlavə), sonrakı dəyişikliklərlə.",
        "The municipalities of the Republic of Azerbaijan: the 2005 official list (Law N 771-IQ, appendix) with later changes.");
    public static readonly Text SearchPlaceholder = new("Ad (məs. Biləcəri və ya Bilecari)", "Name (e.g. Biləcəri or Bilecari)");
    public static readonly Text Name = new("Ad", "Name");
    public static readonly Text NameAsPrinted = new("Mənbədə çap olunduğu kimi", "As printed in the source");
    public static readonly Text Kind = new("Növ", "Kind");
    public static readonly Text Status = new("Vəziyyət", "Status");
    public static readonly Text Region = new("Rayon / şəhər", "Region");
    public static readonly Text District = new("Şəhər rayonu", "City district");
    public static readonly Text ListNumber = new("Siyahıda №", "List no.");
    public static readonly Text Territory = new("Əhatə etdiyi ərazi vahidləri", "Territorial units covered");
    public static readonly Text NoTerritoryPrinted = new("Mənbədə ərazi vahidləri göstərilməyib", "The source prints no territorial units");
    public static readonly Text Population = new("Əhali", "Population");
    public static readonly Text PopulationDate = new("İstinad tarixi", "Reference date");
    public static readonly Text PopulationSource = new("Mənbə", "Source");
    public static readonly Text CouncilSize = new("Bələdiyyə üzvlərinin sayı", "Council size");
    public static readonly Text PermanentMax = new("Daimi əsaslarla işləyən üzvlərin ən çox sayı", "Maximum permanent (salaried) members");
    public static readonly Text Associations = new("Assosiasiya", "Association");
    public static readonly Text Certificate = new("Dövlət reyestri şəhadətnaməsi", "Register certificate");
    public static readonly Text Charter = new("Nizamnamə", "Charter");
    public static readonly Text CharterInForce = new("{0} tarixində qeydiyyata alınıb, həmin gündən qüvvədədir (SL 8.5)", "Registered on {0}, in force from that day (SL 8.5)");
    public static readonly Text NotRecorded = new("qeyd olunmayıb", "not recorded");
    public static readonly Text History = new("Tarixçə", "History");
    public static readonly Text NoHistory = new("Qeydə alınmış dəyişiklik yoxdur", "No changes recorded");
    public static readonly Text Provenance = new("Mənbə və məlumat keyfiyyəti", "Provenance and data quality");
    public static readonly Text LegalAct = new("Hüquqi akt", "Legal act");
    public static readonly Text Date = new("Tarix", "Date");
    public static readonly Text Event = new("Hadisə", "Event");
    public static readonly Text Edit = new("Düzəliş et", "Edit");
    public static readonly Text DataQuality = new("Məlumat keyfiyyəti", "Data quality");
    public static readonly Text Mergers = new("Birləşmələr", "Mergers");
    public static readonly Text NationalCounts = new("Bələdiyyələrin sayı seçkilər üzrə", "Municipalities by election year");
    public static readonly Text RegisterNow = new("Reyestrdə hazırda", "In the register now");
    public static readonly Text Members = new("Üzvlər", "Members");
    public static readonly Text Justification = new("Əsaslandırma", "Justification");
    public static readonly Text OverrideHelp = new(
        "Yalnız əhali 300 000 və daha çox olduqda: EC 210.2 bu hal üçün rəqəm vermir. Tək ədəd, 19-dan 99-dək, əsaslandırma ilə (ən azı 20 simvol).",
        "Only for a population of 300 000 or more, where EC 210.2 gives no number: an odd number from 19 to 99, with a justification (at least 20 characters).");
    public static readonly Text DataQualityIntro = new(
        "2005-ci il siyahısı OCR ilə oxunub və qüsurludur (digest-C §4). Qüsurlar gizlədilmir: hər sətir mənbə sətri ilə göstərilir və burada düzəldilə bilər; hər düzəliş audit jurnalına yazılır.",
        "The 2005 list was read by OCR and has defects (digest-C §4). They are not hidden: each row shows its source line and can be corrected here; every correction goes to the audit log.");
    public static readonly Text Dissolve = new("Ləğvetməni qeyd et", "Record a dissolution");
    public static readonly Text Successor = new("Hüquqi varis", "Successor");
    public static readonly Text Absorbed = new("Birləşən bələdiyyələr", "Municipalities merging in");
    public static readonly Text EffectiveOn = new("Qüvvəyə minmə tarixi", "Effective date");
    public static readonly Text ActTitle = new("Hüquqi aktın adı", "Title of the legal act");
    public static readonly Text ActNumber = new("Aktın nömrəsi", "Act number");
    public static readonly Text ActDate = new("Aktın tarixi", "Act date");
    public static readonly Text Note = new("Qeyd", "Note");
    public static readonly Text RecordMerger = new("Birləşməni qeyd et", "Record the merger");
    public static readonly Text FindMunicipalities = new("Bələdiyyələri tapın (ad)", "Find municipalities (name)");
    public static Text DefectName(DataDefect d) => d switch
    {
        DataDefect.NoTerritoryPrinted => new("mənbədə ərazi göstərilməyib", "no territory printed"),
        DataDefect.KindUnknown => new("növ müəyyən edilməyib", "kind not determined"),
        DataDefect.NumberCorrected => new("nömrə düzəldilib", "number corrected"),
        DataDefect.NumberMissing => new("nömrə yoxdur", "number missing"),
        DataDefect.NameCorrected => new("ad düzəldilib", "name corrected"),
        _ => new("təhlilçi qeydi", "parser note"),
    };

    public static Text KindName(MunicipalityKind k) => k switch
    {
        MunicipalityKind.City => new("şəhər", "city"),
        MunicipalityKind.Settlement => new("qəsəbə", "settlement"),
        MunicipalityKind.Village => new("kənd", "village"),
        _ => new("müəyyən edilməyib", "not determined"),
    };

    public static Text StatusName(MunicipalityStatus s) => s switch
    {
        MunicipalityStatus.Active => new("fəaliyyətdədir", "active"),
        MunicipalityStatus.Merged => new("birləşib", "merged"),
        _ => new("ləğv edilib", "dissolved"),
    };

    public static Text UnitKindName(TerritorialUnitKind k) => k switch
    {
        TerritorialUnitKind.City => new("şəhər", "city"),
        TerritorialUnitKind.Settlement => new("qəsəbə", "settlement"),
        TerritorialUnitKind.Village => new("kənd", "village"),
        TerritorialUnitKind.CityDistrictRemainder => new("şəhər rayonu (siyahıdakı bələdiyyələr çıxılmaqla)", "city district, less the municipalities listed under it"),
        _ => new("naməlum", "unknown"),
    };

    public static Text EventName(MunicipalityEventKind k) => k switch
    {
        MunicipalityEventKind.Created => new("yaradılıb", "created"),
        MunicipalityEventKind.SeparatedFrom => new("ayrılaraq yaradılıb", "formed by separation from"),
        MunicipalityEventKind.GaveTerritoryTo => new("ərazisindən yeni bələdiyyə ayrılıb", "a new municipality separated from its territory"),
        MunicipalityEventKind.MergedInto => new("birləşib", "merged into"),
        MunicipalityEventKind.Absorbed => new("özünə birləşdirib", "absorbed"),
        MunicipalityEventKind.Dissolved => new("ləğv edilib", "dissolved"),
        MunicipalityEventKind.Renamed => new("adı dəyişdirilib", "renamed"),
        _ => new("ərazisi dəyişib", "territory changed"),
    };
}
