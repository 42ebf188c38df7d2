using OpenBams.Law;
using OpenBams.Platform.Localization;

namespace OpenBams.Platform.Calendar;

public static class CalendarTexts
{
    public static readonly Text Title = new("İş günləri təqvimi", "Working-day calendar");
    public static readonly Text Intro = new(
        "Bayramlar və iş/istirahət günlərinin köçürülməsi. Bütün müddətlər bu təqvimlə hesablanır. Bayramlar qanun mətnlərində (seeds) yoxdur: Əmək Məcəlləsinin 105-ci maddəsindən və Nazirlər Kabinetinin qərarlarından götürülür, hər il yoxlanmalıdır.",
        "Public holidays and transfers of working and rest days. Every deadline is computed on this calendar. Holidays are not in the seeds: they come from Labour Code art. 105 and the Cabinet of Ministers' decisions, and must be checked every year.");
    public static readonly Text Date = new("Tarix", "Date");
    public static readonly Text Weekday = new("Həftənin günü", "Weekday");
    public static readonly Text Kind = new("Növ", "Kind");
    public static readonly Text Name = new("Ad", "Name");
    public static readonly Text NameAz = new("Ad (azərbaycanca)", "Name (Azerbaijani)");
    public static readonly Text NameEn = new("Ad (ingiliscə)", "Name (English)");
    public static readonly Text Source = new("Mənbə", "Source");
    public static readonly Text FromSeeds = new("Qanun mətnlərindən", "From the seeds");
    public static readonly Text Year = new("İl", "Year");
    public static readonly Text Add = new("Gün əlavə et", "Add a day");
    public static readonly Text Edit = new("Dəyiş", "Edit");
    public static readonly Text EditTitle = new("Təqvim qeydini dəyiş", "Change a calendar entry");
    public static readonly Text Delete = new("Sil", "Delete");
    public static readonly Text Deleted = new("Qeyd silindi", "The entry was removed");
    public static readonly Text Saved = new("Yadda saxlanıldı", "Saved");
    public static readonly Text Proposed = new("Əmək Məcəlləsinin 105-ci maddəsinə görə təklif olunan günləri əlavə et", "Add the days proposed from Labour Code art. 105");
    public static readonly Text ProposedHelp = new(
        "Yalnız bu ildə qeydi olmayan günlər əlavə olunur; mövcud qeydlər dəyişmir. Ramazan və Qurban bayramlarının tarixləri yalnız məlum illər üçün var.",
        "Only days of this year without an entry are added; existing entries stay as they are. Ramazan and Qurban dates are known for some years only.");
    public static readonly Text ProposedAdded = new("Əlavə olunan günlər: {0}", "Days added: {0}");
    public static readonly Text NoEntries = new("Bu il üçün təqvimdə qeyd yoxdur: bayramlar daxil edilməyib, müddətlər yalnız şənbə və bazar nəzərə alınmaqla hesablanır.",
        "The calendar has no entries for this year: holidays are not entered, so deadlines skip only Saturdays and Sundays.");
    public static readonly Text NoEntriesForYear = new("{0} ili üçün təqvimdə bayram daxil edilməyib; yalnız şənbə və bazar nəzərə alınıb",
        "No holidays are entered in the calendar for {0}; only Saturdays and Sundays were skipped");
    public static readonly Text Deadline = new("Müddət kalkulyatoru", "Deadline calculator");
    public static readonly Text DeadlineIntro = new(
        "Başlanğıc günü sayılmır. İş günləri sayılarkən şənbə, bazar, bayramlar və köçürülmüş istirahət günləri keçilir; təqvim günü və ay ilə hesablanan müddətin son günü iş günü deyilsə, növbəti iş gününə keçir.",
        "The start day is not counted. Counting working days skips Saturdays, Sundays, holidays and transferred rest days; a period in calendar days or months that ends on a non-working day moves to the next working day.");
    public static readonly Text Start = new("Başlanğıc tarixi", "Start date");
    public static readonly Text Amount = new("Müddət", "Amount");
    public static readonly Text Unit = new("Vahid", "Unit");
    public static readonly Text Due = new("Son gün", "Due date");
    public static readonly Text Compute = new("Hesabla", "Compute");
    public static readonly Text Skipped = new("Nəzərə alınmayan günlər", "Days skipped");
    public static readonly Text Reason = new("Səbəb", "Reason");
    public static readonly Text NoneSkipped = new("Heç bir gün keçilmədi", "No day was skipped");
    public static readonly Text Examples = new("Qanundakı müddətlər (bu gündən)", "Periods of the law (from today)");
    public static readonly Text ExampleDecision = new("Qərarın surəti nəzarət orqanına: 5 iş günü", "A decision's copy to the oversight body: 5 working days");
    public static readonly Text ExampleCertificate = new("Yerli vergilər üzrə borc haqqında arayış: 1 iş günü", "Certificate of debts on local taxes: 1 working day");
    public static readonly Text ExampleLand = new("Torpaq məsələsinə dair müraciət: 10 gün", "An application on land: 10 days");
    public static readonly Text ExampleAppeal = new("Vətəndaşın müraciətinə cavab: 1 ay", "Answer to a citizen's appeal: 1 month");

    public static Text KindName(CalendarDayKind k) => k switch
    {
        CalendarDayKind.PublicHoliday => new("bayram (qeyri-iş günü)", "public holiday"),
        CalendarDayKind.TransferredRestDay => new("köçürülmüş istirahət günü", "transferred rest day"),
        _ => new("köçürülmüş iş günü", "transferred working day"),
    };

    public static Text UnitName(DeadlineUnit u) => u switch
    {
        DeadlineUnit.WorkingDays => new("iş günü", "working days"),
        DeadlineUnit.CalendarDays => new("təqvim günü", "calendar days"),
        _ => new("ay", "months"),
    };

    public static Text WeekdayName(DayOfWeek d) => d switch
    {
        DayOfWeek.Monday => new("bazar ertəsi", "Monday"),
        DayOfWeek.Tuesday => new("çərşənbə axşamı", "Tuesday"),
        DayOfWeek.Wednesday => new("çərşənbə", "Wednesday"),
        DayOfWeek.Thursday => new("cümə axşamı", "Thursday"),
        DayOfWeek.Friday => new("cümə", "Friday"),
        DayOfWeek.Saturday => new("şənbə", "Saturday"),
        _ => new("bazar", "Sunday"),
    };
}
