using OpenBams.Platform.Localization;

namespace OpenBams.Pages.Admin;

public static class AdminTexts
{
    public static readonly Text Parameters = new("Hüquqi parametrlər", "Legal parameters");
    public static readonly Text ParametersIntro = new("Qanunun vaxtaşırı dəyişən rəqəmləri: hər dəyər qüvvəyə minmə tarixi və istinadı ilə. Düzəliş yeni qeyddir; tarixçə itmir.",
        "Numbers the law changes over time: each value with its date of entry into force and citation. A correction is a new row; the history stays.");
    public static readonly Text Calendar = new("İş günləri təqvimi", "Working-day calendar");
    public static readonly Text CalendarIntro = new("Bayramlar və iş/istirahət günlərinin köçürülməsi. Bütün müddətlər bu təqvimlə hesablanır.",
        "Public holidays and transfers of working and rest days. Every deadline is computed on this calendar.");
    public static readonly Text Deadline = new("Müddət kalkulyatoru", "Deadline calculator");
    public static readonly Text Users = new("İstifadəçilər", "Users");
    public static readonly Text Audit = new("Audit jurnalı", "Audit log");
    public static readonly Text DataQuality = new("Reyestr: məlumat keyfiyyəti", "Register: data quality");
    public static readonly Text Mergers = new("Reyestr: birləşmələr", "Register: mergers");
    public static readonly Text Value = new("Dəyər", "Value");
    public static readonly Text ValidFrom = new("Qüvvədədir", "Valid from");
    public static readonly Text Citation = new("İstinad", "Citation");
    public static readonly Text Note = new("Qeyd", "Note");
    public static readonly Text Current = new("Hazırkı dəyər", "Current value");
    public static readonly Text History = new("Tarixçə", "History");
    public static readonly Text AddValue = new("Yeni dəyər və ya düzəliş", "New value or correction");
    public static readonly Text Corrects = new("Düzəldilən qeyd (boş: yeni dəyər)", "Row corrected (empty: a new value)");
    public static readonly Text FromSeeds = new("Qanun mətnlərindən", "From the seeds");
    public static readonly Text Superseded = new("düzəldilib", "corrected");
    public static readonly Text Kind = new("Növ", "Kind");
    public static readonly Text NameAz = new("Ad (azərbaycanca)", "Name (Azerbaijani)");
    public static readonly Text NameEn = new("Ad (ingiliscə)", "Name (English)");
    public static readonly Text Source = new("Mənbə", "Source");
    public static readonly Text Add = new("Əlavə et", "Add");
    public static readonly Text Delete = new("Sil", "Delete");
    public static readonly Text Year = new("İl", "Year");
    public static readonly Text Start = new("Başlanğıc", "Start");
    public static readonly Text Amount = new("Müddət", "Amount");
    public static readonly Text Unit = new("Vahid", "Unit");
    public static readonly Text Due = new("Son gün", "Due");
    public static readonly Text Compute = new("Hesabla", "Compute");

    public static Text KindName(OpenBams.Law.CalendarDayKind k) => k switch
    {
        OpenBams.Law.CalendarDayKind.PublicHoliday => new("bayram (qeyri-iş günü)", "public holiday"),
        OpenBams.Law.CalendarDayKind.TransferredRestDay => new("köçürülmüş istirahət günü", "transferred rest day"),
        _ => new("köçürülmüş iş günü", "transferred working day"),
    };

    public static Text UnitName(OpenBams.Law.DeadlineUnit u) => u switch
    {
        OpenBams.Law.DeadlineUnit.WorkingDays => new("iş günü", "working days"),
        OpenBams.Law.DeadlineUnit.CalendarDays => new("təqvim günü", "calendar days"),
        _ => new("ay", "months"),
    };
}
