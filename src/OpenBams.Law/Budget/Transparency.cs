namespace OpenBams.Law.Budget;

/// <summary>How the budget reaches the residents.</summary>
public enum PublicationChannel
{
    /// <summary>LTP 12.3, SL 52-2.3: special boards in front of the municipal building.</summary>
    NoticeBoardAtBuilding = 0,
    /// <summary>LTP 12.3: bulletins.</summary>
    Bulletin = 1,
    /// <summary>SL 52-2.3: website (internet saytı) — in OpenBAMS, the public portal.</summary>
    Website = 2,
    /// <summary>SL 52-2.3: local press.</summary>
    LocalPress = 3,
}

/// <summary>One publication duty with its article and its words.</summary>
public sealed record PublicationDuty(string What, LegalReference Article, IReadOnlyList<PublicationChannel> Channels, string TextAz);

/// <summary>
/// The transparency duties around the budget (FL 3.2 "aşkarlıq", FL 10.1, 11.3; LTP 12.3; SL 52-1, 52-2.3). The law names the
/// channels, not a format: the public portal (seed 000's single portal of municipal revenues and expenditures) is the website.
/// </summary>
public static class Transparency
{
    /// <summary>The duties, for the app to show where each document must go.</summary>
    [Law("FL 10.1")]
    [Law("FL 11.3")]
    [Law("LTP 12.3")]
    [Law("SL 52-2.3")]
    public static IReadOnlyList<PublicationDuty> Duties { get; } =
    [
        new("draft", new(Acts.FL, "10.1"), [PublicationChannel.Website, PublicationChannel.NoticeBoardAtBuilding],
            "Yerli büdcənin layihəsi bələdiyyə iclasına təqdim edildiyi tarixdən 10 gün ərzində yerli əhalinin onunla tanış olması məqsədi ilə dərc edilir."),
        new("annualReport", new(Acts.FL, "11.3"), [PublicationChannel.Website, PublicationChannel.NoticeBoardAtBuilding],
            "Bələdiyyələr öz nizamnaməsində müəyyən edilmiş qaydada yerli büdcənin icrası haqqında illik hesabatı təsdiq edir və öz əhalisinə çatdırırlar."),
        new("taxCollectionAndUse", new(Acts.LTP, "12.3"), [PublicationChannel.Bulletin, PublicationChannel.NoticeBoardAtBuilding, PublicationChannel.Website],
            "Bələdiyyələr və onların müvafiq nəzarət komissiyaları bələdiyyə ərazisində yaşayan sakinlər qarşısında mütəmadi olaraq hesabatlar verir, bülletenlər buraxılır, illik hesabatları bələdiyyə binasının qarşısında xüsusi lövhələrdə yerləşdirirlər."),
        new("reportToVoters", new(Acts.SL, "52-2.3"),
            [PublicationChannel.NoticeBoardAtBuilding, PublicationChannel.Bulletin, PublicationChannel.LocalPress, PublicationChannel.Website],
            "Yerli əhalini tanış etmək məqsədi ilə hesabat bələdiyyə binasının qarşısında xüsusi lövhələrdə yerləşdirilir, habelə elan, bülleten, vərəqə, yerli mətbuat, internet saytı və digər vasitələrlə əhaliyə çatdırılır."),
    ];
}
