using OpenBams.Platform.Http;
using OpenBams.Platform.Identity;
using OpenBams.Platform.Localization;
using OpenBams.Platform.Tenancy;

namespace OpenBams.Budget;

/// <summary>
/// Who may do what with a municipality's budget. TenantGuard and AppDb keep every user inside their municipalities; inside
/// one, the chairman owns the draft (FL 9.3) and submits it, the accountant prepares the figures and executes the budget
/// (expenditures, entered revenue), council members read it (they approve it at a session). Residents and everybody else
/// read the published budget on the public portal, not here.
/// </summary>
public sealed record BudgetActor(TenantContext Tenant, int MunicipalityId)
{
    public static BudgetActor For(Platform.Data.AppDb db, int municipalityId) => new(db.Tenant, municipalityId);

    private bool Has(Role r) => Tenant.Has(r, MunicipalityId);

    public bool IsChairman => Has(Role.Chairman) || Has(Role.Deputy);
    public bool IsAccountant => Has(Role.Accountant);
    public bool IsMunicipalAdministrator => Tenant.Administers(MunicipalityId);
    public bool IsNational => Tenant.Roles.Any(r => r.MunicipalityId is null && r.Role is Role.OversightOfficer or Role.NationalAnalyst);

    /// <summary>Reads drafts, lines, execution and reports: the municipality's officials and members, and national oversight.</summary>
    public bool Reads => IsChairman || IsAccountant || IsMunicipalAdministrator || Has(Role.Secretary) || Has(Role.CouncilMember) || Has(Role.TaxOfficer) || IsNational;

    /// <summary>Prepares the draft's lines and figures (FL 9.3: under the chairman).</summary>
    public bool Drafts => IsChairman || IsAccountant || IsMunicipalAdministrator;

    /// <summary>Executes: records expenditures and entered revenue.</summary>
    public bool Executes => IsAccountant || IsMunicipalAdministrator;

    public string Name => Tenant.UserName ?? "system";

    public void RequireRead()
    {
        if (!Reads) throw new NotPermitted(new Text("Büdcənin layihəsini və icrasını bələdiyyənin vəzifəli şəxsləri və üzvləri görür; dərc olunmuş büdcə portaldadır",
            "The budget's draft and execution are for the municipality's officials and members; the published budget is on the portal"));
    }

    public void RequireDrafter()
    {
        if (!Drafts) throw new NotPermitted(new Text("Büdcə layihəsini bələdiyyə sədri (və mühasib) hazırlayır (MMƏQ 9.3)",
            "The draft budget is prepared under the chairman, with the accountant (FL 9.3)"));
    }

    /// <summary>FL 9.3, 10.1: the chairman submits the draft to the council.</summary>
    public void RequireChairman(string rule)
    {
        if (!IsChairman && !IsMunicipalAdministrator)
            throw new NotPermitted(new Text($"Bunu bələdiyyə sədri və ya müavini edir ({rule})", $"This is for the chairman or a deputy ({rule})"));
    }

    public void RequireExecutor()
    {
        if (!Executes) throw new NotPermitted(new Text("Xərcləri və daxilolmaları bələdiyyənin mühasibi qeyd edir",
            "Expenditures and revenue are recorded by the municipality's accountant"));
    }
}
