using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenBams.Law;
using OpenBams.Law.Council;
using OpenBams.Platform;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;
using OpenBams.Platform.Localization;

namespace OpenBams.Council;

public sealed record NewCharterVersion(IReadOnlyDictionary<string, string?>? Sections, int? AdoptedByDecisionId = null, int? AdoptedByCitizensMeetingId = null);
public sealed record CharterRegistration(string? RegistrationNumber, DateOnly? RegisteredOn, long? Version = null);
public sealed record CharterRefusal(string? Reason, long? Version = null);

public sealed record CharterSectionView(string Key, string Title, string? Text);
public sealed record CharterVersionView(int Id, DateOnly AdoptedOn, int? AdoptedByDecisionId, int? AdoptedByCitizensMeetingId,
    string Status, string? RegistrationNumber, DateOnly? RegisteredOn, DateOnly? InForceFrom, string? RefusalReason,
    IReadOnlyList<CharterSectionView> Sections, long Version);
public sealed record CharterOverview(CharterVersionView? Current, IReadOnlyList<CharterVersionView> Pending, IReadOnlyList<CharterVersionView> Refused,
    IReadOnlyList<CharterVersionView> Superseded, IReadOnlyList<CharterSectionView> RequiredSections, string Rule);

/// <summary>
/// The charter (SL 8): adopted by the council or by a citizens' meeting (SL 8.1, 28.3) with every content SL 8.2
/// requires, registered by the Ministry of Justice (SL 8.3), refused only for contradicting the Constitution, laws or
/// executive acts (SL 8.4), in force from the day of registration (SL 8.5).
/// </summary>
public static class CharterBook
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>SL 8.5: the version in force is the last one registered; drafts wait for registration.</summary>
    [Law("SL 8.5")]
    public static async Task<CharterOverview> OverviewAsync(AppDb db, int municipalityId, CancellationToken ct = default)
    {
        var all = await db.CharterVersions.Where(c => c.MunicipalityId == municipalityId).OrderByDescending(c => c.AdoptedOn).ThenByDescending(c => c.Id).ToListAsync(ct);
        var current = all.Where(c => c.RegisteredOn is not null).OrderByDescending(c => c.RegisteredOn).ThenByDescending(c => c.Id).FirstOrDefault();
        return new CharterOverview(current is null ? null : View(current, current.Id),
            all.Where(c => c.RegisteredOn is null && c.RefusalReason is null).Select(c => View(c, current?.Id)).ToList(),
            all.Where(c => c.RegisteredOn is null && c.RefusalReason is not null).Select(c => View(c, current?.Id)).ToList(),
            all.Where(c => c.RegisteredOn is not null && c.Id != current!.Id).Select(c => View(c, current?.Id)).ToList(),
            CharterContents.Required.Select(r => new CharterSectionView(r.Key, Text.English ? r.En : r.Az, null)).ToList(), "SL 8.2");
    }

    public static async Task<CharterVersionView> GetAsync(AppDb db, int municipalityId, int charterVersionId, CancellationToken ct = default)
    {
        var c = await FindAsync(db, municipalityId, charterVersionId, ct);
        return View(c, await CurrentIdAsync(db, municipalityId, ct));
    }

    /// <summary>SL 8.1, 8.2, 28.3: a new version with all ten contents, adopted by a decision of this council or a quorate citizens' meeting.</summary>
    [Law("SL 8.1")]
    [Law("SL 8.2")]
    [Law("SL 28.3")]
    public static async Task<CharterVersionView> AdoptAsync(AppDb db, CouncilActor actor, NewCharterVersion body, CancellationToken ct = default)
    {
        actor.RequireRecordKeeper();
        var m = actor.MunicipalityId;
        var sections = body.Sections ?? new Dictionary<string, string?>();
        var unknown = sections.Keys.Where(k => CharterContents.Required.All(r => r.Key != k)).ToList();
        if (unknown.Count > 0)
            throw new InputError("sections", new Text($"Naməlum bölmə(lər): {string.Join(", ", unknown)}; bölmələr: {string.Join(", ", CharterContents.Required.Select(r => r.Key))}",
                $"Unknown section(s): {string.Join(", ", unknown)}; the sections are: {string.Join(", ", CharterContents.Required.Select(r => r.Key))}"));
        var missing = CharterContents.Missing(sections);
        if (missing.Count > 0)
        {
            var names = CharterContents.Required.Where(r => missing.Contains(r.Key)).ToList();
            throw new LegalRuleViolation(new(Acts.SL, "8.2"), "sections",
                "Nizamnamədə göstərilməli olanlar yoxdur: " + string.Join("; ", names.Select(r => $"{r.Key} ({r.Az})")),
                "The charter lacks contents the law requires: " + string.Join("; ", names.Select(r => $"{r.Key} ({r.En})")));
        }
        if ((body.AdoptedByDecisionId is null) == (body.AdoptedByCitizensMeetingId is null))
            throw new LegalRuleViolation(new(Acts.SL, "8.1"), "adoptedByDecisionId",
                "Nizamnaməni bələdiyyənin iclası və ya vətəndaşların yığıncağı qəbul edir: birini göstərin",
                "The charter is adopted by a session of the council or by a citizens' meeting: name one of them");
        DateOnly adoptedOn;
        if (body.AdoptedByDecisionId is { } did)
        {
            var d = await db.CouncilDecisions.FirstOrDefaultAsync(x => x.Id == did && x.MunicipalityId == m, ct);
            if (d is null || d.Status == DecisionStatus.Revoked)
                throw new LegalRuleViolation(new(Acts.SL, "8.1"), "adoptedByDecisionId",
                    "Nizamnaməni bu bələdiyyənin qüvvədə olan qərarı qəbul edir", "The charter is adopted by a decision of this council that is in force");
            if (await db.CharterVersions.AnyAsync(c => c.MunicipalityId == m && c.AdoptedByDecisionId == did, ct))
                throw new InputError("adoptedByDecisionId", new Text("Bu qərarla nizamnamə artıq qeyd edilib", "A charter version is already recorded for this decision"), StatusCodes.Status409Conflict);
            adoptedOn = d.AdoptedOn;
        }
        else
        {
            var mid = body.AdoptedByCitizensMeetingId!.Value;
            var meeting = await db.CitizensMeetings.FirstOrDefaultAsync(x => x.Id == mid && x.MunicipalityId == m, ct);
            if (meeting is null)
                throw new LegalRuleViolation(new(Acts.SL, "8.1"), "adoptedByCitizensMeetingId",
                    "Bu bələdiyyənin vətəndaş yığıncağı tapılmadı", "No citizens' meeting of this municipality with this id");
            if (!meeting.Quorate)
                throw new LegalRuleViolation(new(Acts.SL, "28.4"), "adoptedByCitizensMeetingId",
                    "Yığıncaq səlahiyyətli deyildi (seçicilərin 25 faizindən az): nizamnamə qəbul edə bilməzdi",
                    "The meeting was not quorate (fewer than 25% of the voters): it could not adopt the charter");
            if (await db.CharterVersions.AnyAsync(c => c.MunicipalityId == m && c.AdoptedByCitizensMeetingId == mid, ct))
                throw new InputError("adoptedByCitizensMeetingId", new Text("Bu yığıncaqla nizamnamə artıq qeyd edilib", "A charter version is already recorded for this meeting"), StatusCodes.Status409Conflict);
            adoptedOn = meeting.HeldOn;
        }
        var ordered = CharterContents.Required.ToDictionary(r => r.Key, r => sections[r.Key]!.Trim());
        var version = new CharterVersion
        {
            MunicipalityId = m, Sections = JsonSerializer.Serialize(ordered, Json), AdoptedOn = adoptedOn,
            AdoptedByDecisionId = body.AdoptedByDecisionId, AdoptedByCitizensMeetingId = body.AdoptedByCitizensMeetingId,
        };
        db.CharterVersions.Add(version);
        await db.SaveChangesAsync(ct);
        return await GetAsync(db, m, version.Id, ct);
    }

    /// <summary>
    /// SL 8.3, 8.5: the Ministry of Justice registered the version; it is in force from that day. A version once
    /// refused may be registered after a successful appeal (SL 8.4); the refusal stays on record.
    /// </summary>
    [Law("SL 8.3")]
    [Law("SL 8.5")]
    public static async Task<CharterVersionView> RegisterAsync(AppDb db, CouncilActor actor, int charterVersionId, CharterRegistration body, TimeProvider time, CancellationToken ct = default)
    {
        actor.RequireRecordKeeper();
        var c = await FindAsync(db, actor.MunicipalityId, charterVersionId, ct);
        MandateCases.CheckVersion(c, body.Version);
        if (c.RegisteredOn is not null)
            throw new InputError("charterVersionId", new Text("Bu nizamnamə artıq dövlət qeydiyyatına alınıb", "This charter version is already registered"), StatusCodes.Status409Conflict);
        if (string.IsNullOrWhiteSpace(body.RegistrationNumber))
            throw new LegalRuleViolation(new(Acts.SL, "8.3"), "registrationNumber",
                "Dövlət qeydiyyatının nömrəsi tələb olunur", "The state registration number is required");
        if (body.RegistrationNumber.Trim().Length > 50)
            throw new InputError("registrationNumber", new Text("Nömrə 50 simvoldan uzun ola bilməz", "The number may not be longer than 50 characters"));
        if (body.RegisteredOn is not { } on)
            throw new LegalRuleViolation(new(Acts.SL, "8.5"), "registeredOn",
                "Qeydiyyat tarixi tələb olunur: nizamnamə həmin gündən qüvvəyə minir", "The registration date is required: the charter is in force from that day");
        if (on > Clock.Today(time))
            throw new LegalRuleViolation(new(Acts.SL, "8.5"), "registeredOn",
                "Qeydiyyat tarixi gələcəkdə ola bilməz", "The registration date cannot be in the future");
        if (on < c.AdoptedOn)
            throw new LegalRuleViolation(new(Acts.SL, "8.3"), "registeredOn",
                "Nizamnamə qəbul edilməmiş qeydiyyata alına bilməz", "A charter cannot be registered before it was adopted");
        c.RegistrationNumber = body.RegistrationNumber.Trim();
        c.RegisteredOn = on;
        await db.SaveChangesAsync(ct);
        return await GetAsync(db, actor.MunicipalityId, c.Id, ct);
    }

    /// <summary>SL 8.4: the only ground for refusal is a contradiction with the Constitution, laws or executive acts; the refusal may be appealed.</summary>
    [Law("SL 8.4")]
    public static async Task<CharterVersionView> RefuseAsync(AppDb db, CouncilActor actor, int charterVersionId, CharterRefusal body, CancellationToken ct = default)
    {
        actor.RequireRecordKeeper();
        var c = await FindAsync(db, actor.MunicipalityId, charterVersionId, ct);
        MandateCases.CheckVersion(c, body.Version);
        if (c.RegisteredOn is not null || c.RefusalReason is not null)
            throw new InputError("charterVersionId", new Text("Bu nizamnamə üzrə qeydiyyat qərarı artıq qeyd edilib", "The registration outcome of this version is already recorded"), StatusCodes.Status409Conflict);
        if (string.IsNullOrWhiteSpace(body.Reason))
            throw new LegalRuleViolation(new(Acts.SL, "8.4"), "reason",
                "İmtinanın əsası göstərilməlidir: nizamnamənin Konstitusiyaya, qanunlara və ya icra hakimiyyəti orqanlarının aktlarına zidd olması",
                "Give the ground of refusal: the charter contradicts the Constitution, laws or acts of the executive authorities");
        if (body.Reason.Trim().Length > 1000)
            throw new InputError("reason", new Text("Səbəb 1000 simvoldan uzun ola bilməz", "The reason may not be longer than 1000 characters"));
        c.RefusalReason = body.Reason.Trim();
        await db.SaveChangesAsync(ct);
        return await GetAsync(db, actor.MunicipalityId, c.Id, ct);
    }

    public static async Task<CharterVersion> FindAsync(AppDb db, int municipalityId, int charterVersionId, CancellationToken ct) =>
        await db.CharterVersions.FirstOrDefaultAsync(c => c.Id == charterVersionId && c.MunicipalityId == municipalityId, ct) ?? throw new NotFound("Charter version");

    private static async Task<int?> CurrentIdAsync(AppDb db, int municipalityId, CancellationToken ct) =>
        await db.CharterVersions.Where(c => c.MunicipalityId == municipalityId && c.RegisteredOn != null)
            .OrderByDescending(c => c.RegisteredOn).ThenByDescending(c => c.Id).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);

    private static CharterVersionView View(CharterVersion c, int? currentId)
    {
        var sections = JsonSerializer.Deserialize<Dictionary<string, string?>>(c.Sections, Json) ?? [];
        var status = c.Id == currentId ? "InForce" : c.RegisteredOn is not null ? "Superseded" : c.RefusalReason is not null ? "Refused" : "AwaitingRegistration";
        return new CharterVersionView(c.Id, c.AdoptedOn, c.AdoptedByDecisionId, c.AdoptedByCitizensMeetingId, status, c.RegistrationNumber, c.RegisteredOn,
            c.RegisteredOn, c.RefusalReason,
            CharterContents.Required.Select(r => new CharterSectionView(r.Key, Text.English ? r.En : r.Az, sections.GetValueOrDefault(r.Key))).ToList(), c.Version);
    }
}
