using OpenBams.Platform.Localization;

namespace OpenBams.Pages.Admin.Users;

public static class UserTexts
{
    public static readonly Text Title = new("İstifadəçilər", "Users");
    public static readonly Text Roles = new("Rollar", "Roles");
    public static readonly Text RolesHere = new("Bu bələdiyyədəki rolları", "Its roles in this municipality");
    public static readonly Text RemoveUnchecked = new("İşarəsi götürülən rolları sil", "Remove the unchecked roles");
    public static readonly Text State = new("Vəziyyət", "State");
    public static readonly Text Active = new("aktiv", "active");
    public static readonly Text Disabled = new("deaktiv", "disabled");
    public static readonly Text Locked = new("bloklanıb", "locked out");
    public static readonly Text Unlock = new("Blokdan çıxar", "Unlock");
    public static readonly Text SetPassword = new("Yeni parol təyin et", "Set a new password");
    public static readonly Text Create = new("Yeni istifadəçi", "New user");
    public static readonly Text MunicipalityId = new("Bələdiyyə № (bələdiyyə rolları üçün)", "Municipality id (for municipal roles)");
}
