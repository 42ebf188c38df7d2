using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenBams.Law;
using OpenBams.Law.Council;
using OpenBams.Platform;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;
using OpenBams.Platform.Localization;

namespace OpenBams.Council;

/// <summary>Every field SL 16.6 requires in a protocol, drafted from the session's events.</summary>
public sealed record ProtocolContent(
    string Municipality, int Number, int Year, string Place, DateOnly Date, TimeOnly StartsAt, SessionInitiative Initiative,
    int Members, IReadOnlyList<string> Present, IReadOnlyList<ProtocolAbsence> Absent, IReadOnlyList<string> Invited,
    string? Chair, string? Secretary, IReadOnlyList<string> Agenda, ProtocolVote? AgendaVote, IReadOnlyList<ProtocolItem> Items);

public sealed record ProtocolAbsence(string Name, bool Excused, string? Note);
public sealed record ProtocolVote(BallotKind Ballot, int For, int Against, int Abstain, int Required, bool Adopted, string Rule,
    IReadOnlyList<BallotView>? Roll);
public sealed record ProtocolItem(int Number, string Title, string? Rapporteur, string? Summary, IReadOnlyList<NewSpeech> Speeches,
    ProtocolVote? Vote, string? Decision);

public sealed record ProtocolView(int Id, int SessionId, int Year, int Number, ProtocolStatus Status, ProtocolContent Content,
    IReadOnlyList<RemarkView> Remarks, DateTime? ChairSignedAt, string? ChairSignedBy, DateTime? SecretarySignedAt, string? SecretarySignedBy,
    int? CorrectsProtocolId, int? CorrectedByProtocolId, long Version);
public sealed record RemarkView(string Member, string Text, DateTime At);
public sealed record NewRemark(string Text);
public sealed record NewCorrection(string Text);

/// <summary>
/// The protocol book (SL 16.6): a draft made from the session's events when it closes; members read it and add
/// written remarks before approval; signed by the session's chair and secretary it never changes again, and a
/// correction is a new record pointing to it.
/// </summary>
public static class ProtocolBook
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Law("SL 16.6")]
    internal static async Task DraftAsync(AppDb db, CouncilSession s, TimeProvider time, CancellationToken ct)
    {
        var year = s.ScheduledOn.Year;
        var book = await db.Protocols.Where(p => p.MunicipalityId == s.MunicipalityId && p.Year == year).Select(p => new { p.Year, p.Number }).ToListAsync(ct);
        var number = Sessions.NextProtocolNumber(book.Select(p => (p.Year, p.Number)), year);
        var content = await ContentAsync(db, s, number, ct);
        db.Protocols.Add(new Protocol
        {
            MunicipalityId = s.MunicipalityId, SessionId = s.Id, Year = year, Number = number,
            Content = JsonSerializer.Serialize(content, Json), DraftedAt = Clock.UtcNow(time),
        });
        await db.SaveChangesAsync(ct);
    }

    private static async Task<ProtocolContent> ContentAsync(AppDb db, CouncilSession s, int number, CancellationToken ct)
    {
        var view = await SessionFlow.ViewAsync(db, s.MunicipalityId, s.Id, ct);
        var municipality = await db.Municipalities.Where(m => m.Id == s.MunicipalityId).Select(m => m.Name).FirstAsync(ct);
        var decisions = await db.CouncilDecisions.Where(d => d.SessionId == s.Id).ToListAsync(ct);
        ProtocolVote? Of(VoteView? v) => v is null || v.Adopted is null ? null
            : new ProtocolVote(v.Ballot, v.For, v.Against, v.Abstain, v.Required ?? 0, v.Adopted.Value, v.Reference, v.Roll);
        return new ProtocolContent(municipality, number, s.ScheduledOn.Year, s.Place, s.ScheduledOn, s.StartsAt, s.Initiative, s.Members,
            view.Attendance.Where(a => a.Status == AttendanceStatus.Present).Select(a => a.Name).ToList(),
            view.Attendance.Where(a => a.Status is AttendanceStatus.AbsentExcused or AttendanceStatus.AbsentUnexcused)
                .Select(a => new ProtocolAbsence(a.Name, a.Status == AttendanceStatus.AbsentExcused, a.Note)).ToList(),
            view.Invitees.Select(i => i.Capacity is null ? i.Name : $"{i.Name} ({i.Capacity})").ToList(),
            view.Chair, view.Secretary, view.Agenda.Select(i => $"{i.Number}. {i.Title}").ToList(),
            Of(view.Votes.LastOrDefault(v => v.AgendaItemId is null)),
            view.Agenda.Select(i =>
            {
                var d = decisions.FirstOrDefault(x => x.AgendaItemId == i.Id);
                return new ProtocolItem(i.Number, i.Title, i.Rapporteur, i.Summary, i.Speeches, Of(view.Votes.LastOrDefault(v => v.AgendaItemId == i.Id)),
                    d is null ? null : $"№ {d.Number}/{d.Year}: {d.Text}");
            }).ToList());
    }

    public static async Task<ProtocolView> ViewAsync(AppDb db, int municipalityId, int protocolId, CancellationToken ct = default)
    {
        var p = await FindAsync(db, municipalityId, protocolId, ct);
        var remarks = await db.ProtocolRemarks.Where(r => r.ProtocolId == p.Id).OrderBy(r => r.At).ToListAsync(ct);
        var memberIds = remarks.Select(r => r.MemberId).ToList();
        var names = await db.CouncilMembers.Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.FullName, ct);
        var correctedBy = await db.Protocols.Where(x => x.CorrectsProtocolId == p.Id).Select(x => (int?)x.Id).FirstOrDefaultAsync(ct);
        return new ProtocolView(p.Id, p.SessionId, p.Year, p.Number, p.Status, JsonSerializer.Deserialize<ProtocolContent>(p.Content, Json)!,
            remarks.Select(r => new RemarkView(names.GetValueOrDefault(r.MemberId, "?"), r.Text, r.At)).ToList(),
            p.ChairSignedAt, p.ChairSignedBy, p.SecretarySignedAt, p.SecretarySignedBy, p.CorrectsProtocolId, correctedBy, p.Version);
    }

    public static async Task<Protocol> FindAsync(AppDb db, int municipalityId, int protocolId, CancellationToken ct) =>
        await db.Protocols.FirstOrDefaultAsync(p => p.Id == protocolId && p.MunicipalityId == municipalityId, ct) ?? throw new NotFound("Protocol");

    /// <summary>SL 16.6: "Protokol təsdiqlənənədək bələdiyyə üzvünün onun mətni ilə tanış olmaq və öz yazılı qeydlərini bildirmək hüququ vardır."</summary>
    [Law("SL 16.6")]
    public static async Task<ProtocolView> RemarkAsync(AppDb db, CouncilActor actor, int protocolId, NewRemark body, TimeProvider time, CancellationToken ct = default)
    {
        var member = actor.RequireMember();
        var p = await FindAsync(db, actor.MunicipalityId, protocolId, ct);
        if (p.Status == ProtocolStatus.Signed) throw Sealed();
        if (string.IsNullOrWhiteSpace(body.Text)) throw new InputError("text", new Text("Qeydin mətni tələb olunur", "The remark's text is required"));
        db.ProtocolRemarks.Add(new ProtocolRemark { MunicipalityId = p.MunicipalityId, ProtocolId = p.Id, MemberId = member.Id, Text = body.Text.Trim(), At = Clock.UtcNow(time) });
        await db.SaveChangesAsync(ct);
        return await ViewAsync(db, actor.MunicipalityId, p.Id, ct);
    }

    /// <summary>The secretary redrafts from the events (after speeches or summaries were completed), until signing.</summary>
    public static async Task<ProtocolView> RedraftAsync(AppDb db, CouncilActor actor, int protocolId, CancellationToken ct = default)
    {
        var p = await FindAsync(db, actor.MunicipalityId, protocolId, ct);
        var s = await SessionFlow.FindAsync(db, actor.MunicipalityId, p.SessionId, ct);
        RequireSecretary(actor, s);
        if (p.Status == ProtocolStatus.Signed || p.ChairSignedAt is not null || p.SecretarySignedAt is not null) throw Sealed();
        p.Content = JsonSerializer.Serialize(await ContentAsync(db, s, p.Number, ct), Json);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(db, actor.MunicipalityId, p.Id, ct);
    }

    /// <summary>SL 16.6: signed by the session's chair and its secretary; with both signatures the protocol is final.</summary>
    [Law("SL 16.6")]
    public static async Task<ProtocolView> SignAsync(AppDb db, CouncilActor actor, int protocolId, TimeProvider time, CancellationToken ct = default)
    {
        var member = actor.Member ?? throw new LegalRuleViolation(new(Acts.SL, "16.6"), "protocolId",
            "Protokolu iclasın sədri və katibi imzalayır", "The protocol is signed by the session's chair and secretary");
        var p = await FindAsync(db, actor.MunicipalityId, protocolId, ct);
        if (p.Status == ProtocolStatus.Signed) throw Sealed();
        var s = await SessionFlow.FindAsync(db, actor.MunicipalityId, p.SessionId, ct);
        var now = Clock.UtcNow(time);
        var signed = false;
        if (member.Id == s.ChairMemberId && p.ChairSignedAt is null) { p.ChairSignedAt = now; p.ChairSignedBy = member.FullName; signed = true; }
        if (member.Id == s.SecretaryMemberId && p.SecretarySignedAt is null) { p.SecretarySignedAt = now; p.SecretarySignedBy = member.FullName; signed = true; }
        if (!signed)
            throw new LegalRuleViolation(new(Acts.SL, "16.6"), "protocolId",
                "Protokolu iclasın sədri və katibi imzalayır (siz artıq imzalamısınız və ya bu iclasın sədri/katibi deyilsiniz)",
                "The protocol is signed by the session's chair and secretary (you have signed already or hold neither role)");
        if (p.ChairSignedAt is not null && p.SecretarySignedAt is not null) p.Status = ProtocolStatus.Signed;
        await db.SaveChangesAsync(ct);
        return await ViewAsync(db, actor.MunicipalityId, p.Id, ct);
    }

    /// <summary>A correction of a signed protocol: a new record in the book that points to the old one.</summary>
    public static async Task<ProtocolView> CorrectAsync(AppDb db, CouncilActor actor, int protocolId, NewCorrection body, TimeProvider time, CancellationToken ct = default)
    {
        var p = await FindAsync(db, actor.MunicipalityId, protocolId, ct);
        var s = await SessionFlow.FindAsync(db, actor.MunicipalityId, p.SessionId, ct);
        RequireSecretary(actor, s);
        if (p.Status != ProtocolStatus.Signed)
            throw new InputError("protocolId", new Text("İmzalanmamış protokol düzəliş tələb etmir: qeyd əlavə edin və ya yenidən tərtib edin",
                "An unsigned protocol needs no correction: add a remark or redraft it"));
        if (string.IsNullOrWhiteSpace(body.Text)) throw new InputError("text", new Text("Düzəlişin mətni tələb olunur", "The correction's text is required"));
        var old = JsonSerializer.Deserialize<ProtocolContent>(p.Content, Json)!;
        var year = Clock.Today(time).Year;
        var book = await db.Protocols.Where(x => x.MunicipalityId == p.MunicipalityId && x.Year == year).Select(x => new { x.Year, x.Number }).ToListAsync(ct);
        var number = Sessions.NextProtocolNumber(book.Select(x => (x.Year, x.Number)), year);
        var corrected = old with
        {
            Number = number, Year = year,
            Items = [.. old.Items, new ProtocolItem(old.Items.Count + 1, $"Düzəliş / Correction: № {p.Number}/{p.Year}", null, body.Text.Trim(), [], null, null)],
        };
        var c = new Protocol
        {
            MunicipalityId = p.MunicipalityId, SessionId = p.SessionId, Year = year, Number = number, CorrectsProtocolId = p.Id,
            Content = JsonSerializer.Serialize(corrected, Json), DraftedAt = Clock.UtcNow(time),
        };
        db.Protocols.Add(c);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(db, actor.MunicipalityId, c.Id, ct);
    }

    private static void RequireSecretary(CouncilActor actor, CouncilSession s)
    {
        if (actor.Member?.Id != s.SecretaryMemberId && !actor.IsSecretaryStaff && !actor.IsAdministrator)
            throw new NotPermitted(new Text("Protokolu katib tərtib edir", "The secretary writes the protocol"));
    }

    private static LegalRuleViolation Sealed() => new(new(Acts.SL, "16.6"), "protocolId",
        "İmzalanmış protokol dəyişdirilmir; düzəliş yeni qeyd kimi edilir", "A signed protocol never changes; a correction is a new record");
}
