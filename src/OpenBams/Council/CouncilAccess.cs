using Microsoft.EntityFrameworkCore;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;
using OpenBams.Platform.Identity;
using OpenBams.Platform.Localization;
using OpenBams.Platform.Tenancy;

namespace OpenBams.Council;

/// <summary>
/// Who the current user is in this council: a sitting member, the chairman or a deputy in office, the
/// municipality's secretary (staff) or administrator. Offices come from the council's own records (SL 19),
/// so an election takes effect without anyone editing roles by hand.
/// </summary>
public sealed record CouncilActor(TenantContext Tenant, int MunicipalityId, CouncilMember? Member, bool IsChairman, bool IsDeputy)
{
    public bool IsSecretaryStaff => Tenant.Has(Role.Secretary, MunicipalityId);
    public bool IsAdministrator => Tenant.Administers(MunicipalityId);
    /// <summary>Staff who prepare sessions and keep the records (secretary, municipal administrator).</summary>
    public bool KeepsRecords => IsSecretaryStaff || IsAdministrator;
    public bool SeesCouncil => Tenant.CanSee(MunicipalityId);
    public string Name => Member?.FullName ?? Tenant.UserName ?? "system";

    public static async Task<CouncilActor> ForAsync(AppDb db, int municipalityId, CancellationToken ct = default)
    {
        var tenant = db.Tenant;
        CouncilMember? member = null;
        bool chairman = false, deputy = false;
        if (tenant.UserId is { } uid)
        {
            member = await db.CouncilMembers.FirstOrDefaultAsync(m => m.MunicipalityId == municipalityId && m.UserId == uid && m.Status == MemberStatus.Active, ct);
            if (member is not null)
            {
                var posts = await db.CouncilOffices.Where(o => o.MemberId == member.Id && o.EndedOn == null).Select(o => o.Post).ToListAsync(ct);
                chairman = posts.Contains(Post.Chairman);
                deputy = posts.Contains(Post.Deputy);
            }
        }
        return new CouncilActor(tenant, municipalityId, member, chairman, deputy);
    }

    public CouncilMember RequireMember() => Member ?? throw new NotPermitted(new Text(
        "Bu əməliyyatı yalnız bu bələdiyyənin üzvü edə bilər (BS 15.1)", "Only a member of this council may do this (SL 15.1)"));

    public void RequireRecordKeeper()
    {
        if (!KeepsRecords && !IsChairman && !IsDeputy)
            throw new NotPermitted(new Text("Bu əməliyyat bələdiyyə sədrinə, katibə və ya inzibatçıya aiddir",
                "This is for the chairman, the secretary or the municipal administrator"));
    }
}
