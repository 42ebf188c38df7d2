using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenBams.Council;
using OpenBams.Law.Council;
using OpenBams.Platform;
using OpenBams.Platform.Calendar;
using OpenBams.Platform.Data;
using OpenBams.Platform.Identity;
using OpenBams.Platform.Tenancy;
using OpenBams.Registry;

namespace OpenBams.Bench;

/// <summary>
/// The council's hot paths on a national dataset, through the real app (in-process HTTP, real logins):
/// <list type="bullet">
/// <item>the live session screen that every member's browser polls every 3 seconds (<see cref="SessionFlow.ViewAsync"/>):
/// a 19-member council, a session of 30 items, each voted by open ballot (roll call) with speeches, held through the API;</item>
/// <item>the public portal of decisions (<see cref="DecisionRegister.PageAsync"/> with publishedOnly): first page, a deep
/// page, one municipality, text searches;</item>
/// <item>the national oversight queue of copies overdue under SL 48.1, as an oversight officer.</item>
/// </list>
/// The dataset: 1600 municipalities (the active ones of the official list, in Id order) with 30 published decisions
/// each, and behind every decision what the council records produce: its session (10 per municipality, 3 items each),
/// agenda item, vote, every member's ballot, attendance and a speech. Loaded directly as the platform (audit suppressed,
/// ballots and attendance by INSERT … SELECT), except the live session, which is held through the API.
/// </summary>
public sealed class CouncilBench
{
    public const int MunicipalityCount = 1600;
    public const int SessionsPerMunicipality = 10;
    public const int ItemsPerSession = 3;
    public const int LiveSeats = 19;
    public const int LiveItems = 30;
    public const int SpeechesPerLiveItem = 3;
    /// <summary>One decision in 25 was never sent to the oversight body: 1920 overdue copies nationally.</summary>
    public const int UnsentEvery = 25;
    public const int DeepPage = 900;   // of 960 pages of 50
    public const string ManyHitsTerm = "dayanacaq";
    public const string FewHitsTerm = "kitabxana";
    /// <summary>In the text of every decision ("… bələdiyyəsi … QƏRARA ALIR"): the worst case of a search.</summary>
    public const string EveryHitTerm = "bələdiyyəsi";
    public const string Password = "Bench-member-2026";

    public required string Engine { get; init; }
    public BenchHost Host { get; private set; } = null!;
    public int LiveMunicipalityId { get; private set; }
    public string LiveMunicipalityName { get; private set; } = "";
    public int LiveSessionId { get; private set; }
    public List<string> DatasetLines { get; } = [];

    private HttpClient _member = null!;
    private TenantContext _memberTenant = TenantContext.Anonymous;
    private HttpClient _officer = null!;
    private HttpClient _public = null!;
    private readonly List<HttpClient> _clients = [];

    public string SessionPath => $"/api/v1/municipalities/{LiveMunicipalityId}/council/sessions/{LiveSessionId}";
    public string MunicipalityPath => $"/api/v1/public/decisions?municipality={LiveMunicipalityId}";
    public const string FirstPagePath = "/api/v1/public/decisions";
    public static readonly string DeepPagePath = $"/api/v1/public/decisions?page={DeepPage}";
    public static readonly string ManyHitsPath = $"/api/v1/public/decisions?q={ManyHitsTerm}";
    public static readonly string FewHitsPath = $"/api/v1/public/decisions?q={FewHitsTerm}";
    public static readonly string EveryHitPath = $"/api/v1/public/decisions?q={Uri.EscapeDataString(EveryHitTerm)}";
    public const string OversightPath = "/api/v1/oversight/decisions?oversightOverdue=true";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>What each scenario runs (timed) and how its last answer is described (not timed).</summary>
    public sealed record Scenario(string Name, Func<Task<object>> Run, Func<object, string> Describe);

    public IReadOnlyList<Scenario> Scenarios() =>
    [
        new("session view: SessionFlow.ViewAsync (in-process, as the member)", async () => await ViewInProcessAsync(), o => DescribeSession((SessionView)o)),
        new("session view: HTTP GET …/council/sessions/{id} as a member", async () => await _member.GetStringAsync(SessionPath), o => DescribeSession((string)o)),
        new("portal: HTTP GET /public/decisions (page 1)", async () => await _public.GetStringAsync(FirstPagePath), DescribePage),
        new($"portal: HTTP GET /public/decisions?page={DeepPage}", async () => await _public.GetStringAsync(DeepPagePath), DescribePage),
        new("portal: HTTP GET /public/decisions?municipality={id}", async () => await _public.GetStringAsync(MunicipalityPath), DescribePage),
        new($"portal: HTTP GET /public/decisions?q={ManyHitsTerm}", async () => await _public.GetStringAsync(ManyHitsPath), DescribePage),
        new($"portal: HTTP GET /public/decisions?q={FewHitsTerm}", async () => await _public.GetStringAsync(FewHitsPath), DescribePage),
        new($"portal: HTTP GET /public/decisions?q={EveryHitTerm}", async () => await _public.GetStringAsync(EveryHitPath), DescribePage),
        new("oversight: HTTP GET /oversight/decisions?oversightOverdue=true", async () => await _officer.GetStringAsync(OversightPath), DescribePage),
    ];

    public async Task SetupAsync()
    {
        var total = Stopwatch.StartNew();
        Host = await BenchHost.StartAsync(Engine);
        var today = Clock.Today(TimeProvider.System);

        var load = Stopwatch.StartNew();
        var live = await LoadNationalAsync(today);
        var loaded = load.Elapsed;

        var held = Stopwatch.StartNew();
        await HoldLiveSessionAsync(live, today);
        var heldFor = held.Elapsed;

        await using (var scope = Host.App.Services.CreateAsyncScope())
        {
            var db = SystemDb(scope);
            // PostgreSQL's autovacuum vacuums and analyses freshly loaded tables soon after; do it now so that the
            // plans (and the visibility map that index-only scans need) are the steady-state ones. SQLite is left as
            // the app leaves it (the app never runs ANALYZE there).
            if (Engine == "PostgreSQL") await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
            var published = await db.CouncilDecisions.CountAsync(d => d.PublishedAt != null);
            var overdue = await db.CouncilDecisions.CountAsync(d => d.SentToOversightAt == null && d.OversightDueOn < today);
            DatasetLines.Add($"Dataset ({Engine}): {await db.CouncilDecisions.CountAsync()} decisions ({published} published, {overdue} copies overdue), " +
                             $"{await db.CouncilSessions.CountAsync()} sessions, {await db.AgendaItems.CountAsync()} agenda items, {await db.CouncilVotes.CountAsync()} votes, " +
                             $"{await db.Ballots.CountAsync()} ballots, {await db.CouncilMembers.CountAsync()} members, {await db.SessionAttendance.CountAsync()} attendance rows, " +
                             $"{await db.Speeches.CountAsync()} speeches; loaded in {loaded.TotalSeconds:0} s, the live session held through the API " +
                             $"({_requests} requests) in {heldFor.TotalSeconds:0} s, set-up {total.Elapsed.TotalSeconds:0} s in all.");
        }
        DatasetLines.Add($"Live session ({Engine}): {LiveMunicipalityName} (id {LiveMunicipalityId}), session {LiveSessionId}, polled by a member; " +
                         "the portal anonymously; the oversight queue by a national oversight officer.");
    }

    public async Task CleanupAsync()
    {
        foreach (var c in _clients) c.Dispose();
        await Host.DisposeAsync();
    }

    private static AppDb SystemDb(AsyncServiceScope scope)
    {
        scope.ServiceProvider.GetRequiredService<TenantAccessor>().Use(TenantContext.System);
        return scope.ServiceProvider.GetRequiredService<AppDb>();
    }

    private async Task<SessionView> ViewInProcessAsync()
    {
        // One scope per call, like one request: a fresh context, no entities tracked from a previous poll; the
        // polling member's tenant, so the tenant filter is the one the HTTP request has.
        await using var scope = Host.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantAccessor>().Use(_memberTenant);
        return await SessionFlow.ViewAsync(scope.ServiceProvider.GetRequiredService<AppDb>(), LiveMunicipalityId, LiveSessionId);
    }

    // ---------------------------------------------------------------- the national dataset

    private sealed record LiveCouncil(int MunicipalityId, List<(int Id, string Name, string UserName)> Members);

    private static readonly string[] FirstNames =
        ["Rəşad", "Aynur", "Elvin", "Günay", "Tural", "Nigar", "Orxan", "Səbinə", "Fərid", "Lalə", "Kamran", "Zeynəb", "Vüsal", "Nərmin", "Ramil",
         "Könül", "Emin", "Aysel", "Samir", "Leyla", "Elnur", "Sevinc", "Ilqar", "Xədicə", "Anar", "Gülnar", "Rauf"];
    private static readonly string[] LastNames =
        ["Məmmədov", "Əliyev", "Hüseynov", "Quliyev", "İsmayılov", "Həsənov", "Babayev", "Kərimov", "Rzayev", "Nəsirov", "Abbasov", "Cəfərov",
         "Səfərov", "Qasımov", "Əsgərov", "Mirzəyev", "Vəliyev", "Orucov", "Paşayev"];

    private static string PersonName(int n) => $"{FirstNames[n % FirstNames.Length]} {LastNames[n / FirstNames.Length % LastNames.Length]}";

    /// <summary>Decision subjects: title, area, operative text. "dayanacaq" (parking) is in one subject of 13.</summary>
    private static readonly (string Title, DecisionArea Area, string Draft)[] Subjects =
    [
        ("Yerli büdcənin təsdiq edilməsi ({0})", DecisionArea.Budget, "Yerli büdcənin gəlirləri və xərcləri əlavəyə uyğun olaraq təsdiq edilsin; ehtiyat fondu xərclərin 3 faizi həcmində müəyyən edilsin."),
        ("Ödənişli dayanacaq haqqının müəyyən edilməsi", DecisionArea.LocalTaxesAndPayments, "Bələdiyyə ərazisində ödənişli dayanacaq yerləri üçün gündəlik haqq 0,08 ŞMV məbləğində müəyyən edilsin; dayanacaq yerlərinin siyahısı əlavədə verilir."),
        ("Torpaq sahəsinin icarəyə verilməsi", DecisionArea.MunicipalProperty, "Bələdiyyə mülkiyyətində olan 0,12 ha torpaq sahəsi hərrac yolu ilə 10 il müddətinə kənd təsərrüfatı məqsədləri üçün icarəyə verilsin."),
        ("Küçələrin abadlaşdırılması proqramı", DecisionArea.SocialProgramme, "Küçələrin abadlaşdırılması və işıqlandırılması üzrə yerli sosial inkişaf proqramı təsdiq edilsin; icrasına nəzarət daimi komissiyaya həvalə edilsin."),
        ("Yerli iqtisadi inkişaf proqramı", DecisionArea.EconomicProgramme, "Kiçik sahibkarlığın dəstəklənməsi üzrə yerli iqtisadi inkişaf proqramı 2 il müddətinə təsdiq edilsin."),
        ("Yaşıllıqların salınması üzrə ekoloji proqram", DecisionArea.EcologicalProgramme, "Yaşayış məntəqələrində 500 ağac əkilməsi və suvarma sisteminin bərpası üzrə yerli ekoloji proqram təsdiq edilsin."),
        ("Daimi komissiyanın tərkibinin seçilməsi", DecisionArea.CommissionElection, "Yerli sosial məsələlər üzrə daimi komissiya 3 üzvdən ibarət tərkibdə seçilsin."),
        ("Reqlamentə dəyişikliklərin edilməsi", DecisionArea.RulesOfProcedure, "Bələdiyyənin iclaslarının keçirilməsi qaydasına dair reqlamentə əlavəyə uyğun dəyişikliklər edilsin."),
        ("Nizamnaməyə dəyişikliklərin edilməsi", DecisionArea.Charter, "Bələdiyyənin nizamnaməsinə əlavəyə uyğun dəyişikliklər edilsin və dövlət qeydiyyatı üçün Ədliyyə Nazirliyinə təqdim olunsun."),
        ("Yerli vergi dərəcələrinin müəyyən edilməsi ({0})", DecisionArea.LocalTaxesAndPayments, "Fiziki şəxslərin əmlak vergisi və torpaq vergisi dərəcələri qanunla müəyyən edilmiş hədlər daxilində əlavəyə uyğun müəyyən edilsin."),
        ("Büdcənin icrası haqqında hesabatın təsdiq edilməsi ({0})", DecisionArea.Budget, "Yerli büdcənin icrası haqqında illik hesabat təsdiq edilsin və əhaliyə açıqlansın."),
        ("Aztəminatlı ailələrə birdəfəlik yardım", DecisionArea.SocialProgramme, "Aztəminatlı ailələrə bayram münasibətilə birdəfəlik maddi yardım göstərilməsi üzrə proqram təsdiq edilsin."),
        ("Məktəbəqədər müəssisənin təmiri", DecisionArea.Other, "Bələdiyyə tabeliyində olan uşaq bağçasının dam örtüyünün təmiri üçün yerli büdcədən vəsait ayrılsın."),
    ];

    /// <summary>The rare subject (one decision in 500): "kitabxana" (library).</summary>
    private static readonly (string Title, DecisionArea Area, string Draft) Rare =
        ("Kənd kitabxanasının fəaliyyətinin təşkili", DecisionArea.Other, "Kənd kitabxanasının fəaliyyəti bərpa edilsin və kitab fondunun yenilənməsi üçün vəsait ayrılsın.");

    private static string DecisionText(string municipality, string draft) =>
        $"{municipality} bələdiyyəsi, Azərbaycan Respublikası Konstitusiyasının 144-cü maddəsini və «Bələdiyyələrin statusu haqqında» " +
        $"Qanunun 16-cı maddəsini rəhbər tutaraq QƏRARA ALIR:\n1. {draft}\n2. Qərar imzalandığı gündən qüvvəyə minir.\n" +
        "3. Qərarın surəti beş iş günü ərzində inzibati nəzarət orqanına göndərilsin.\n4. Qərar bələdiyyənin rəsmi internet səhifəsində dərc edilsin.";

    private static DateTime At(DateOnly day, int hourUtc) => day.ToDateTime(new TimeOnly(hourUtc, 0), DateTimeKind.Utc);

    private async Task<LiveCouncil> LoadNationalAsync(DateOnly today)
    {
        await using var scope = Host.App.Services.CreateAsyncScope();
        var db = SystemDb(scope);
        db.SuppressAudit = true;
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        var municipalities = await db.Municipalities.Where(m => m.Status == MunicipalityStatus.Active).OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.Name }).Take(MunicipalityCount).ToListAsync();
        if (municipalities.Count != MunicipalityCount)
            throw new InvalidOperationException($"Expected {MunicipalityCount} active municipalities in the official list, found {municipalities.Count}.");

        // The live council: a municipality of 150 000 inhabitants has 19 seats (EC 210.2), each member with a login.
        var liveIndex = MunicipalityCount / 2;
        var liveMunicipality = await db.Municipalities.FirstAsync(m => m.Id == municipalities[liveIndex].Id);
        liveMunicipality.Population = 150_000;
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        if (liveMunicipality.CouncilSize().Seats != LiveSeats)
            throw new InvalidOperationException($"Expected {LiveSeats} seats for 150 000 inhabitants, got {liveMunicipality.CouncilSize().Seats}.");
        LiveMunicipalityId = liveMunicipality.Id;
        LiveMunicipalityName = liveMunicipality.Name;

        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var elected = new DateOnly(2024, 1, 29);
        var liveMembers = new List<(int, string, string)>();
        var liveEntities = new List<CouncilMember>();
        for (var i = 0; i < LiveSeats; i++)
        {
            var userName = $"bench-uzv{i + 1}";
            var member = NewMember(LiveMunicipalityId, i, elected);
            member.UserId = await CreateUserAsync(users, db, userName, member.FullName, Role.CouncilMember, LiveMunicipalityId);
            liveEntities.Add(member);
        }
        await CreateUserAsync(users, db, "bench-nezaret", "Nəzarət Məmuru", Role.OversightOfficer, null);
        db.CouncilMembers.AddRange(liveEntities);
        await db.SaveChangesAsync();
        db.CouncilOffices.Add(new CouncilOffice { MunicipalityId = LiveMunicipalityId, MemberId = liveEntities[0].Id, Post = Post.Chairman, ElectedOn = elected.AddDays(12) });
        await db.SaveChangesAsync();
        for (var i = 0; i < LiveSeats; i++) liveMembers.Add((liveEntities[i].Id, liveEntities[i].FullName, $"bench-uzv{i + 1}"));

        var calendar = await WorkingCalendars.LoadAsync(db, today.Year - 3, today.Year + 1);
        var global = 0;
        const int chunk = 100;
        for (var from = 0; from < municipalities.Count; from += chunk)
        {
            var part = municipalities.Skip(from).Take(chunk).Select((m, k) => (m.Id, m.Name, Index: from + k)).ToList();
            // Members, then sessions chaired by the first and minuted by the second.
            var members = new Dictionary<int, List<CouncilMember>>();
            foreach (var (id, _, index) in part)
            {
                members[id] = id == LiveMunicipalityId ? liveEntities
                    : Enumerable.Range(0, 5 + 2 * (index % 6)).Select(i => NewMember(id, index * 7 + i, elected)).ToList();
                if (id != LiveMunicipalityId) db.CouncilMembers.AddRange(members[id]);
            }
            await db.SaveChangesAsync();
            var sessions = new Dictionary<int, List<CouncilSession>>();
            foreach (var (id, name, index) in part)
            {
                var list = members[id];
                // Oldest first, ten weeks apart, over the last two years; the newest 20 days or more ago.
                sessions[id] = Enumerable.Range(0, SessionsPerMunicipality).Reverse().Select(j =>
                {
                    var day = today.AddDays(-(20 + j * 70 + index % 50));
                    return new CouncilSession
                    {
                        MunicipalityId = id, ScheduledOn = day, StartsAt = new TimeOnly(11, 0), Place = $"{name} bələdiyyəsinin iclas zalı",
                        CalledOn = day.AddDays(-7), CalledBy = list[0].FullName, Status = SessionStatus.Closed, OpenedAt = At(day, 7), ClosedAt = At(day, 9),
                        Members = list.Count, ChairMemberId = list[0].Id, SecretaryMemberId = list[1].Id, AgendaApproved = true,
                    };
                }).ToList();
                db.CouncilSessions.AddRange(sessions[id]);
            }
            await db.SaveChangesAsync();

            // Agenda items and votes (the agenda's and each item's).
            var items = new List<(AgendaItem Item, CouncilSession Session, int Global, string Municipality)>();
            foreach (var (id, name, index) in part)
                foreach (var s in sessions[id])
                    for (var n = 1; n <= ItemsPerSession; n++, global++)
                    {
                        var (title, area, draft) = global % 500 == 250 ? Rare : Subjects[(index * 7 + global) % Subjects.Length];
                        var item = new AgendaItem
                        {
                            MunicipalityId = id, SessionId = s.Id, Number = n, Title = string.Format(title, s.ScheduledOn.Year), Area = area,
                            Rule = DecisionAreas.RuleFor(area), Rapporteur = members[id][n % members[id].Count].FullName, DraftText = draft, Status = AgendaItemStatus.Adopted,
                        };
                        items.Add((item, s, global, name));
                        db.AgendaItems.Add(item);
                    }
            foreach (var (id, _, _) in part)
                foreach (var s in sessions[id])
                    db.CouncilVotes.Add(ClosedVote(s, null, MajorityRule.SimpleMajority));
            await db.SaveChangesAsync();
            var votes = items.Select(x => ClosedVote(x.Session, x.Item.Id, x.Item.Rule)).ToList();
            db.CouncilVotes.AddRange(votes);
            await db.SaveChangesAsync();

            // The decisions, numbered per municipality and year in order of adoption; all signed and published.
            var numbers = new Dictionary<(int, int), int>();
            for (var k = 0; k < items.Count; k++)
            {
                var (item, s, g, municipality) = items[k];
                var v = votes[k];
                var adopted = s.ScheduledOn;
                var number = numbers[(s.MunicipalityId, adopted.Year)] = numbers.GetValueOrDefault((s.MunicipalityId, adopted.Year)) + 1;
                var sent = g % UnsentEvery != 7;
                db.CouncilDecisions.Add(new CouncilDecision
                {
                    MunicipalityId = s.MunicipalityId, Year = adopted.Year, Number = number, AdoptedOn = adopted, SessionId = s.Id, AgendaItemId = item.Id, VoteId = v.Id,
                    Area = item.Area, Title = item.Title, Text = DecisionText(municipality, item.DraftText!), Rule = item.Rule,
                    Members = v.Members, Present = v.Present, For = v.For, Against = v.Against, Abstain = v.Abstain, Required = v.Required ?? 0,
                    Status = DecisionStatus.Signed, SignedAt = At(adopted.AddDays(1), 6), SignedBy = PersonName(g), PublishedAt = At(adopted.AddDays(2), 6),
                    OversightDueOn = Decisions.OversightCopyDue(calendar, adopted).Due,
                    SentToOversightAt = sent ? At(adopted.AddDays(3), 6) : null, SentBy = sent ? "katib" : null,
                    OversightReceiptNumber = sent ? $"INZ-{adopted.Year}-{s.MunicipalityId}-{number:D4}" : null,
                    OversightReceivedAt = sent ? At(adopted.AddDays(5), 8) : null, OversightReceivedBy = sent ? "nezaret" : null,
                });
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        // Every member present at every past session, a ballot "for" from each on every vote, a rapporteur's speech on each item.
        await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO "SessionAttendance" ("MunicipalityId", "SessionId", "MemberId", "Status", "RegisteredAt")
            SELECT s."MunicipalityId", s."Id", m."Id", 0, s."OpenedAt"
            FROM "CouncilSessions" AS s INNER JOIN "CouncilMembers" AS m ON m."MunicipalityId" = s."MunicipalityId"
            """);
        await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO "Ballots" ("MunicipalityId", "VoteId", "MemberId", "Choice", "CastAt")
            SELECT v."MunicipalityId", v."Id", m."Id", 0, v."OpenedAt"
            FROM "CouncilVotes" AS v INNER JOIN "CouncilMembers" AS m ON m."MunicipalityId" = v."MunicipalityId"
            """);
        await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO "Speeches" ("MunicipalityId", "AgendaItemId", "Speaker", "Summary", "At")
            SELECT i."MunicipalityId", i."Id", i."Rapporteur", 'Məruzəçi qərar layihəsini təqdim etdi və suallara cavab verdi.', s."OpenedAt"
            FROM "AgendaItems" AS i INNER JOIN "CouncilSessions" AS s ON s."Id" = i."SessionId"
            """);
        return new LiveCouncil(LiveMunicipalityId, liveMembers);
    }

    private static CouncilMember NewMember(int municipalityId, int n, DateOnly elected) => new()
    {
        MunicipalityId = municipalityId, FullName = PersonName(n), ElectedOn = elected, MandateConfirmedOn = elected.AddDays(4),
        MandateConfirmedBy = "Dairə seçki komissiyası", TermEndsOn = Mandates.TermEnds(elected),
    };

    private static CouncilVote ClosedVote(CouncilSession s, int? itemId, MajorityRule rule)
    {
        var result = Voting.Decide(rule, MajorityBase.AllMembers, new Tally(s.Members, s.Members, s.Members, 0, 0));
        return new CouncilVote
        {
            MunicipalityId = s.MunicipalityId, SessionId = s.Id, AgendaItemId = itemId, Ballot = BallotKind.Open, Rule = rule, Base = MajorityBase.AllMembers,
            Members = s.Members, Present = s.Members, For = s.Members, Required = result.Required, Adopted = result.Adopted, Status = VoteStatus.Closed,
            OpenedAt = s.OpenedAt!.Value, ClosedAt = s.OpenedAt!.Value.AddMinutes(5),
        };
    }

    /// <summary>As the tests' TestApp.CreateUserAsync: an account with one role, the password checked at login.</summary>
    private static async Task<Guid> CreateUserAsync(UserManager<AppUser> users, AppDb db, string userName, string fullName, Role role, int? municipalityId)
    {
        var user = new AppUser { UserName = userName, FullName = fullName, CreatedAt = DateTime.UtcNow };
        var result = await users.CreateAsync(user, Password);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = role, MunicipalityId = municipalityId, GrantedAt = DateTime.UtcNow, GrantedBy = "bench" });
        await db.SaveChangesAsync();
        return user.Id;
    }

    // ---------------------------------------------------------------- the live session, held through the API

    private int _requests;

    private async Task HoldLiveSessionAsync(LiveCouncil live, DateOnly today)
    {
        // Called six days ago for today (SL 16.1 notice), with its agenda, as the secretary's call would leave it.
        await using (var scope = Host.App.Services.CreateAsyncScope())
        {
            var db = SystemDb(scope);
            var chairman = live.Members[0].Name;
            var session = new CouncilSession
            {
                MunicipalityId = live.MunicipalityId, ScheduledOn = today, StartsAt = new TimeOnly(11, 0), Place = $"{LiveMunicipalityName} bələdiyyəsinin iclas zalı",
                CalledOn = today.AddDays(-6), CalledBy = chairman, Members = LiveSeats,
            };
            db.CouncilSessions.Add(session);
            await db.SaveChangesAsync();
            for (var n = 1; n <= LiveItems; n++)
            {
                var (title, area, draft) = n == LiveItems ? Rare : Subjects[n % Subjects.Length];
                db.AgendaItems.Add(new AgendaItem
                {
                    MunicipalityId = live.MunicipalityId, SessionId = session.Id, Number = n, Title = string.Format(title, today.Year), Area = area,
                    Rule = DecisionAreas.RuleFor(area), Rapporteur = live.Members[n % LiveSeats].Name,
                    Summary = "Məsələ daimi komissiyada müzakirə edilib və iclasa tövsiyə olunub.", DraftText = DecisionText(LiveMunicipalityName, draft),
                });
            }
            db.SessionInvitees.Add(new SessionInvitee { MunicipalityId = live.MunicipalityId, SessionId = session.Id, Name = "Səməd Qurbanov", Capacity = "İcra hakimiyyətinin nümayəndəsi" });
            db.SessionInvitees.Add(new SessionInvitee { MunicipalityId = live.MunicipalityId, SessionId = session.Id, Name = "Mətbuat nümayəndəsi", Capacity = "Yerli qəzet" });
            await db.SaveChangesAsync();
            LiveSessionId = session.Id;
        }

        var api = $"/api/v1/municipalities/{live.MunicipalityId}/council/sessions/{LiveSessionId}";
        var members = new List<HttpClient>();
        foreach (var (_, _, userName) in live.Members) members.Add(await LoginAsync(userName));
        _officer = await LoginAsync("bench-nezaret");
        _public = Host.Client();
        _clients.Add(_public);
        _member = members[5];
        var (memberId, _, memberUser) = live.Members[5];
        await using (var scope = Host.App.Services.CreateAsyncScope())
        {
            var userId = await SystemDb(scope).CouncilMembers.Where(m => m.Id == memberId).Select(m => m.UserId!.Value).SingleAsync();
            _memberTenant = new TenantContext(userId, memberUser, false, new HashSet<int> { live.MunicipalityId }, [(Role.CouncilMember, live.MunicipalityId)]);
        }
        var chair = members[0];

        foreach (var m in members) await PostAsync(m, $"{api}/attendance", new RegisterAttendance(null));
        await PostAsync(chair, $"{api}/open", new OpenSession(SecretaryMemberId: live.Members[1].Id));
        await VoteAsync(null);
        var view = await GetViewAsync(chair, api);
        foreach (var item in view.Agenda)
        {
            for (var k = 0; k < SpeechesPerLiveItem; k++)
                await PostAsync(chair, $"{api}/agenda/{item.Id}/speeches", new NewSpeech(live.Members[(item.Number + k * 5) % LiveSeats].Name,
                    k == 0 ? "Məruzəçi qərar layihəsini təqdim etdi, maliyyə mənbəyini və icra müddətini izah etdi."
                           : "Üzv layihəni dəstəklədi, icrasına nəzarətin daimi komissiyaya həvalə edilməsini təklif etdi."));
            await VoteAsync(item.Id);
        }
        var done = await GetViewAsync(_member, api);
        if (done.Status != SessionStatus.Open || done.Agenda.Count != LiveItems || done.Votes.Count != LiveItems + 1
            || done.Votes.Any(v => v.BallotsCast != LiveSeats || v.Adopted != true) || done.Agenda.Any(i => i.DecisionId is null || i.Speeches.Count != SpeechesPerLiveItem))
            throw new InvalidOperationException("The live session did not reach the expected state: " + DescribeSession(done));

        async Task VoteAsync(int? itemId)
        {
            var opened = await PostAsync(chair, $"{api}/votes", new OpenVote(itemId));
            var voteId = opened.Votes[^1].Id;
            for (var i = 0; i < members.Count; i++)
            {
                // Mostly for; a few against or abstaining, so every item still passes (two thirds included).
                var k = i + (itemId ?? 0);
                var choice = k % 7 == 3 ? VoteChoice.Against : k % 11 == 5 ? VoteChoice.Abstain : VoteChoice.For;
                await PostAsync(members[i], $"{api}/votes/{voteId}/ballots", new CastBallot(choice));
            }
            await PostAsync(chair, $"{api}/votes/{voteId}/close", null);
        }
    }

    private async Task<HttpClient> LoginAsync(string userName)
    {
        var client = Host.Client();
        _clients.Add(client);
        var r = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = Password });
        _requests++;
        if (!r.IsSuccessStatusCode) throw new InvalidOperationException($"Login of {userName} failed: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        return client;
    }

    private async Task<SessionView> PostAsync(HttpClient client, string url, object? body)
    {
        var r = await client.PostAsync(url, body is null ? null : JsonContent.Create(body, body.GetType(), options: Json));
        _requests++;
        var text = await r.Content.ReadAsStringAsync();
        if (!r.IsSuccessStatusCode) throw new InvalidOperationException($"POST {url} → {(int)r.StatusCode}: {text}");
        return JsonSerializer.Deserialize<SessionView>(text, Json)!;
    }

    private async Task<SessionView> GetViewAsync(HttpClient client, string url)
    {
        _requests++;
        return JsonSerializer.Deserialize<SessionView>(await client.GetStringAsync(url), Json)!;
    }

    // ---------------------------------------------------------------- describing answers

    private static string DescribeSession(string json) => $"{DescribeSession(JsonSerializer.Deserialize<SessionView>(json, Json)!)}, {json.Length / 1024} KB";

    private static string DescribeSession(SessionView s) =>
        $"{s.Attendance.Count} members, {s.Agenda.Count} items, {s.Votes.Count} votes, {s.Votes.Sum(v => v.BallotsCast)} ballots, {s.Agenda.Sum(i => i.Speeches.Count)} speeches";

    private static string DescribePage(object o)
    {
        var json = (string)o;
        using var doc = JsonDocument.Parse(json);
        return $"{doc.RootElement.GetProperty("items").GetArrayLength()} of {doc.RootElement.GetProperty("total").GetInt32()} rows, {json.Length / 1024} KB";
    }
}
