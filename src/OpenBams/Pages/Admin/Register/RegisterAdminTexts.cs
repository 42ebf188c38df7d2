using OpenBams.Platform.Localization;

namespace OpenBams.Pages.Admin.Register;

/// <summary>Texts of the register administration pages (the shared register texts are RegistryTexts).</summary>
public static class RegisterAdminTexts
{
    public static readonly Text EditIntro = new(
        "Reyestr qeydinin düzəlişi. Hər dəyişiklik audit jurnalına əvvəlki və sonrakı dəyərlərlə yazılır.",
        "Correcting a register entry. Every change goes to the audit log with the values before and after.");
    public static readonly Text CouncilSizeNow = new("Hazırda", "Now");
    public static readonly Text OverrideTitle = new("Üzvlərin sayının idarəçi tərəfindən müəyyən edilməsi", "Council size set by an administrator");
    public static readonly Text OverrideLeaveEmpty = new(
        "Əhali 300 000-dən azdırsa, bu sahələri boş saxlayın: sayı qanun (EC 210.2) müəyyən edir və əl ilə dəyişdirilə bilməz.",
        "For a population below 300 000 leave these fields empty: the law (EC 210.2) decides the number and it cannot be set by hand.");
    public static readonly Text FixErrors = new("Düzəliş yadda saxlanılmadı:", "The correction was not saved:");
    public static readonly Text Reopen = new("Qeydi yenidən açın (hazırkı dəyərlərlə)", "Reopen the entry (with its current values)");
    public static readonly Text History = new("Bu qeydin audit tarixçəsi", "Audit history of this entry");
    public static readonly Text DissolveWarning = new(
        "Ləğvetmə geri qaytarılmır: bələdiyyə «ləğv edilib» vəziyyətinə keçir, tarixçəsinə hüquqi akt yazılır. Yalnız qanunla qəbul edilmiş qərar əsasında qeyd edin.",
        "A dissolution cannot be undone: the municipality becomes 'dissolved' and the legal act is written to its history. Record it only on the basis of a decision adopted by law.");
    public static readonly Text NotActive = new("Bu bələdiyyə artıq fəaliyyətdə deyil; ləğvetmə qeyd edilə bilməz.", "This municipality is no longer active; a dissolution cannot be recorded.");
    public static readonly Text MergerIntro = new(
        "Birləşmə qanunla qəbul edilir (MERGER 2): hüquqi varis bələdiyyəni və ona birləşən bələdiyyələri seçin. Birləşənlər «birləşib» vəziyyətinə keçir, ərazi vahidləri qüvvəyə minmə tarixindən hüquqi varisə keçir (MERGER 6); hər iki tərəfin tarixçəsinə yazılır.",
        "A merger is decided by law (MERGER 2): choose the successor and the municipalities that merge into it. Those become 'merged', their territorial units pass to the successor from the effective date (MERGER 6), and both sides' histories record it.");
    public static readonly Text Chosen = new("Seçilmiş bələdiyyələr", "Chosen municipalities");
    public static readonly Text Matches = new("Axtarışın nəticələri (yalnız fəaliyyətdə olanlar)", "Search results (active municipalities only)");
    public static readonly Text MoreMatches = new("İlk {0} nəticə göstərilir ({1} tapıldı); axtarışı dəqiqləşdirin.", "Showing the first {0} of {1} matches; refine the search.");
    public static readonly Text NoMatches = new("Axtarışa uyğun fəaliyyətdə olan bələdiyyə tapılmadı.", "No active municipality matches the search.");
    public static readonly Text SearchHint = new("Bələdiyyələri adla axtarın; seçimləriniz yeni axtarışda saxlanılır.", "Search municipalities by name; your choices are kept across searches.");
    public static readonly Text ChooseSuccessor = new("Hüquqi varis bələdiyyəni seçin", "Choose the successor municipality");
    public static readonly Text DefectCounts = new("Qüsurların sayı", "Defects by kind");
    public static readonly Text Defect = new("Qüsur", "Defect");
    public static readonly Text Printed = new("çap olunduğu kimi", "as printed");
    public static readonly Text Notes = new("Təhlilçi qeydləri", "Parser notes");
    public static readonly Text SourceLines = new("Mənbə sətirləri (002)", "Source lines (002)");
}
