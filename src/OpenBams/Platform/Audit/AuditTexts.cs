using OpenBams.Platform.Localization;

namespace OpenBams.Platform.Audit;

/// <summary>Texts of the audit log (pages, exports).</summary>
public static class AuditTexts
{
    public static readonly Text Title = new("Audit jurnalı", "Audit log");
    public static readonly Text Intro = new("Hər dəyişiklik: kim, nə vaxt, nəyi, əvvəl və sonra. Jurnal yalnız əlavə olunur, dəyişdirilə və silinə bilməz.",
        "Every change: who, when, what, before and after. The log is append-only; nothing in it can be changed or deleted.");
    public static readonly Text MunicipalIntro = new("Yalnız bu bələdiyyənin qeydlərinin dəyişiklikləri göstərilir.",
        "Only the changes of this municipality's records are shown.");
    public static readonly Text When = new("Vaxt", "When");
    public static readonly Text WhenUtc = new("Vaxt (UTC)", "When (UTC)");
    public static readonly Text Who = new("Kim", "Who");
    public static readonly Text What = new("Nə", "What");
    public static readonly Text Action = new("Əməliyyat", "Action");
    public static readonly Text Field = new("Sahə", "Field");
    public static readonly Text Before = new("Əvvəl", "Before");
    public static readonly Text After = new("Sonra", "After");
    public static readonly Text Entity = new("Qeyd növü", "Record type");
    public static readonly Text EntityId = new("Qeyd №", "Record id");
    public static readonly Text User = new("İstifadəçi", "User");
    public static readonly Text Municipality = new("Bələdiyyə №", "Municipality id");
    public static readonly Text From = new("Başlanğıc tarixi", "From");
    public static readonly Text To = new("Son tarix", "To");
    public static readonly Text Changes = new("Dəyişikliklər", "Changes");
    public static readonly Text ChangedFields = new("{0} sahə", "{0} field(s)");
    public static readonly Text Reason = new("Səbəb", "Reason");
    public static readonly Text National = new("milli qeyd", "national record");
    public static readonly Text BadFilterDate = new("Filtrdəki tarix gg.aa.iiii və ya iiii-aa-gg formatında olmalıdır; tarix filtri nəzərə alınmadı",
        "Dates in the filter must be dd.MM.yyyy or yyyy-MM-dd; the date filter was ignored");
    public static readonly Text OnlyItsAdministrator = new("Bələdiyyənin audit jurnalını yalnız onun idarəçisi oxuyur",
        "Only the municipality's administrator reads its audit log");

    public static Text ActionName(string action) => action switch
    {
        "create" => new("yaradılıb", "created"),
        "update" => new("dəyişdirilib", "updated"),
        "delete" => new("silinib", "deleted"),
        "import" => new("idxal", "import"),
        _ => new(action, action),
    };
}
