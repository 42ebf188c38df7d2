using OpenBams.Platform.Localization;

namespace OpenBams.Platform.Identity;

public static class AccountTexts
{
    public static readonly Text Login = new("Daxil ol", "Log in");
    public static readonly Text UserName = new("İstifadəçi adı", "User name");
    public static readonly Text Password = new("Parol", "Password");
    public static readonly Text TwoFactor = new("İki mərhələli giriş", "Two-factor login");
    public static readonly Text EnterCode = new("Autentifikator tətbiqinin göstərdiyi 6 rəqəmli kodu daxil edin.", "Enter the 6-digit code your authenticator app shows.");
    public static readonly Text Code = new("Kod", "Code");
    public static readonly Text UseRecoveryCode = new("Bərpa kodundan istifadə edirəm", "I am using a recovery code");
    public static readonly Text BeyondYourMunicipalities = new(
        "Bu hesabın idarə etdiyiniz bələdiyyələrdən kənarda da rolu var (başqa bələdiyyədə və ya milli rol). Onun adını, vəziyyətini, parolunu və rollarını yalnız platforma inzibatçısı dəyişə bilər; siz yalnız bu bələdiyyədəki rollarını götürə bilərsiniz.",
        "This account also holds roles outside the municipalities you administer (in another municipality, or a national role). Only a platform administrator may change its name, state, password or roles; you may only remove its roles in this municipality.");

    public static Text RoleName(Role r) => r switch
    {
        Role.Resident => new("Sakin", "Resident"),
        Role.TaxOfficer => new("Vergi müfəttişi", "Tax officer"),
        Role.LandOfficer => new("Torpaq üzrə mütəxəssis", "Land officer"),
        Role.Accountant => new("Mühasib", "Accountant"),
        Role.Secretary => new("Katib", "Secretary"),
        Role.Chairman => new("Bələdiyyə sədri", "Chairman"),
        Role.Deputy => new("Sədr müavini", "Deputy chairman"),
        Role.CouncilMember => new("Bələdiyyə üzvü", "Council member"),
        Role.MunicipalAdministrator => new("Bələdiyyə inzibatçısı", "Municipal administrator"),
        Role.OversightOfficer => new("İnzibati nəzarət əməkdaşı", "Oversight officer"),
        Role.ElectionOfficial => new("Seçki komissiyası əməkdaşı", "Election official"),
        Role.NationalAnalyst => new("Analitik", "National analyst"),
        Role.PaymentPortal => new("Hökumət Ödəniş Portalı (texniki hesab)", "Government Payment Portal (technical account)"),
        _ => new("Platforma inzibatçısı", "Platform administrator"),
    };
}
