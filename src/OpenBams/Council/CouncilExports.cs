using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using OpenBams.Law.Council;
using OpenBams.Platform;
using OpenBams.Platform.Data;
using OpenBams.Platform.Export;
using OpenBams.Platform.Http;
using OpenBams.Platform.Localization;

namespace OpenBams.Council;

// Popolo (popoloproject.com) with the Open Civic Data additions for events, motions and vote events.
public sealed record PopoloDocument(PopoloMeta Meta, IReadOnlyList<PopoloPerson> Persons, IReadOnlyList<PopoloOrganization> Organizations,
    IReadOnlyList<PopoloMembership> Memberships, IReadOnlyList<PopoloEvent> Events, IReadOnlyList<PopoloMotion> Motions,
    IReadOnlyList<PopoloVoteEvent> VoteEvents, IReadOnlyList<PopoloDecision> Decisions);
public sealed record PopoloMeta(string Generator, DateTime GeneratedAt, int MunicipalityId, string Municipality, string Language, string Note);
public sealed record PopoloIdentifier(string Scheme, string Identifier);
public sealed record PopoloPerson(string Id, string Name, string? Constituency);
public sealed record PopoloOrganization(string Id, string Name, string Classification, string? ParentId, DateOnly? FoundingDate,
    DateOnly? DissolutionDate, IReadOnlyList<PopoloIdentifier> Identifiers);
public sealed record PopoloMembership(string Id, string PersonId, string OrganizationId, string Role, DateOnly? StartDate, DateOnly? EndDate);
public sealed record PopoloAgendaItem(int Order, string Description);
public sealed record PopoloEvent(string Id, string Name, string Classification, string OrganizationId, string StartDate, string? EndDate,
    string Location, string Status, IReadOnlyList<PopoloAgendaItem> Agenda);
public sealed record PopoloMotion(string Id, string OrganizationId, string LegislativeSessionId, string Text, string Classification,
    string Requirement, DateOnly Date, string? Result);
public sealed record PopoloCount(string Option, int Value);
public sealed record PopoloVote(string VoterId, string Option);
public sealed record PopoloVoteEvent(string Id, string MotionId, string OrganizationId, string LegislativeSessionId, string StartDate, string? EndDate,
    string BallotKind, string? Result, IReadOnlyList<PopoloCount> Counts, IReadOnlyList<PopoloVote>? Votes);
public sealed record PopoloDecision(string Id, string Identifier, string Title, DateOnly Date, string MotionId, string VoteEventId, string Status,
    string Classification, DateOnly OversightDueOn);

/// <summary>
/// The council's open data: sessions as an iCalendar feed (RFC 5545), the whole council as Popolo / Open Civic Data
/// JSON, and the members and decisions as CSV and XLSX. A secret ballot's choices are never exported — the system
/// does not have them (SessionFlow stores no choice for a secret vote).
/// </summary>
public static class CouncilExports
{

    public static readonly JsonSerializerOptions PopoloJson = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        // A download, never inlined in HTML: keep Azerbaijani letters, quotes and "+" readable.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task<string> SessionsCalendarAsync(AppDb db, int municipalityId, TimeProvider time, CancellationToken ct = default)
    {
        var name = await MunicipalityNameAsync(db, municipalityId, ct);
        var sessions = await db.CouncilSessions.Where(s => s.MunicipalityId == municipalityId).OrderBy(s => s.ScheduledOn).ThenBy(s => s.Id).ToListAsync(ct);
        var ids = sessions.Select(s => s.Id).ToList();
        var items = await db.AgendaItems.Where(i => ids.Contains(i.SessionId)).OrderBy(i => i.Number).ToListAsync(ct);
        var cal = new ICalendar("-//OpenBAMS//Council sessions//AZ", new Text($"{name}: bələdiyyənin iclasları", $"{name}: council sessions"));
        var stamp = Clock.UtcNow(time);
        foreach (var s in sessions)
        {
            var agenda = items.Where(i => i.SessionId == s.Id).Select(i => $"{i.Number}. {i.Title}").ToList();
            var head = new Text($"Gündəlik ({StatusName(s.Status).Az}):", $"Agenda ({StatusName(s.Status).En}):");
            var description = agenda.Count == 0 ? head + "\n—" : head + "\n" + string.Join("\n", agenda);
            cal.Event($"council-session-{s.Id}-m{municipalityId}@openbams", stamp, s.ScheduledOn.ToDateTime(s.StartsAt),
                s.Status == SessionStatus.Closed ? s.ClosedAt : null,
                new Text($"{name}: bələdiyyənin iclası", $"{name}: council session"), s.Place, description,
                s.Status == SessionStatus.Cancelled, s.Version);
        }
        return cal.ToString();
    }

    public static async Task<PopoloDocument> PopoloAsync(AppDb db, int municipalityId, TimeProvider time, CancellationToken ct = default)
    {
        var m = municipalityId;
        var name = await MunicipalityNameAsync(db, m, ct);
        var council = $"organization/council-{m}";
        var members = await db.CouncilMembers.Where(x => x.MunicipalityId == m).OrderBy(x => x.FullName).ToListAsync(ct);
        var offices = await db.CouncilOffices.Where(x => x.MunicipalityId == m).OrderBy(x => x.ElectedOn).ToListAsync(ct);
        var commissions = await db.Commissions.Where(x => x.MunicipalityId == m).OrderBy(x => x.Id).ToListAsync(ct);
        var memberships = await db.CommissionMemberships.Where(x => x.MunicipalityId == m).OrderBy(x => x.Id).ToListAsync(ct);
        var sessions = await db.CouncilSessions.Where(x => x.MunicipalityId == m).OrderBy(x => x.ScheduledOn).ThenBy(x => x.Id).ToListAsync(ct);
        var items = await db.AgendaItems.Where(x => x.MunicipalityId == m).OrderBy(x => x.SessionId).ThenBy(x => x.Number).ToListAsync(ct);
        var votes = await db.CouncilVotes.Where(x => x.MunicipalityId == m && x.Status == VoteStatus.Closed).OrderBy(x => x.Id).ToListAsync(ct);
        var openVoteIds = votes.Where(v => v.Ballot == BallotKind.Open).Select(v => v.Id).ToList();
        var ballots = await db.Ballots.Where(b => openVoteIds.Contains(b.VoteId)).OrderBy(b => b.Id).ToListAsync(ct);
        var decisions = await db.CouncilDecisions.Where(x => x.MunicipalityId == m).OrderBy(x => x.Year).ThenBy(x => x.Number).ToListAsync(ct);

        string Person(int id) => $"person/{id}";
        string Session(int id) => $"event/session-{id}";
        string Motion(CouncilVote v) => v.AgendaItemId is { } i ? $"motion/item-{i}" : $"motion/agenda-{v.SessionId}";

        var people = members.Select(x => new PopoloPerson(Person(x.Id), x.FullName, x.Constituency)).ToList();
        var organizations = new List<PopoloOrganization>
        {
            new(council, new Text($"{name} (bələdiyyə)", $"{name} (municipal council)"), "council", null, null, null,
                [new PopoloIdentifier("openbams-municipality", m.ToString(CultureInfo.InvariantCulture))]),
        };
        organizations.AddRange(commissions.Select(c => new PopoloOrganization($"organization/commission-{c.Id}", c.Name,
            c.Kind == CommissionKind.Permanent ? "committee" : "ad-hoc-committee", council, c.EstablishedOn, c.AbolishedOn ?? c.EndsOn,
            [new PopoloIdentifier("openbams-commission", c.Id.ToString(CultureInfo.InvariantCulture))])));

        var ms = new List<PopoloMembership>();
        ms.AddRange(members.Select(x => new PopoloMembership($"membership/member-{x.Id}", Person(x.Id), council, "member",
            x.MandateConfirmedOn, x.MandateEndedOn)));
        ms.AddRange(offices.Select(o => new PopoloMembership($"membership/office-{o.Id}", Person(o.MemberId), council,
            o.Post == Post.Chairman ? "chairman" : "deputy", o.ElectedOn, o.EndedOn)));
        foreach (var c in commissions)
        {
            var end = c.AbolishedOn ?? c.EndsOn;
            ms.AddRange(memberships.Where(x => x.CommissionId == c.Id).Select(x => new PopoloMembership($"membership/commission-{x.Id}",
                Person(x.MemberId), $"organization/commission-{c.Id}", x.MemberId == c.ChairMemberId ? "chair" : x.MemberId == c.DeputyChairMemberId ? "deputy chair" : "member",
                c.EstablishedOn, members.FirstOrDefault(p => p.Id == x.MemberId)?.MandateEndedOn is { } ended && (end is null || ended < end) ? ended : end)));
        }

        var events = sessions.Select(s => new PopoloEvent(Session(s.Id), new Text($"{name}: bələdiyyənin iclası {Fmt.Date(s.ScheduledOn)}", $"{name}: council session {Fmt.Date(s.ScheduledOn)}"),
            "council-session", council, Local(s.ScheduledOn.ToDateTime(s.StartsAt)), s.ClosedAt is { } c ? Local(Clock.ToBaku(c)) : null, s.Place,
            s.Status switch { SessionStatus.Cancelled => "cancelled", SessionStatus.Closed => "passed", _ => "confirmed" },
            items.Where(i => i.SessionId == s.Id).Select(i => new PopoloAgendaItem(i.Number, i.Title)).ToList())).ToList();

        var motions = new List<PopoloMotion>();
        foreach (var s in sessions.Where(s => votes.Any(v => v.SessionId == s.Id && v.AgendaItemId is null)))
        {
            var last = votes.Last(v => v.SessionId == s.Id && v.AgendaItemId is null);
            motions.Add(new PopoloMotion($"motion/agenda-{s.Id}", council, Session(s.Id), new Text("İclasın gündəliyinin təsdiqi", "Approval of the session's agenda"),
                "agenda", Voting.ReferenceOf(last.Rule).ToString(), s.ScheduledOn, Result(last.Adopted)));
        }
        foreach (var i in items)
        {
            var session = sessions.First(s => s.Id == i.SessionId);
            var last = votes.LastOrDefault(v => v.AgendaItemId == i.Id);
            motions.Add(new PopoloMotion($"motion/item-{i.Id}", council, Session(i.SessionId), i.Title, i.Area.ToString(),
                Voting.ReferenceOf(i.Rule).ToString(), session.ScheduledOn, last is null ? null : Result(last.Adopted)));
        }

        var voteEvents = votes.Select(v => new PopoloVoteEvent($"vote-event/{v.Id}", Motion(v), council, Session(v.SessionId),
            Local(Clock.ToBaku(v.OpenedAt)), v.ClosedAt is { } c ? Local(Clock.ToBaku(c)) : null, v.Ballot == BallotKind.Secret ? "secret" : "open", Result(v.Adopted),
            [new("yes", v.For), new("no", v.Against), new("abstain", v.Abstain), new("absent", Math.Max(0, v.Members - v.Present))],
            // A secret ballot's choices are not kept, and not even who took a ballot is exported for it.
            v.Ballot == BallotKind.Secret ? null
                : ballots.Where(b => b.VoteId == v.Id && b.Choice is not null).Select(b => new PopoloVote(Person(b.MemberId), b.Choice switch
                {
                    VoteChoice.For => "yes",
                    VoteChoice.Against => "no",
                    _ => "abstain",
                })).ToList())).ToList();

        var popoloDecisions = decisions.Select(d => new PopoloDecision($"decision/{d.Id}", $"{d.Number}/{d.Year}", d.Title, d.AdoptedOn,
            $"motion/item-{d.AgendaItemId}", $"vote-event/{d.VoteId}", d.Status.ToString().ToLowerInvariant(), d.Area.ToString(), d.OversightDueOn)).ToList();

        return new PopoloDocument(new PopoloMeta("OpenBAMS", Clock.UtcNow(time), m, name, Text.Lang,
                new Text("Gizli səsvermədə üzvlərin seçimi saxlanmır və ixrac edilmir.", "A secret ballot's choices are not kept and never exported.")),
            people, organizations, ms, events, motions, voteEvents, popoloDecisions);
    }

    /// <summary>Members as a register export (no personal identifiers or contacts).</summary>
    public static async Task WriteMembersAsync(HttpContext http, AppDb db, int municipalityId, bool includeEnded, bool xlsx)
    {
        var list = await Members.ListAsync(db, municipalityId, null, includeEnded, http.RequestAborted);
        string[] header =
        [
            "id", new Text("Soyadı, adı", "Full name"), new Text("Seçki dairəsi", "Constituency"), new Text("Seçilib", "Elected on"),
            new Text("Mandat təsdiq edilib", "Mandate confirmed on"), new Text("Təsdiq edən", "Confirmed by"), new Text("Səlahiyyət müddəti bitir", "Term ends on"),
            new Text("Daimi əsasla", "Permanent basis"), new Text("Vəzifə", "Office"), new Text("Vəziyyət", "Status"),
            new Text("Səlahiyyətinə xitam", "Mandate ended on"), new Text("Xitam əsası", "Ground"),
        ];
        var rows = list.Select(x => (IReadOnlyList<object?>)new object?[]
        {
            x.Id, x.FullName, x.Constituency, x.ElectedOn, x.MandateConfirmedOn, x.MandateConfirmedBy, x.TermEndsOn,
            x.PermanentBasis ? (string)T.Yes : T.No, string.Join(", ", x.Posts.Select(PostName)), MemberStatusName(x.Status).ToString(), x.MandateEndedOn,
            x.MandateEndGround is { } g ? $"{Mandates.ReferenceOf(g)} {MandateCases.GroundName(g)}" : null,
        }).ToList();
        await ExportResponse.WriteAsync(http, "council-members", new Text("Bələdiyyə üzvləri", "Council members"), header, rows, xlsx);
    }

    /// <summary>The register of decisions with votes and the oversight deadline (SL 48.1).</summary>
    public static async Task WriteDecisionsAsync(HttpContext http, AppDb db, int municipalityId, int? year, TimeProvider time, bool xlsx)
    {
        var all = new List<DecisionView>();
        for (var page = 1; ; page++)
        {
            var p = await DecisionRegister.PageAsync(db, municipalityId, new DecisionQuery(Year: year, Page: page, PageSize: 500), publishedOnly: false, time, http.RequestAborted);
            all.AddRange(p.Items);
            if (all.Count >= p.Total || p.Items.Count == 0) break;
        }
        string[] header =
        [
            "id", new Text("Nömrə", "Number"), new Text("Qəbul edilib", "Adopted on"), new Text("Adı", "Title"), new Text("Sahə", "Area"),
            new Text("Tələb olunan səs çoxluğu", "Majority rule"), new Text("Üzvlər", "Members"), new Text("İştirak edib", "Present"),
            new Text("Lehinə", "For"), new Text("Əleyhinə", "Against"), new Text("Bitərəf", "Abstain"), new Text("Tələb olunurdu", "Required"),
            new Text("Vəziyyət", "Status"), new Text("İmzalanıb", "Signed"), new Text("Dərc edilib", "Published"),
            new Text("Nəzarət orqanına son gün (BS 48.1)", "Oversight copy due (SL 48.1)"), new Text("Göndərilib", "Sent"),
            new Text("Qəbz", "Receipt"), new Text("Gecikib", "Overdue"),
        ];
        var rows = all.OrderBy(d => d.Year).ThenBy(d => d.Number).Select(d => (IReadOnlyList<object?>)new object?[]
        {
            d.Id, d.Code, d.AdoptedOn, d.Title, d.AreaName, d.RuleReference, d.Members, d.Present, d.For, d.Against, d.Abstain, d.Required,
            d.Status.ToString(), d.SignedAt is { } s ? Fmt.Date(s) : null, d.PublishedAt is { } p ? Fmt.Date(p) : null, d.OversightDueOn,
            d.SentToOversightAt is { } st ? Fmt.Date(st) : null, d.OversightReceiptNumber, d.OversightOverdue ? (string)T.Yes : T.No,
        }).ToList();
        await ExportResponse.WriteAsync(http, "council-decisions", new Text("Bələdiyyənin qərarları", "Council decisions"), header, rows, xlsx);
    }

    private static async Task<string> MunicipalityNameAsync(AppDb db, int municipalityId, CancellationToken ct) =>
        await db.Municipalities.Where(x => x.Id == municipalityId).Select(x => x.Name).FirstOrDefaultAsync(ct) ?? throw new NotFound("Municipality");

    /// <summary>ISO 8601 with the Baku offset, e.g. 2026-11-23T10:00:00+04:00.</summary>
    private static string Local(DateTime bakuLocal) => bakuLocal.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "+04:00";

    private static string? Result(bool? adopted) => adopted switch { true => "pass", false => "fail", _ => null };

    private static string PostName(string post) => post switch
    {
        nameof(Post.Chairman) => new Text("sədr", "chairman"),
        nameof(Post.Deputy) => new Text("sədr müavini", "deputy chairman"),
        _ => post,
    };

    private static Text MemberStatusName(MemberStatus s) => s switch
    {
        MemberStatus.Active => new("səlahiyyətləri davam edir", "sitting"),
        MemberStatus.Suspended => new("səlahiyyətləri dayandırılıb (BS 22-1)", "suspended (SL 22-1)"),
        _ => new("səlahiyyətlərinə xitam verilib", "mandate ended"),
    };

    private static Text StatusName(SessionStatus s) => s switch
    {
        SessionStatus.Called => new("çağırılıb", "called"),
        SessionStatus.Open => new("gedir", "in progress"),
        SessionStatus.Closed => new("keçirilib", "held"),
        _ => new("ləğv edilib", "cancelled"),
    };
}
