using OpenBams.Platform.Localization;

namespace OpenBams.Pages.Admin;

/// <summary>Texts of the administration index.</summary>
public static class AdminTexts
{
    public static readonly Text Intro = new("Sizin rollarınıza görə istifadə edə biləcəyiniz bölmələr.", "The sections your roles let you use.");
    public static readonly Text Platform = new("Platforma", "Platform");
    public static readonly Text RegisterSection = new("Bələdiyyələrin reyestri", "Register of municipalities");
    public static readonly Text Municipal = new("Bələdiyyə: {0}", "Municipality: {0}");
    public static readonly Text Tools = new("Alətlər", "Tools");
    public static readonly Text Users = new("İstifadəçilər", "Users");
    public static readonly Text UsersHelp = new("Hesablar, rollar, bloklama, yeni parol", "Accounts, roles, disabling, new passwords");
    public static readonly Text Audit = new("Audit jurnalı", "Audit log");
    public static readonly Text AuditHelp = new("Kim, nə vaxt, nəyi dəyişib: əvvəl və sonra", "Who changed what, when: before and after");
    public static readonly Text Parameters = new("Hüquqi parametrlər", "Legal parameters");
    public static readonly Text ParametersHelp = new("ŞMV və digər dəyərlər: qüvvəyə minmə tarixi, istinad, tarixçə", "ŞMV and other values: effective dates, citations, history");
    public static readonly Text Calendar = new("İş günləri təqvimi", "Working-day calendar");
    public static readonly Text CalendarHelp = new("Bayramlar və köçürülmüş günlər; bütün müddətlər bununla hesablanır", "Holidays and transferred days; every deadline uses it");
    public static readonly Text RegisterEdit = new("Reyestr qeydinin düzəlişi", "Correct a register entry");
    public static readonly Text RegisterEditHelp = new("Bələdiyyəni reyestrdə tapın və «Düzəliş et» düyməsini basın", "Find the municipality in the register and press 'Edit'");
    public static readonly Text Mergers = new("Birləşmələr", "Mergers");
    public static readonly Text MergersHelp = new("Qanunla qəbul edilmiş birləşməni qeyd edin (MERGER 2, 6)", "Record a merger decided by law (MERGER 2, 6)");
    public static readonly Text DataQuality = new("Məlumat keyfiyyəti", "Data quality");
    public static readonly Text DataQualityHelp = new("2005-ci il siyahısının qüsurları və düzəlişləri", "Defects of the 2005 list and their corrections");
    public static readonly Text Deadline = new("Müddət kalkulyatoru", "Deadline calculator");
    public static readonly Text DeadlineHelp = new("İş günləri ilə müddət və keçilən günlərin izahı", "Deadlines in working days, with the skipped days explained");
    public static readonly Text AccountHelp = new("Parol və iki mərhələli giriş", "Password and two-factor login");
}
