using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenBams.Law.Council;
using OpenBams.Platform.Data;
using OpenBams.Platform.Identity;
using OpenBams.Registry;

namespace OpenBams.Council;

/// <summary>
/// The demo council: every seat filled with a synthetic member (the demo chairman "sedr" in office, "uzv" and
/// uzv2…uzvN as members with logins), and a session called 6 days ago for today, so a visitor can register,
/// open it, vote and sign the protocol straight away.
/// </summary>
public static class CouncilDemo
{
    public static async Task<int> LoadAsync(AppDb db, UserManager<AppUser> users, Municipality demo, string password, DateOnly today, CancellationToken ct)
    {
        if (await db.CouncilMembers.AnyAsync(m => m.MunicipalityId == demo.Id, ct)) return 0;
        var seats = demo.CouncilSize().Seats ?? 5;
        string[] names = ["Rəşad Məmmədov", "Aynur Əliyeva", "Elvin Hüseynov", "Günay Quliyeva", "Tural İsmayılov", "Nigar Həsənova", "Orxan Babayev",
            "Səbinə Kərimova", "Fərid Rzayev", "Lalə Nəsirova", "Kamran Abbasov", "Zeynəb Cəfərova", "Vüsal Səfərov", "Nərmin Qasımova", "Ramil Əsgərov",
            "Könül Mirzəyeva", "Emin Vəliyev", "Aysel Orucova", "Samir Paşayev"];
        var elected = new DateOnly(2024, 1, 29);
        var members = new List<CouncilMember>();
        for (var i = 0; i < seats; i++)
        {
            var userName = i switch { 0 => "sedr", 1 => "uzv", _ => $"uzv{i + 1}" };
            var user = await users.FindByNameAsync(userName);
            if (user is null)
            {
                user = new AppUser { UserName = userName, FullName = names[i % names.Length], CreatedAt = DateTime.UtcNow };
                var r = await users.CreateAsync(user, password);
                if (!r.Succeeded) throw new InvalidOperationException(string.Join("; ", r.Errors.Select(e => e.Description)));
                db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = Role.CouncilMember, MunicipalityId = demo.Id, GrantedAt = DateTime.UtcNow, GrantedBy = "demo" });
            }
            members.Add(new CouncilMember
            {
                MunicipalityId = demo.Id, FullName = i < 2 ? user.FullName : names[i % names.Length], UserId = user.Id, ElectedOn = elected,
                MandateConfirmedOn = elected.AddDays(4), MandateConfirmedBy = "Binəqədi dairə seçki komissiyası (demo)", TermEndsOn = Mandates.TermEnds(elected),
                Email = $"{userName}@demo.openbams.local", PermanentBasis = i == 0,
            });
        }
        db.CouncilMembers.AddRange(members);
        await db.SaveChangesAsync(ct);
        db.CouncilOffices.Add(new CouncilOffice { MunicipalityId = demo.Id, MemberId = members[0].Id, Post = Post.Chairman, ElectedOn = elected.AddDays(12) });
        var session = new CouncilSession
        {
            MunicipalityId = demo.Id, ScheduledOn = today, StartsAt = new TimeOnly(11, 0), Place = "Biləcəri bələdiyyəsinin iclas zalı (demo)",
            CalledOn = today.AddDays(-6), CalledBy = members[0].FullName, Members = seats,
        };
        db.CouncilSessions.Add(session);
        await db.SaveChangesAsync(ct);
        db.AgendaItems.AddRange(
            new AgendaItem { MunicipalityId = demo.Id, SessionId = session.Id, Number = 1, Title = "Avtomobil dayanacağı üçün ödənişin məbləği", Area = DecisionArea.LocalTaxesAndPayments,
                Rule = DecisionAreas.RuleFor(DecisionArea.LocalTaxesAndPayments), Rapporteur = members[2].FullName, DraftText = "Dayanacaq haqqı gündəlik 0,08 ŞMV təyin edilsin" },
            new AgendaItem { MunicipalityId = demo.Id, SessionId = session.Id, Number = 2, Title = "Küçələrin abadlaşdırılması proqramı", Area = DecisionArea.SocialProgramme,
                Rule = DecisionAreas.RuleFor(DecisionArea.SocialProgramme), Rapporteur = members[3].FullName, DraftText = "Proqram təsdiq edilsin" });
        await db.SaveChangesAsync(ct);
        return seats;
    }

    /// <summary>
    /// A decision of a closed session on a past day where every member voted for it, and that went the whole way then: signed
    /// (SL 19.4), published (SL 52-1) and its copy sent to the oversight body (SL 48.1). The taxes and budget demos stand on these.
    /// </summary>
    public static async Task<CouncilDecision> PastDecisionAsync(AppDb db, Municipality demo, DateOnly on, string title, string text, DecisionArea area,
        MajorityRule rule, CancellationToken ct)
    {
        var members = demo.CouncilSize().Seats ?? 5;
        var session = new CouncilSession { MunicipalityId = demo.Id, Place = "Biləcəri bələdiyyəsinin iclas zalı (demo)", CalledBy = "demo", ScheduledOn = on,
            CalledOn = on.AddDays(-6), Members = members, Status = SessionStatus.Closed, AgendaApproved = true };
        db.CouncilSessions.Add(session);
        await db.SaveChangesAsync(ct);
        var item = new AgendaItem { MunicipalityId = demo.Id, SessionId = session.Id, Number = 1, Title = title, Area = area,
            Rule = rule, Status = AgendaItemStatus.Adopted };
        db.AgendaItems.Add(item);
        await db.SaveChangesAsync(ct);
        var (required, _) = Voting.Threshold(rule, MajorityBase.AllMembers, members, members);
        var vote = new CouncilVote { MunicipalityId = demo.Id, SessionId = session.Id, AgendaItemId = item.Id, Members = members, Present = members, For = members,
            Required = required, Adopted = true, Rule = rule, Status = VoteStatus.Closed };
        db.CouncilVotes.Add(vote);
        await db.SaveChangesAsync(ct);
        var number = (await db.CouncilDecisions.Where(d => d.MunicipalityId == demo.Id && d.Year == on.Year).MaxAsync(d => (int?)d.Number, ct) ?? 0) + 1;
        var decision = new CouncilDecision { MunicipalityId = demo.Id, Year = on.Year, Number = number, AdoptedOn = on, SessionId = session.Id, AgendaItemId = item.Id,
            VoteId = vote.Id, Area = area, Title = title, Text = text,
            Rule = rule, Members = members, Present = members, For = members, Required = required, Status = DecisionStatus.Signed,
            SignedAt = At(on), OversightDueOn = on.AddDays(7), PublishedAt = At(on.AddDays(1)), SentToOversightAt = At(on.AddDays(2)), SentBy = "demo" };
        db.CouncilDecisions.Add(decision);
        await db.SaveChangesAsync(ct);
        return decision;
    }

    private static DateTime At(DateOnly day) => day.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc); // noon in Baku
}
