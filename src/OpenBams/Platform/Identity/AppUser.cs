using Microsoft.AspNetCore.Identity;

namespace OpenBams.Platform.Identity;

public sealed class AppUser : IdentityUser<Guid>
{
    public required string FullName { get; set; }
    /// <summary>Residents' own login key (FIN), so self-service can find their records.</summary>
    public string? PersonalId { get; set; }
    public string PreferredLanguage { get; set; } = "az";
    public DateTime CreatedAt { get; set; }
    public bool Disabled { get; set; }
    public List<RoleAssignment> Roles { get; set; } = [];
}

/// <summary>The roles of ARCHITECTURE.md. Each assignment is scoped to one municipality or national.</summary>
public enum Role
{
    Resident = 0,
    TaxOfficer = 1,
    LandOfficer = 2,
    Accountant = 3,
    Secretary = 4,
    Chairman = 5,
    Deputy = 6,
    CouncilMember = 7,
    /// <summary>Manages the staff accounts of one municipality.</summary>
    MunicipalAdministrator = 8,
    OversightOfficer = 20,
    ElectionOfficial = 21,
    NationalAnalyst = 22,
    /// <summary>
    /// The technical account of the Government Payment Portal (HÖP, seed 000): looks up what is due and posts payments
    /// through /api/v1/payment-portal, and nothing else (it never reads the register). Created by an administrator.
    /// </summary>
    PaymentPortal = 23,
    /// <summary>Platform administrator: tenants, users, reference data, legal parameters.</summary>
    Administrator = 30,
}

public static class Roles
{
    /// <summary>Roles that only make sense inside one municipality.</summary>
    public static bool IsMunicipal(Role r) => r < Role.OversightOfficer;
    public static bool IsStaff(Role r) => r != Role.Resident;
}

public sealed class RoleAssignment : OpenBams.Platform.Tenancy.IMaybeMunicipalityOwned
{
    public int Id { get; set; }
    public Guid UserId { get; set; }
    public Role Role { get; set; }
    /// <summary>Null for national roles.</summary>
    public int? MunicipalityId { get; set; }
    public DateTime GrantedAt { get; set; }
    public string? GrantedBy { get; set; }
}
