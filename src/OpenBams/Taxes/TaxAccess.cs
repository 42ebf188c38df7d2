using OpenBams.Platform.Http;
using OpenBams.Platform.Identity;
using OpenBams.Platform.Localization;
using OpenBams.Platform.Tenancy;

namespace OpenBams.Taxes;

/// <summary>
/// Who may do what with a municipality's taxes. TenantGuard and AppDb already keep every user inside the municipalities
/// they belong to; inside one, tax data is tax secrecy (TAX-REG 3.1.10): a resident or a council member of the municipality
/// sees only their own account (self-service), never the register. National roles see aggregates (reports), not persons.
/// </summary>
public sealed record TaxActor(TenantContext Tenant, int MunicipalityId)
{
    public static TaxActor For(Platform.Data.AppDb db, int municipalityId) => new(db.Tenant, municipalityId);

    private bool Has(Role r) => Tenant.Has(r, MunicipalityId);

    public bool IsTaxOfficer => Has(Role.TaxOfficer);
    public bool IsAccountant => Has(Role.Accountant);
    public bool IsChairman => Has(Role.Chairman) || Has(Role.Deputy);
    public bool IsMunicipalAdministrator => Tenant.Administers(MunicipalityId);

    /// <summary>Reads taxpayers, objects, notices, payments: the tax service, the accountant, the chairman, administrators.</summary>
    public bool ReadsRegister => IsTaxOfficer || IsAccountant || IsChairman || IsMunicipalAdministrator;

    /// <summary>Keeps the register, rates, assessments, notices, certificates and the tax service's records.</summary>
    public bool KeepsRegister => IsTaxOfficer || IsMunicipalAdministrator;

    /// <summary>Books and reverses payments, imports statements.</summary>
    public bool KeepsPayments => IsAccountant || IsTaxOfficer || IsMunicipalAdministrator;

    /// <summary>Reports in aggregate: staff who read the register, and the national oversight and analyst roles.</summary>
    public bool ReadsReports => ReadsRegister || Tenant.Roles.Any(r => r.MunicipalityId is null && r.Role is Role.OversightOfficer or Role.NationalAnalyst);

    public string Name => Tenant.UserName ?? "system";

    public void RequireRead()
    {
        if (!ReadsRegister) throw Denied;
    }

    public void RequireKeeper()
    {
        if (!KeepsRegister) throw new NotPermitted(new Text("Bu əməliyyat bələdiyyənin vergi xidmətinə aiddir (VXƏ 3.1)",
            "This is for the municipality's tax service (TAX-REG 3.1)"));
    }

    public void RequirePayments()
    {
        if (!KeepsPayments) throw new NotPermitted(new Text("Ödənişləri mühasib və ya vergi xidməti qeyd edir",
            "Payments are booked by the accountant or the tax service"));
    }

    public void RequireReports()
    {
        if (!ReadsReports) throw Denied;
    }

    /// <summary>TAX-REG 5.2, 6.4: signed or restored by the chairman or a deputy.</summary>
    public void RequireChairman(string rule)
    {
        if (!IsChairman) throw new NotPermitted(new Text($"Bunu bələdiyyə sədri və ya müavini edir ({rule})", $"This is for the chairman or a deputy ({rule})"));
    }

    private static NotPermitted Denied => new(new Text(
        "Vergi məlumatları vergi sirridir: yalnız bələdiyyənin vergi xidməti və səlahiyyətli əməkdaşlar görür (VXƏ 3.1.10)",
        "Tax data is tax secrecy: only the municipality's tax service and authorised staff see it (TAX-REG 3.1.10)"));
}
