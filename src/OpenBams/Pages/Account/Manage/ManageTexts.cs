using OpenBams.Platform.Localization;

namespace OpenBams.Pages.Account.Manage;

public static class ManageTexts
{
    public static readonly Text Profile = new("Profil", "Profile");
    public static readonly Text FullName = new("Ad və soyad", "Full name");
    public static readonly Text ChangePassword = new("Parolu dəyişmək", "Change password");
    public static readonly Text CurrentPassword = new("Hazırkı parol", "Current password");
    public static readonly Text NewPassword = new("Yeni parol (ən azı 10 simvol, bir rəqəm)", "New password (at least 10 characters, one digit)");
    public static readonly Text PasswordChanged = new("Parol dəyişdirildi", "The password was changed");
    public static readonly Text TwoFactorOn = new("İki mərhələli giriş aktivdir.", "Two-factor login is on.");
    public static readonly Text TwoFactorOff = new("İki mərhələli giriş aktiv deyil.", "Two-factor login is off.");
    public static readonly Text Configure = new("Tənzimləmək", "Configure");
    public static readonly Text Scan = new("Autentifikator tətbiqi ilə (Google Authenticator, Microsoft Authenticator, FreeOTP və s.) bu QR kodu skan edin və ya açarı daxil edin, sonra göstərilən kodu yazın.",
        "Scan this QR code with an authenticator app (Google Authenticator, Microsoft Authenticator, FreeOTP, …) or type the key, then enter the code it shows.");
    public static readonly Text Key = new("Açar", "Key");
    public static readonly Text Enable = new("Aktivləşdir", "Turn on");
    public static readonly Text Disable = new("Söndür", "Turn off");
    public static readonly Text RecoveryCodes = new("Bərpa kodları: telefonu itirsəniz, hər biri bir dəfə istifadə olunur. Onları indi yazın — bir daha göstərilməyəcək.",
        "Recovery codes: each works once if you lose your phone. Write them down now; they will not be shown again.");
    public static readonly Text WrongCode = new("Kod yanlışdır; yenidən cəhd edin.", "The code is wrong; try again.");
    public static readonly Text StaffOnly = new("İki mərhələli giriş əməkdaşlar üçündür.", "Two-factor login is for staff.");
}
