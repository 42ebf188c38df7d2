using Microsoft.EntityFrameworkCore;
using OpenBams.Council;
using OpenBams.Law.Council;
using OpenBams.Registry;

namespace OpenBams.Testing;

/// <summary>What the module scenarios (taxes, budget) set up the same way: a municipality of their own, and a council decision as the
/// council module records it (the council's own pages and API are tested in its module).</summary>
public static class Scenarios
{
    /// <summary>
    /// The <paramref name="n"/>-th active municipality from the <paramref name="from"/>-th on (lower ones belong to other tests'
    /// fixtures), one step per scenario and wrapping round, so a process with hundreds of scenarios never runs off the list.
    /// </summary>
    public static Task<int> FreshMunicipalityAsync(this TestApp app, int from, int n) =>
        app.WithDbAsync(async db =>
        {
            var active = db.Municipalities.Where(x => x.Status == MunicipalityStatus.Active);
            var skip = from + n % Math.Max(1, await active.CountAsync() - from);
            return await active.OrderBy(x => x.Id).Skip(skip).Select(x => x.Id).FirstAsync();
        });

    /// <summary>A closed session with one adopted item, its closed vote and the signed decision, numbered next in its year.</summary>
    public static Task<CouncilDecision> RecordedDecisionAsync(this TestApp app, int municipalityId, DateOnly adoptedOn, DecisionArea area, MajorityRule rule,
        string title, int members = 9, int? forVotes = null, DecisionStatus status = DecisionStatus.Signed) =>
        app.WithDbAsync(async db =>
        {
            var required = rule == MajorityRule.TwoThirdsOfMembers ? (2 * members + 2) / 3 : members / 2 + 1;
            var yes = forVotes ?? Math.Max(required, members - 2);
            var session = new CouncilSession { MunicipalityId = municipalityId, Place = "Zal", CalledBy = "test", ScheduledOn = adoptedOn, CalledOn = adoptedOn.AddDays(-6),
                Members = members, Status = SessionStatus.Closed, AgendaApproved = true };
            db.CouncilSessions.Add(session);
            await db.SaveChangesAsync();
            var item = new AgendaItem { MunicipalityId = municipalityId, SessionId = session.Id, Number = 1, Title = title, Area = area, Rule = rule,
                Status = AgendaItemStatus.Adopted };
            db.AgendaItems.Add(item);
            await db.SaveChangesAsync();
            var vote = new CouncilVote { MunicipalityId = municipalityId, SessionId = session.Id, AgendaItemId = item.Id, Members = members, Present = members,
                For = yes, Against = members - yes, Required = required, Adopted = yes >= required, Rule = rule, Status = VoteStatus.Closed };
            db.CouncilVotes.Add(vote);
            await db.SaveChangesAsync();
            var number = (await db.CouncilDecisions.Where(d => d.MunicipalityId == municipalityId && d.Year == adoptedOn.Year).MaxAsync(d => (int?)d.Number) ?? 0) + 1;
            var d = new CouncilDecision { MunicipalityId = municipalityId, Year = adoptedOn.Year, Number = number, AdoptedOn = adoptedOn, SessionId = session.Id,
                AgendaItemId = item.Id, VoteId = vote.Id, Area = area, Title = title, Text = title, Rule = rule, Members = members, Present = members,
                For = yes, Against = members - yes, Required = required, Status = status, SignedAt = DateTime.UtcNow, OversightDueOn = adoptedOn.AddDays(7) };
            db.CouncilDecisions.Add(d);
            await db.SaveChangesAsync();
            return d;
        });
}
