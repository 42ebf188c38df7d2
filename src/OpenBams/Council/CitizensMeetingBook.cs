using Microsoft.EntityFrameworkCore;
using OpenBams.Law;
using OpenBams.Law.Council;
using OpenBams.Platform;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;
using OpenBams.Platform.Localization;

namespace OpenBams.Council;

public sealed record NewCitizensMeeting(DateOnly HeldOn, string? Subject, bool AboutMergerOrSeparation, int? ResidentVoters, int Participants,
    string? Decisions = null);

public sealed record CitizensMeetingView(int Id, DateOnly HeldOn, string Subject, bool AboutMergerOrSeparation, int ResidentVoters,
    int Participants, int QuorumNeeded, bool Quorate, string? Decisions, string Rule);

/// <summary>
/// SL 28: citizens' meetings of residents aged 18 and over, in municipalities of fewer than 500 inhabitants (the
/// limit does not apply to meetings on merging or separating municipalities, SL 28.5), valid with at least 25% of
/// the resident voters (SL 28.4). They adopt, change and repeal the charter and other decisions (SL 28.3).
/// </summary>
public static class CitizensMeetingBook
{
    public static async Task<IReadOnlyList<CitizensMeetingView>> ListAsync(AppDb db, int municipalityId, CancellationToken ct = default) =>
        (await db.CitizensMeetings.Where(x => x.MunicipalityId == municipalityId).OrderByDescending(x => x.HeldOn).ThenByDescending(x => x.Id).ToListAsync(ct))
        .Select(View).ToList();

    public static async Task<CitizensMeetingView> GetAsync(AppDb db, int municipalityId, int citizensMeetingId, CancellationToken ct = default) =>
        View(await FindAsync(db, municipalityId, citizensMeetingId, ct));

    [Law("SL 28.1")]
    [Law("SL 28.4")]
    [Law("SL 28.5")]
    public static async Task<CitizensMeetingView> RecordAsync(AppDb db, CouncilActor actor, NewCitizensMeeting body, TimeProvider time, CancellationToken ct = default)
    {
        actor.RequireRecordKeeper();
        var m = actor.MunicipalityId;
        var municipality = await db.Municipalities.FirstOrDefaultAsync(x => x.Id == m, ct) ?? throw new NotFound("Municipality");
        if (!CitizensMeetings.Allowed(municipality.Population, body.AboutMergerOrSeparation))
            throw new LegalRuleViolation(new(Acts.SL, "28.1"), "aboutMergerOrSeparation",
                municipality.Population is { } p
                    ? $"Vətəndaşların yığıncaqları əhalisi {CitizensMeetings.PopulationLimit} nəfərdən az olan bələdiyyələrdə keçirilir (reyestrdə {p} nəfər); bu məhdudiyyət yalnız birləşmə və ayrılma məsələsinə şamil edilmir (BS 28.5)"
                    : "Reyestrdə əhalinin sayı qeyd olunmayıb: vətəndaşların yığıncağı yalnız birləşmə və ayrılma məsələsi üzrə keçirilə bilər (BS 28.5)",
                municipality.Population is { } p2
                    ? $"Citizens' meetings are held in municipalities of fewer than {CitizensMeetings.PopulationLimit} inhabitants (the register says {p2}); only meetings on merging or separating are exempt (SL 28.5)"
                    : "The register has no population for this municipality: a citizens' meeting may only be held on merging or separating (SL 28.5)");
        var today = Clock.Today(time);
        if (body.HeldOn > today)
            throw new InputError("heldOn", new Text("Keçirilməmiş yığıncaq qeyd edilə bilməz", "A meeting that has not taken place cannot be recorded"));
        if (string.IsNullOrWhiteSpace(body.Subject))
            throw new InputError("subject", new Text("Yığıncağın mövzusu tələb olunur", "The subject of the meeting is required"));
        if (body.Subject.Trim().Length > 500)
            throw new InputError("subject", new Text("Mövzu 500 simvoldan uzun ola bilməz", "The subject may not be longer than 500 characters"));
        var voters = body.ResidentVoters ?? (await Members.SettingsAsync(db, m, ct)).ResidentVoters;
        if (voters is not { } v || v < 1)
            throw new InputError("residentVoters", new Text("Ərazidə yaşayan seçicilərin sayı tələb olunur (BS 28.4)", "The number of resident voters is required (SL 28.4)"));
        if (body.Participants < 0)
            throw new InputError("participants", new Text("İştirakçıların sayı mənfi ola bilməz", "The number of participants cannot be negative"));
        if (body.Participants > v)
            throw new LegalRuleViolation(new(Acts.SL, "28.2"), "participants",
                $"Yığıncaqda ərazidə yaşayan 18 yaşı tamam olmuş vətəndaşlar iştirak edir: iştirakçılar ({body.Participants}) seçicilərin sayından ({v}) çox ola bilməz",
                $"Residents aged 18 and over take part: the participants ({body.Participants}) cannot outnumber the resident voters ({v})");
        var quorate = body.Participants >= CitizensMeetings.QuorumFor(v);
        if (!quorate && !string.IsNullOrWhiteSpace(body.Decisions))
            throw new LegalRuleViolation(new(Acts.SL, "28.4"), "decisions",
                $"Yığıncaq səlahiyyətli deyil ({v} seçicidən {body.Participants} nəfər, ən azı {CitizensMeetings.QuorumFor(v)} lazımdır): qərar qəbul edə bilməz",
                $"The meeting is not quorate ({body.Participants} of {v} voters, at least {CitizensMeetings.QuorumFor(v)} needed): it cannot adopt decisions");
        var meeting = new CitizensMeeting
        {
            MunicipalityId = m, HeldOn = body.HeldOn, Subject = body.Subject.Trim(), AboutMergerOrSeparation = body.AboutMergerOrSeparation,
            ResidentVoters = v, Participants = body.Participants, Quorate = quorate,
            Decisions = string.IsNullOrWhiteSpace(body.Decisions) ? null : body.Decisions.Trim(),
        };
        db.CitizensMeetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        return View(meeting);
    }

    public static async Task<CitizensMeeting> FindAsync(AppDb db, int municipalityId, int citizensMeetingId, CancellationToken ct) =>
        await db.CitizensMeetings.FirstOrDefaultAsync(x => x.Id == citizensMeetingId && x.MunicipalityId == municipalityId, ct) ?? throw new NotFound("Citizens' meeting");

    private static CitizensMeetingView View(CitizensMeeting x) => new(x.Id, x.HeldOn, x.Subject, x.AboutMergerOrSeparation, x.ResidentVoters,
        x.Participants, CitizensMeetings.QuorumFor(x.ResidentVoters), x.Quorate, x.Decisions, "SL 28.4");
}
