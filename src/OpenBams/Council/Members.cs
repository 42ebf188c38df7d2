using Microsoft.EntityFrameworkCore;
using OpenBams.Law;
using OpenBams.Law.Council;
using OpenBams.Platform;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;
using OpenBams.Platform.Identity;
using OpenBams.Platform.Localization;
using OpenBams.Registry;

namespace OpenBams.Council;

public sealed record NewMember(string FullName, DateOnly ElectedOn, DateOnly MandateConfirmedOn, string MandateConfirmedBy,
    string? PersonalId = null, string? UserName = null, string? Email = null, string? Phone = null, string? Constituency = null,
    bool WasMunicipalServant = false, DateOnly? ServiceLeftOn = null);

public sealed record MemberChange(long Version, string? Email = null, string? Phone = null, string? Constituency = null,
    string? UserName = null, DateOnly? ServiceLeftOn = null, DateOnly? PermanentRequestedOn = null,
    DateOnly? EmployerNotifiedOn = null, DateOnly? EmployerReleasedOn = null, bool? PermanentBasis = null);

public sealed record MemberView(int Id, string FullName, string? Constituency, DateOnly ElectedOn, DateOnly MandateConfirmedOn,
    string MandateConfirmedBy, DateOnly TermEndsOn, bool PermanentBasis, DateOnly? PermanentRequestedOn,
    DateOnly? EmployerNotifiedOn, DateOnly? EmployerReleasedOn, bool WasMunicipalServant, DateOnly? ServiceLeftOn,
    MemberStatus Status, DateOnly? MandateEndedOn, MandateEndGround? MandateEndGround, IReadOnlyList<string> Posts,
    bool HasAccount, string? Email, string? Phone, long Version);

public sealed record CouncilComposition(int? Seats, int Sitting, int Vacancies, int? PermanentCap, int Permanent,
    string? Chairman, IReadOnlyList<string> Deputies, MajorityBase SimpleMajorityBase, bool EnforceNotice, int? ResidentVoters, long SettingsVersion);

public sealed record SettingsChange(MajorityBase SimpleMajorityBase, bool EnforceNotice, int? ResidentVoters, long Version);

/// <summary>Members and mandates (SL 15, 20), the council's composition and its charter choices.</summary>
public static class Members
{
    public static async Task<CouncilSettings> SettingsAsync(AppDb db, int municipalityId, CancellationToken ct = default) =>
        await db.CouncilSettings.FirstOrDefaultAsync(s => s.MunicipalityId == municipalityId, ct)
        ?? new CouncilSettings { MunicipalityId = municipalityId };

    /// <summary>
    /// EC 210.2: the seats of the council — the base "all members" means. Choice (docs/decisions.md): the statutory
    /// seats, not the members currently sitting, so a vacancy never lowers a majority; where the register has no
    /// population, the members sitting.
    /// </summary>
    [Law("EC 210.2")]
    public static async Task<int> SeatsAsync(AppDb db, int municipalityId, CancellationToken ct = default)
    {
        var m = await db.Municipalities.FirstOrDefaultAsync(x => x.Id == municipalityId, ct) ?? throw new NotFound("Municipality");
        var seats = m.CouncilSize().Seats;
        if (seats is { } s) return s;
        var sitting = await db.CouncilMembers.CountAsync(x => x.MunicipalityId == municipalityId && x.Status == MemberStatus.Active, ct);
        return Math.Max(sitting, 1);
    }

    public static async Task<IReadOnlyList<MemberView>> ListAsync(AppDb db, int municipalityId, string? q, bool includeEnded, CancellationToken ct = default)
    {
        var query = db.CouncilMembers.Where(m => m.MunicipalityId == municipalityId);
        if (!includeEnded) query = query.Where(m => m.Status != MemberStatus.Ended);
        var list = await query.OrderBy(m => m.FullName).ToListAsync(ct);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var key = Platform.Search.SpellingFold.Fold(q);
            list = list.Where(m => Platform.Search.SpellingFold.Fold(m.FullName).Contains(key, StringComparison.Ordinal)).ToList();
        }
        var offices = await OpenOfficesAsync(db, municipalityId, ct);
        return list.Select(m => View(m, offices)).ToList();
    }

    public static async Task<MemberView> GetAsync(AppDb db, int municipalityId, int memberId, CancellationToken ct = default)
    {
        var m = await FindAsync(db, municipalityId, memberId, ct);
        return View(m, await OpenOfficesAsync(db, municipalityId, ct));
    }

    public static async Task<CouncilMember> FindAsync(AppDb db, int municipalityId, int memberId, CancellationToken ct = default) =>
        await db.CouncilMembers.FirstOrDefaultAsync(m => m.Id == memberId && m.MunicipalityId == municipalityId, ct)
        ?? throw new NotFound("Council member");

    private static async Task<List<CouncilOffice>> OpenOfficesAsync(AppDb db, int municipalityId, CancellationToken ct) =>
        await db.CouncilOffices.Where(o => o.MunicipalityId == municipalityId && o.EndedOn == null).ToListAsync(ct);

    private static MemberView View(CouncilMember m, List<CouncilOffice> offices) => new(
        m.Id, m.FullName, m.Constituency, m.ElectedOn, m.MandateConfirmedOn, m.MandateConfirmedBy, m.TermEndsOn, m.PermanentBasis,
        m.PermanentRequestedOn, m.EmployerNotifiedOn, m.EmployerReleasedOn, m.WasMunicipalServant, m.ServiceLeftOn, m.Status,
        m.MandateEndedOn, m.MandateEndGround, offices.Where(o => o.MemberId == m.Id).Select(o => o.Post.ToString()).ToList(),
        m.UserId is not null, m.Email, m.Phone, m.Version);

    /// <summary>Records an elected member with the mandate confirmation (SL 15.1); term per SL 20.2.</summary>
    [Law("SL 15.1")]
    [Law("SL 20.2")]
    public static async Task<MemberView> AddAsync(AppDb db, CouncilActor actor, NewMember body, CancellationToken ct = default)
    {
        if (!actor.KeepsRecords) throw OnlyRecordKeepers();
        var municipalityId = actor.MunicipalityId;
        var municipality = await db.Municipalities.FirstOrDefaultAsync(x => x.Id == municipalityId, ct) ?? throw new NotFound("Municipality");
        if (municipality.Status != MunicipalityStatus.Active)
            throw new InputError("municipalityId", new Text("Bələdiyyə fəaliyyətdə deyil", "The municipality is not active"));
        if (string.IsNullOrWhiteSpace(body.FullName))
            throw new InputError("fullName", new Text("Üzvün adı, soyadı tələb olunur", "The member's full name is required"));
        if (string.IsNullOrWhiteSpace(body.MandateConfirmedBy))
            throw new LegalRuleViolation(new(Acts.SL, "15.1"), "mandateConfirmedBy",
                "Mandatı təsdiq edən ərazi seçki komissiyası göstərilməlidir", "The territorial election commission that confirmed the mandate is required");
        if (body.MandateConfirmedOn < body.ElectedOn)
            throw new LegalRuleViolation(new(Acts.SL, "15.1"), "mandateConfirmedOn",
                "Mandat seçkidən əvvəl təsdiq edilə bilməz", "A mandate cannot be confirmed before the election");
        if (body.PersonalId is { Length: > 0 } fin && !PersonalId.TryParse(fin, out _, out var finError))
            throw new InputError("personalId", new Text("FİN düzgün deyil: " + finError, "The FIN is not valid: " + finError));
        Guid? account = body.UserName is { Length: > 0 } userName ? await LinkAccountAsync(db, municipalityId, userName, ct) : null;
        var seats = municipality.CouncilSize().Seats;
        var sitting = await db.CouncilMembers.CountAsync(m => m.MunicipalityId == municipalityId && m.Status != MemberStatus.Ended, ct);
        if (seats is { } s && sitting >= s)
            throw new LegalRuleViolation(new(Acts.EC, "210.2"), "fullName",
                $"Bələdiyyədə {s} yer var və hamısı doludur", $"The council has {s} seats and all are filled");
        var member = new CouncilMember
        {
            MunicipalityId = municipalityId,
            FullName = body.FullName.Trim(),
            PersonalId = body.PersonalId?.Trim().ToUpperInvariant() is { Length: > 0 } p ? p : null,
            Email = Input.Blank(body.Email), Phone = Input.Blank(body.Phone), Constituency = Input.Blank(body.Constituency),
            ElectedOn = body.ElectedOn,
            MandateConfirmedOn = body.MandateConfirmedOn,
            MandateConfirmedBy = body.MandateConfirmedBy.Trim(),
            TermEndsOn = Mandates.TermEnds(body.ElectedOn),
            WasMunicipalServant = body.WasMunicipalServant,
            ServiceLeftOn = body.ServiceLeftOn,
            UserId = account,
        };
        db.CouncilMembers.Add(member);
        await db.SaveChangesAsync(ct);
        return await GetAsync(db, municipalityId, member.Id, ct);
    }

    public static async Task<MemberView> ChangeAsync(AppDb db, CouncilActor actor, int memberId, MemberChange body, CancellationToken ct = default)
    {
        if (!actor.KeepsRecords && !actor.IsChairman) throw OnlyRecordKeepers();
        var m = await FindAsync(db, actor.MunicipalityId, memberId, ct);
        if (m.Version != body.Version) throw new DbUpdateConcurrencyException();
        if (m.Status == MemberStatus.Ended)
            throw new InputError("memberId", new Text("Bu üzvün səlahiyyətlərinə xitam verilib", "This member's mandate has ended"));
        m.Email = body.Email ?? m.Email;
        m.Phone = body.Phone ?? m.Phone;
        m.Constituency = body.Constituency ?? m.Constituency;
        m.ServiceLeftOn = body.ServiceLeftOn ?? m.ServiceLeftOn;
        if (body.UserName is { Length: > 0 } userName) m.UserId = await LinkAccountAsync(db, actor.MunicipalityId, userName, ct);
        m.PermanentRequestedOn = body.PermanentRequestedOn ?? m.PermanentRequestedOn;
        m.EmployerNotifiedOn = body.EmployerNotifiedOn ?? m.EmployerNotifiedOn;
        m.EmployerReleasedOn = body.EmployerReleasedOn ?? m.EmployerReleasedOn;
        if (body.PermanentBasis == true && !m.PermanentBasis) await CheckPermanentCapAsync(db, actor.MunicipalityId, ct);
        if (body.PermanentBasis is { } pb) m.PermanentBasis = pb;
        db.Entry(m).Property(x => x.Version).OriginalValue = body.Version;
        await db.SaveChangesAsync(ct);
        return await GetAsync(db, actor.MunicipalityId, m.Id, ct);
    }

    /// <summary>SL 15.2-4: no more permanent (salaried) members than the cap for the council's size.</summary>
    [Law("SL 15.2-4")]
    private static async Task CheckPermanentCapAsync(AppDb db, int municipalityId, CancellationToken ct)
    {
        var seats = await SeatsAsync(db, municipalityId, ct);
        var cap = PermanentMembers.MaxFor(seats);
        var permanent = await db.CouncilMembers.CountAsync(m => m.MunicipalityId == municipalityId && m.Status == MemberStatus.Active && m.PermanentBasis, ct);
        if (cap is { } c && permanent >= c)
            throw new LegalRuleViolation(PermanentMembers.Reference, "permanentBasis",
                $"{seats} üzvlü bələdiyyədə daimi əsasla ən çox {c} üzv (sədr və müavinlər daxil) işləyə bilər; artıq {permanent} nəfər var",
                $"A council of {seats} may have at most {c} permanent members (chairman and deputies included); it already has {permanent}");
    }

    private static async Task<Guid> LinkAccountAsync(AppDb db, int municipalityId, string userName, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == userName.Trim(), ct)
            ?? throw new InputError("userName", new Text($"«{userName}» adlı hesab yoxdur", $"There is no account '{userName}'"));
        var roles = await db.RoleAssignments.IgnoreQueryFilters().Where(r => r.UserId == user.Id).ToListAsync(ct);
        if (roles.Any(r => r.MunicipalityId != municipalityId))
            throw new InputError("userName", new Text("Hesabın başqa bələdiyyədə və ya milli səviyyədə rolu var",
                "The account has roles in another municipality or nationally"));
        if (!roles.Any(r => r.Role == Role.CouncilMember))
            db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = Role.CouncilMember, MunicipalityId = municipalityId, GrantedAt = DateTime.UtcNow, GrantedBy = db.Tenant.UserName });
        return user.Id;
    }

    public static async Task<CouncilComposition> CompositionAsync(AppDb db, int municipalityId, CancellationToken ct = default)
    {
        var municipality = await db.Municipalities.FirstOrDefaultAsync(x => x.Id == municipalityId, ct) ?? throw new NotFound("Municipality");
        var seats = municipality.CouncilSize().Seats;
        var active = await db.CouncilMembers.Where(m => m.MunicipalityId == municipalityId && m.Status != MemberStatus.Ended).ToListAsync(ct);
        var offices = await OpenOfficesAsync(db, municipalityId, ct);
        string? NameOf(int id) => active.FirstOrDefault(m => m.Id == id)?.FullName;
        var settings = await SettingsAsync(db, municipalityId, ct);
        return new CouncilComposition(seats, active.Count, seats is { } s ? Math.Max(0, s - active.Count) : 0,
            seats is { } s2 ? PermanentMembers.MaxFor(s2) : null, active.Count(m => m.PermanentBasis),
            offices.Where(o => o.Post == Post.Chairman).Select(o => NameOf(o.MemberId)).FirstOrDefault(),
            offices.Where(o => o.Post == Post.Deputy).Select(o => NameOf(o.MemberId) ?? "?").ToList(),
            settings.SimpleMajorityBase, settings.EnforceNotice, settings.ResidentVoters, settings.Version);
    }

    /// <summary>The charter's choices (SL 16.3, 16.4): only the municipal administrator or the chairman records them.</summary>
    public static async Task<CouncilComposition> ChangeSettingsAsync(AppDb db, CouncilActor actor, SettingsChange body, CancellationToken ct = default)
    {
        if (!actor.IsAdministrator && !actor.IsChairman) throw OnlyRecordKeepers();
        if (body.ResidentVoters is < 1)
            throw new InputError("residentVoters", new Text("Seçicilərin sayı müsbət olmalıdır", "The number of voters must be positive"));
        var s = await db.CouncilSettings.FirstOrDefaultAsync(x => x.MunicipalityId == actor.MunicipalityId, ct);
        if (s is null)
        {
            s = new CouncilSettings { MunicipalityId = actor.MunicipalityId };
            db.CouncilSettings.Add(s);
        }
        else
        {
            if (s.Version != body.Version) throw new DbUpdateConcurrencyException();
            db.Entry(s).Property(x => x.Version).OriginalValue = body.Version;
        }
        s.SimpleMajorityBase = body.SimpleMajorityBase;
        s.EnforceNotice = body.EnforceNotice;
        s.ResidentVoters = body.ResidentVoters;
        await db.SaveChangesAsync(ct);
        return await CompositionAsync(db, actor.MunicipalityId, ct);
    }

    public static NotPermitted OnlyRecordKeepers() => new(new Text(
        "Bu əməliyyat bələdiyyənin katibinə, inzibatçısına və ya sədrinə aiddir", "This is for the municipality's secretary, administrator or chairman"));

}
