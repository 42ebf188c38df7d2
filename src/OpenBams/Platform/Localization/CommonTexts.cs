namespace OpenBams.Platform.Localization;

/// <summary>Texts shared by every page: navigation, paging, buttons.</summary>
public static class T
{
    public static readonly Text AppName = new("OpenBAMS", "OpenBAMS");
    public static readonly Text AppTagline = new("Bələdiyyələrin Avtomatlaşdırılmış Məlumat Sistemi", "Municipalities' Automated Information System");
    public static readonly Text Home = new("Ana səhifə", "Home");
    public static readonly Text Register = new("Bələdiyyələrin reyestri", "Register of municipalities");
    public static readonly Text Statistics = new("Statistika", "Statistics");
    public static readonly Text Administration = new("İdarəetmə", "Administration");
    public static readonly Text Login = new("Daxil ol", "Log in");
    public static readonly Text Logout = new("Çıxış", "Log out");
    public static readonly Text Account = new("Hesabım", "My account");
    public static readonly Text Search = new("Axtar", "Search");
    public static readonly Text Filter = new("Süz", "Filter");
    public static readonly Text All = new("Hamısı", "All");
    public static readonly Text Save = new("Yadda saxla", "Save");
    public static readonly Text Cancel = new("Ləğv et", "Cancel");
    public static readonly Text Back = new("Geri", "Back");
    public static readonly Text Previous = new("Əvvəlki", "Previous");
    public static readonly Text Next = new("Növbəti", "Next");
    public static readonly Text PageOf = new("Səhifə {0} / {1}", "Page {0} of {1}");
    public static readonly Text Found = new("Tapıldı: {0}", "Found: {0}");
    public static readonly Text ExportCsv = new("CSV yüklə", "Download CSV");
    public static readonly Text ExportXlsx = new("XLSX yüklə", "Download XLSX");
    public static readonly Text Language = new("Dil", "Language");
    public static readonly Text NotFound = new("Tapılmadı", "Not found");
    public static readonly Text Forbidden = new("Bu səhifəyə girişiniz yoxdur", "You do not have access to this page");
    public static readonly Text Yes = new("Bəli", "Yes");
    public static readonly Text No = new("Xeyr", "No");
    public static readonly Text Saved = new("Yadda saxlanıldı", "Saved");
    public static readonly Text ChangedMeanwhile = new("Qeyd bu vaxt başqası tərəfindən dəyişdirilib; yenidən açıb təkrar edin.", "Someone else changed this record meanwhile; reopen it and try again.");
    public static readonly Text NotFromSeeds = new("qanun mətnlərindən deyil", "not from the seeds");
    public static readonly Text ApiDocs = new("API (OpenAPI)", "API (OpenAPI)");
    public static readonly Text BadDate = new("Tarix gg.aa.iiii formatında olmalıdır", "The date must be dd.MM.yyyy");
}
