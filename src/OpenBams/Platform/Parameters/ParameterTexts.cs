using OpenBams.Platform.Localization;

namespace OpenBams.Platform.Parameters;

public static class ParameterTexts
{
    public static readonly Text Title = new("Hüquqi parametrlər", "Legal parameters");
    public static readonly Text Intro = new("Qanunun vaxtaşırı dəyişən rəqəmləri: hər dəyər qüvvəyə minmə tarixi və istinadı ilə. Düzəliş yeni qeyddir; köhnə qeyd silinmir, üstündən xətt çəkilir.",
        "Numbers the law changes over time: each value with its date of entry into force and citation. A correction is a new row; the old row is kept, struck through.");
    public static readonly Text Key = new("Açar", "Key");
    public static readonly Text Name = new("Ad", "Name");
    public static readonly Text Unit = new("Vahid", "Unit");
    public static readonly Text Value = new("Dəyər", "Value");
    public static readonly Text ValidFrom = new("Qüvvədədir (tarixdən)", "In force from");
    public static readonly Text Citation = new("İstinad", "Citation");
    public static readonly Text Note = new("Qeyd (mənbə)", "Note (source)");
    public static readonly Text Current = new("Bu gün qüvvədə olan dəyər", "Value in force today");
    public static readonly Text History = new("Tarixçə", "History");
    public static readonly Text AddValue = new("Yeni dəyər və ya düzəliş", "New value or correction");
    public static readonly Text AddHelp = new(
        "Yeni dəyər: qüvvəyə minmə tarixini və dəyəri yazın. Düzəliş: düzəldilən qeydi seçin (tarix onun tarixi olaraq qalır; boş buraxıla bilər). İstinad «EC 225» şəklində; qanun mətnlərində olmayan dəyərin mənbəyini qeyddə yazın.",
        "A new value: enter the date it is in force from and the value. A correction: pick the row it corrects (the date stays that row's date; it may be left empty). Citation like 'EC 225'; for a value not in the seeds, write its source in the note.");
    public static readonly Text Corrects = new("Düzəldilən qeyd", "Row corrected");
    public static readonly Text NewValue = new("— yeni dəyər —", "— a new value —");
    public static readonly Text FromSeeds = new("Qanun mətnlərindən (seeds)", "From the seeds");
    public static readonly Text Superseded = new("düzəldilib", "corrected");
    public static readonly Text SupersededBy = new("Düzəldən qeyd", "Corrected by");
    public static readonly Text RecordedAt = new("Qeyd vaxtı (UTC)", "Recorded (UTC)");
    public static readonly Text RecordedBy = new("Kim", "By");
    public static readonly Text CorrectedRows = new("Düzəldilmiş qeydlər", "Corrected rows");
    public static readonly Text Shown = new("göstərilsin", "shown");
    public static readonly Text Hidden = new("gizlədilsin", "hidden");
    public static readonly Text Saved = new("Dəyər yadda saxlanıldı", "The value was saved");
    public static readonly Text Open = new("Tarixçə və düzəliş", "History and corrections");
    public static readonly Text BadNumber = new("Dəyər rəqəm olmalıdır (məs. 1,10 və ya 1.10)", "The value must be a number (e.g. 1.10)");
}
