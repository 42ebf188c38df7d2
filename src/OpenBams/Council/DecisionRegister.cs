using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using OpenBams.Law;
using OpenBams.Law.Council;
using OpenBams.Platform;
using OpenBams.Platform.Calendar;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;
using OpenBams.Platform.Identity;
using OpenBams.Platform.Localization;
using OpenBams.Platform.Tenancy;

namespace OpenBams.Council;

public sealed record DecisionView(int Id, int MunicipalityId, string Municipality, int Year, int Number, string Code, DateOnly AdoptedOn, int SessionId,
    int AgendaItemId, DecisionArea Area, string AreaName, string AreaReference, string Title, string Text, MajorityRule Rule, string RuleReference,
    int Members, int Present, int For, int Against, int Abstain, int Required, DecisionStatus Status, DateTime? SignedAt, string? SignedBy,
    DateTime? PublishedAt, int? RevokesDecisionId, int? RevokedByDecisionId, DateOnly OversightDueOn, string OversightDeadline,
    DateTime? SentToOversightAt, string? OversightReceiptNumber, DateTime? OversightReceivedAt, bool OversightOverdue, long Version);

public sealed record DecisionQuery(string? Q = null, int? Year = null, DecisionArea? Area = null, DecisionStatus? Status = null,
    bool? OversightOverdue = null, int Page = 1, int PageSize = 50);

public sealed record DecisionPage(int Total, int Page, int PageSize, IReadOnlyList<DecisionView> Items);
public sealed record Receipt(string? ReceiptNumber = null);

/// <summary>
/// The register of decisions (Const. 145.I): adopted at a session, numbered per year, signed by the chairman (SL 19.4),
/// published (SL 52-1), a copy sent to the oversight body within 5 working days (SL 48.1) and acknowledged there,
/// revoked only by the council that adopted it, by a new decision (SL 48.4).
/// </summary>
public static class DecisionRegister
{
    internal static async Task AdoptAsync(AppDb db, CouncilSession s, AgendaItem item, CouncilVote vote, TimeProvider time, CancellationToken ct)
    {
        var adoptedOn = s.ScheduledOn;
        var year = adoptedOn.Year;
        var number = (await db.CouncilDecisions.Where(d => d.MunicipalityId == s.MunicipalityId && d.Year == year).Select(d => (int?)d.Number).MaxAsync(ct) ?? 0) + 1;
        var calendar = await WorkingCalendars.LoadAsync(db, year, year + 1, ct);
        var decision = new CouncilDecision
        {
            MunicipalityId = s.MunicipalityId, Year = year, Number = number, AdoptedOn = adoptedOn, SessionId = s.Id, AgendaItemId = item.Id,
            VoteId = vote.Id, Area = item.Area, Title = item.Title, Text = item.DraftText ?? item.Summary ?? item.Title, Rule = item.Rule,
            Members = vote.Members, Present = vote.Present, For = vote.For, Against = vote.Against, Abstain = vote.Abstain, Required = vote.Required ?? 0,
            OversightDueOn = Decisions.OversightCopyDue(calendar, adoptedOn).Due,
        };
        db.CouncilDecisions.Add(decision);
        await db.SaveChangesAsync(ct);
        await ApplyEffectsAsync(db, s, item, decision, ct);
    }

    /// <summary>What an adopted decision changes in the council's own records.</summary>
    private static async Task ApplyEffectsAsync(AppDb db, CouncilSession s, AgendaItem item, CouncilDecision decision, CancellationToken ct)
    {
        if (item.Area == DecisionArea.ChairmanOrDeputyElection && item.CandidateMemberId is { } memberId && item.CandidatePost is { } post)
        {
            var open = await db.CouncilOffices.Where(o => o.MunicipalityId == s.MunicipalityId && o.EndedOn == null).ToListAsync(ct);
            if (item.RemovalGround is { } ground)
            {
                // SL 19.3: early removal by the SL 19.1 majority; SL 19.6: documents handed over within 10 days.
                foreach (var o in open.Where(o => o.MemberId == memberId && o.Post == post))
                    EndOffice(o, decision, ground);
            }
            else
            {
                if (post == Post.Chairman)
                    foreach (var o in open.Where(o => o.Post == Post.Chairman)) EndOffice(o, decision, "new-election");
                db.CouncilOffices.Add(new CouncilOffice { MunicipalityId = s.MunicipalityId, MemberId = memberId, Post = post, ElectedOn = decision.AdoptedOn, ElectionDecisionId = decision.Id });
                var user = await db.CouncilMembers.Where(m => m.Id == memberId).Select(m => m.UserId).FirstOrDefaultAsync(ct);
                var role = post == Post.Chairman ? Role.Chairman : Role.Deputy;
                if (user is { } uid && !await db.RoleAssignments.AnyAsync(r => r.UserId == uid && r.Role == role && r.MunicipalityId == s.MunicipalityId, ct))
                    db.RoleAssignments.Add(new RoleAssignment { UserId = uid, Role = role, MunicipalityId = s.MunicipalityId, GrantedAt = DateTime.UtcNow, GrantedBy = $"decision {decision.Year}/{decision.Number}" });
            }
        }
        if (item.RevokesDecisionId is { } revoked)
        {
            var old = await db.CouncilDecisions.FirstAsync(d => d.Id == revoked, ct);
            old.Status = DecisionStatus.Revoked;
            old.RevokedByDecisionId = decision.Id;
            decision.RevokesDecisionId = revoked;
        }
        if (item.MandateCaseId is { } caseId)
        {
            // SL 23: the mandate ends by the council's decision; SL 15.6: the seat is then vacant for a by-election.
            var mc = await db.MandateCases.FirstAsync(c => c.Id == caseId, ct);
            var member = await db.CouncilMembers.FirstAsync(m => m.Id == mc.MemberId, ct);
            mc.Status = MandateCaseStatus.Decided;
            mc.DecisionId = decision.Id;
            member.Status = MemberStatus.Ended;
            member.MandateEndedOn = decision.AdoptedOn;
            member.MandateEndGround = mc.Ground;
            member.MandateEndDecisionId = decision.Id;
            foreach (var o in await db.CouncilOffices.Where(o => o.MemberId == member.Id && o.EndedOn == null).ToListAsync(ct))
                EndOffice(o, decision, "mandate-ended");
        }
        await db.SaveChangesAsync(ct);

        void EndOffice(CouncilOffice o, CouncilDecision d, string ground)
        {
            o.EndedOn = d.AdoptedOn;
            o.EndGround = ground;
            o.EndDecisionId = d.Id;
            if (o.Post == Post.Chairman) o.HandoverDueOn = d.AdoptedOn.AddDays(Mandates.HandoverDays);
        }
    }

    /// <summary>SL 19.4: the chairman signs the council's decisions (the deputy when no chairman is in office, SL 19.5).</summary>
    [Law("SL 19.4")]
    public static async Task<DecisionView> SignAsync(AppDb db, CouncilActor actor, int decisionId, TimeProvider time, CancellationToken ct = default)
    {
        var d = await FindAsync(db, actor.MunicipalityId, decisionId, ct);
        var hasChairman = await db.CouncilOffices.AnyAsync(o => o.MunicipalityId == actor.MunicipalityId && o.Post == Post.Chairman && o.EndedOn == null, ct);
        if (!actor.IsChairman && !(actor.IsDeputy && !hasChairman))
            throw new LegalRuleViolation(new(Acts.SL, "19.4"), "decisionId", "Bələdiyyənin qərarlarını bələdiyyənin sədri imzalayır",
                "The council's decisions are signed by the chairman");
        if (d.Status != DecisionStatus.Adopted)
            throw new InputError("decisionId", new Text("Qərar artıq imzalanıb və ya ləğv edilib", "The decision is already signed or revoked"), StatusCodes.Status409Conflict);
        d.Status = DecisionStatus.Signed;
        d.SignedAt = Clock.UtcNow(time);
        d.SignedBy = actor.Name;
        await db.SaveChangesAsync(ct);
        return await ViewAsync(db, d.Id, time, ct);
    }

    /// <summary>SL 52-1: the decision is made public on the portal.</summary>
    [Law("SL 52-1")]
    public static async Task<DecisionView> PublishAsync(AppDb db, CouncilActor actor, int decisionId, TimeProvider time, CancellationToken ct = default)
    {
        actor.RequireRecordKeeper();
        var d = await FindAsync(db, actor.MunicipalityId, decisionId, ct);
        if (d.SignedAt is null)
            throw new LegalRuleViolation(new(Acts.SL, "19.4"), "decisionId", "Qərar sədr imzaladıqdan sonra dərc edilir", "A decision is published once the chairman has signed it");
        d.PublishedAt ??= Clock.UtcNow(time);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(db, d.Id, time, ct);
    }

    /// <summary>SL 48.1: the copy goes to the oversight body (electronically, seed 000's action plan) — the outgoing queue.</summary>
    [Law("SL 48.1")]
    public static async Task<DecisionView> SendToOversightAsync(AppDb db, CouncilActor actor, int decisionId, TimeProvider time, CancellationToken ct = default)
    {
        actor.RequireRecordKeeper();
        var d = await FindAsync(db, actor.MunicipalityId, decisionId, ct);
        if (d.SignedAt is null)
            throw new LegalRuleViolation(new(Acts.SL, "19.4"), "decisionId", "İnzibati nəzarət orqanına imzalanmış qərarın surəti göndərilir",
                "The oversight body receives a copy of the signed decision");
        if (d.SentToOversightAt is not null)
            throw new InputError("decisionId", new Text("Surət artıq göndərilib", "The copy has already been sent"), StatusCodes.Status409Conflict);
        d.SentToOversightAt = Clock.UtcNow(time);
        d.SentBy = actor.Name;
        await db.SaveChangesAsync(ct);
        return await ViewAsync(db, d.Id, time, ct);
    }

    /// <summary>The oversight body acknowledges the copy with a receipt number (given or generated).</summary>
    public static async Task<DecisionView> AcknowledgeAsync(AppDb db, int decisionId, Receipt body, TimeProvider time, CancellationToken ct = default)
    {
        if (!db.Tenant.Has(Role.OversightOfficer) && !db.Tenant.IsAdministrator)
            throw new NotPermitted(new Text("Qəbzi inzibati nəzarət orqanının əməkdaşı verir", "Receipts are given by the oversight body's officers"));
        var d = await db.CouncilDecisions.FirstOrDefaultAsync(x => x.Id == decisionId, ct) ?? throw new NotFound("Decision");
        if (d.SentToOversightAt is null)
            throw new InputError("decisionId", new Text("Qərarın surəti hələ göndərilməyib", "The copy of the decision has not been sent yet"));
        if (d.OversightReceivedAt is not null)
            throw new InputError("decisionId", new Text("Qəbz artıq verilib", "The receipt has already been given"), StatusCodes.Status409Conflict);
        d.OversightReceiptNumber = string.IsNullOrWhiteSpace(body.ReceiptNumber) ? $"INZ-{d.Year}-{d.MunicipalityId}-{d.Number:D4}" : body.ReceiptNumber.Trim();
        d.OversightReceivedAt = Clock.UtcNow(time);
        d.OversightReceivedBy = db.Tenant.UserName;
        await db.SaveChangesAsync(ct);
        return await ViewAsync(db, d.Id, time, ct);
    }

    public static async Task<CouncilDecision> FindAsync(AppDb db, int municipalityId, int decisionId, CancellationToken ct) =>
        await db.CouncilDecisions.FirstOrDefaultAsync(d => d.Id == decisionId && d.MunicipalityId == municipalityId, ct) ?? throw new NotFound("Decision");

    public static async Task<DecisionView> ViewAsync(AppDb db, int decisionId, TimeProvider time, CancellationToken ct = default, bool published = false)
    {
        var source = published ? db.CouncilDecisions.IgnoreQueryFilters().Where(x => x.PublishedAt != null) : db.CouncilDecisions;
        var d = await source.FirstOrDefaultAsync(x => x.Id == decisionId, ct) ?? throw new NotFound("Decision");
        var names = await db.Municipalities.Where(m => m.Id == d.MunicipalityId).Select(m => new { m.Id, m.Name }).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        var calendar = await WorkingCalendars.LoadAsync(db, d.Year, d.Year + 1, ct);
        return View(d, names, calendar, Clock.Today(time));
    }

    private static DecisionView View(CouncilDecision d, IReadOnlyDictionary<int, string> names, WorkingCalendar calendar, DateOnly today)
    {
        var (az, en) = DecisionAreas.Name(d.Area);
        return new DecisionView(d.Id, d.MunicipalityId, names.GetValueOrDefault(d.MunicipalityId, ""), d.Year, d.Number, $"{d.Number}/{d.Year}", d.AdoptedOn,
            d.SessionId, d.AgendaItemId, d.Area, Text.English ? en : az, DecisionAreas.ReferenceOf(d.Area).ToString(), d.Title, d.Text, d.Rule,
            Voting.ReferenceOf(d.Rule).ToString(), d.Members, d.Present, d.For, d.Against, d.Abstain, d.Required, d.Status, d.SignedAt, d.SignedBy,
            d.PublishedAt, d.RevokesDecisionId, d.RevokedByDecisionId, d.OversightDueOn,
            Decisions.OversightCopyDue(calendar, d.AdoptedOn).Explain(Text.Lang), d.SentToOversightAt, d.OversightReceiptNumber, d.OversightReceivedAt,
            IsOverdue(d, today), d.Version);
    }

    /// <summary>SL 48.1: not sent by the last day, or sent after it.</summary>
    public static bool IsOverdue(CouncilDecision d, DateOnly today) =>
        d.SentToOversightAt is { } sent ? Clock.DayOf(sent) > d.OversightDueOn : today > d.OversightDueOn;

    /// <summary>The register, searched and paged. <paramref name="municipalityId"/> null: every municipality the user
    /// may see (oversight); <paramref name="publishedOnly"/> for the public portal.</summary>
    public static async Task<DecisionPage> PageAsync(AppDb db, int? municipalityId, DecisionQuery q, bool publishedOnly, TimeProvider time, CancellationToken ct = default)
    {
        // The public portal reads published decisions of every council, whoever asks (SL 52-1).
        var query = publishedOnly ? db.CouncilDecisions.IgnoreQueryFilters().Where(d => d.PublishedAt != null) : db.CouncilDecisions.AsQueryable();
        if (municipalityId is { } m) query = query.Where(d => d.MunicipalityId == m);
        if (q.Year is { } y) query = query.Where(d => d.Year == y);
        if (q.Area is { } a) query = query.Where(d => d.Area == a);
        if (q.Status is { } st) query = query.Where(d => d.Status == st);
        var today = Clock.Today(time);
        if (q.OversightOverdue == true) query = query.Where(d => d.SentToOversightAt == null && d.OversightDueOn < today);
        var search = !string.IsNullOrWhiteSpace(q.Q);
        if (search)
        {
            var term = q.Q!.Trim();
            query = query.Where(d => d.Title.Contains(term) || d.Text.Contains(term));
        }
        var pageSize = Math.Clamp(q.PageSize, 1, 500);
        var page = Math.Max(1, q.Page);
        var skip = (page - 1) * pageSize;
        // The page is chosen on the ids first, then its rows are read by id in that order: skipping to a deep page
        // then moves ids, not whole decisions with their text (bench/README.md, Council).
        var ordered = query.OrderByDescending(d => d.AdoptedOn).ThenByDescending(d => d.Number).Select(d => d.Id);
        int total;
        List<int> pageIds;
        if (search)
        {
            // A text search (LIKE '%…%') reads every decision whatever the indexes: one pass gives all the matching
            // ids in order, so the total and the page come from the same scan instead of two.
            var matches = await ordered.ToListAsync(ct);
            total = matches.Count;
            pageIds = matches.Skip(skip).Take(pageSize).ToList();
        }
        else
        {
            total = await query.CountAsync(ct);
            pageIds = await ordered.Skip(skip).Take(pageSize).ToListAsync(ct);
        }
        var byId = await query.Where(d => pageIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var rows = pageIds.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
        var ids = rows.Select(r => r.MunicipalityId).Distinct().ToList();
        var names = await db.Municipalities.Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        var years = rows.Select(r => r.Year).DefaultIfEmpty(today.Year);
        var calendar = await WorkingCalendars.LoadAsync(db, years.Min(), years.Max() + 1, ct);
        return new DecisionPage(total, page, pageSize, rows.Select(r => View(r, names, calendar, today)).ToList());
    }
}

/// <summary>The one write an oversight officer makes to a municipality's record: the receipt of a decision's copy.</summary>
public static class OversightReceipts
{
    private static readonly HashSet<string> ReceiptFields =
        [nameof(CouncilDecision.OversightReceiptNumber), nameof(CouncilDecision.OversightReceivedAt), nameof(CouncilDecision.OversightReceivedBy), nameof(IVersioned.Version)];

    public static bool IsReceiptOnly(EntityEntry entry, TenantContext tenant) =>
        entry.Entity is CouncilDecision && entry.State == Microsoft.EntityFrameworkCore.EntityState.Modified
        && tenant.Has(Role.OversightOfficer)
        && entry.Properties.Where(p => p.IsModified).All(p => ReceiptFields.Contains(p.Metadata.Name));
}
