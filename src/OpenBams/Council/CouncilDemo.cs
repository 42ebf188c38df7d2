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
}
