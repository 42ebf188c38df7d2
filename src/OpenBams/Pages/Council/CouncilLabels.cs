using OpenBams.Council;
using OpenBams.Law.Council;
using OpenBams.Platform.Localization;

namespace OpenBams.Pages.Council;

/// <summary>Words for the council's states on the pages, Azerbaijani first.</summary>
public static class CouncilLabels
{
    public static string Attendance(AttendanceStatus? s) => s switch
    {
        AttendanceStatus.Present => CouncilPageModel.Tr("iştirak edib", "present"),
        AttendanceStatus.AbsentExcused => CouncilPageModel.Tr("üzrlü səbəbdən iştirak etməyib", "absent, excused"),
        AttendanceStatus.AbsentUnexcused => CouncilPageModel.Tr("üzrsüz səbəbdən iştirak etməyib", "absent, unexcused"),
        _ => CouncilPageModel.Tr("qeyd edilməyib", "not recorded"),
    };

    public static string MemberStatus(OpenBams.Council.MemberStatus s) => s switch
    {
        OpenBams.Council.MemberStatus.Active => CouncilPageModel.Tr("səlahiyyətləri davam edir", "sitting"),
        OpenBams.Council.MemberStatus.Suspended => CouncilPageModel.Tr("səlahiyyətləri dayandırılıb (BS 22-1.2)", "powers suspended (SL 22-1.2)"),
        _ => CouncilPageModel.Tr("səlahiyyətlərinə xitam verilib", "mandate ended"),
    };

    public static string CaseStatus(MandateCaseStatus s) => s switch
    {
        MandateCaseStatus.Open => CouncilPageModel.Tr("açıq", "open"),
        MandateCaseStatus.Decided => CouncilPageModel.Tr("bələdiyyə qərar qəbul edib", "decided by the council"),
        _ => CouncilPageModel.Tr("bağlanıb", "dismissed"),
    };

    public static string Ground(MandateEndGround g) => MandateCases.GroundName(g).ToString();

    public static string Kind(CommissionKind k) => k == CommissionKind.Permanent
        ? CouncilPageModel.Tr("daimi", "permanent") : CouncilPageModel.Tr("başqa (müvəqqəti)", "other (temporary)");

    public static string CharterStatus(string s) => s switch
    {
        "InForce" => CouncilPageModel.Tr("qüvvədədir", "in force"),
        "Superseded" => CouncilPageModel.Tr("yenisi ilə əvəz edilib", "superseded"),
        "Refused" => CouncilPageModel.Tr("qeydiyyatdan imtina edilib", "registration refused"),
        _ => CouncilPageModel.Tr("dövlət qeydiyyatını gözləyir", "awaiting state registration"),
    };

    public static string YesNo(bool b) => b ? T.Yes.ToString() : T.No.ToString();
}
