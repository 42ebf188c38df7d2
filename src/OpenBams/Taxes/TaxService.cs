using Microsoft.EntityFrameworkCore;
using OpenBams.Law;
using OpenBams.Law.Taxes;
using OpenBams.Platform;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;
using OpenBams.Platform.Identity;
using OpenBams.Platform.Localization;
using OpenBams.Platform.Search;

namespace OpenBams.Taxes;

/// <summary>A flag on a record of the tax service: a missed or running deadline, a suspension, a missing step.</summary>
public sealed record ServiceFlag(string Code, string Rule, string Severity, string Message, DateOnly? DueOn);

public sealed record ServiceSettingsChange(bool? ComplaintSuspendsPayment, long? Version);
public sealed record NewServiceReview(int? DecisionId);

public sealed record ServiceSettingsView(bool ComplaintSuspendsPayment, string Note, long Version);
public sealed record ReviewView(int Id, int DecisionId, string DecisionCode, string Title, DateOnly AdoptedOn, DateTime RecordedAt, string RecordedBy);
public sealed record ReviewCandidate(int DecisionId, string DecisionCode, string Title, DateOnly AdoptedOn);

/// <summary>TAX-REG 7.2: the last recorded discussion of the tax service's work, when the next is due, and decisions that may be it.</summary>
public sealed record AnnualReviewView(ReviewView? Last, DateOnly? NextDueOn, bool Missing, string Rule, string Explanation,
    IReadOnlyList<ReviewView> History, IReadOnlyList<ReviewCandidate> Candidates);

/// <summary>The tax service at a glance: the yearly discussion, the 6.5 switch, and what is overdue.</summary>
public sealed record ServiceOverview(AnnualReviewView AnnualReview, ServiceSettingsView Settings, int AuditsOpen, int ActsOpen, int ActsOverdue,
    int ComplaintsPending, int ComplaintsOverdue, IReadOnlyList<ServiceFlag> Flags);

/// <summary>
/// The municipal tax service body's procedure (Regulation approved by Law N 478-IIQ): what its commands share, its settings
/// (TAX-REG 6.5) and the yearly discussion of its work by the municipality (TAX-REG 7.2). Audits, acts and complaints have
/// their own files (TaxServiceAudits, TaxServiceActs, TaxServiceComplaints).
/// </summary>
public static class TaxService
{
    /// <summary>The tax service records (audits, acts, complaints) are kept by the tax service; the chairman acts on them too.</summary>
    public static void RequireKeeperOrChairman(TaxActor actor, string rule)
    {
        if (!actor.KeepsRegister && !actor.IsChairman)
            throw new NotPermitted(new Text($"Bunu bələdiyyənin vergi xidməti və ya sədr edir ({rule})", $"This is for the municipality's tax service or the chairman ({rule})"));
    }

    /// <summary>The name a signature or record shows: the account's full name and whether chairman or deputy.</summary>
    public static async Task<string> SignerAsync(AppDb db, TaxActor actor, CancellationToken ct)
    {
        var id = actor.Tenant.UserId;
        var full = id is null ? null : await db.Users.Where(u => u.Id == id).Select(u => u.FullName).FirstOrDefaultAsync(ct);
        var name = string.IsNullOrWhiteSpace(full) ? actor.Name : full.Trim();
        var post = actor.Tenant.Has(Role.Chairman, actor.MunicipalityId) ? "sədr / chairman"
            : actor.Tenant.Has(Role.Deputy, actor.MunicipalityId) ? "sədr müavini / deputy chairman" : null;
        return Truncate(post is null ? name : $"{name} ({post})", 256);
    }

    public static void CheckVersion(IVersioned record, long? version)
    {
        if (version is { } v && v != record.Version) throw new DbUpdateConcurrencyException();
    }

    public static long RequireVersion(long? version) =>
        version ?? throw new InputError("version", new Text("Oxuduğunuz versiya (version) göndərilməlidir", "Send the version you read"), StatusCodes.Status400BadRequest);

    public static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];

    /// <summary>Required text, trimmed, at most <paramref name="max"/> characters.</summary>
    public static string Required(string? s, string field, int max, Text what)
    {
        var t = Input.Blank(s) ?? throw new InputError(field, what);
        return t.Length <= max ? t : throw TooLong(field, max);
    }

    public static string? Optional(string? s, string field, int max)
    {
        var t = Input.Blank(s);
        return t is null || t.Length <= max ? t : throw TooLong(field, max);
    }

    public static InputError TooLong(string field, int max) =>
        new(field, new Text($"Mətn çox uzundur (ən çoxu {max} simvol)", $"The text is too long (at most {max} characters)"));

    /// <summary>A day of a step: not in the future, not before the step it follows.</summary>
    public static DateOnly Day(DateOnly? value, string field, DateOnly today, DateOnly? notBefore = null, Text? notBeforeWhat = null)
    {
        var d = value ?? today;
        if (d > today)
            throw new InputError(field, new Text("Tarix gələcəkdə ola bilməz", "The date cannot be in the future"));
        if (notBefore is { } nb && d < nb)
            throw new InputError(field, notBeforeWhat ?? new Text($"Tarix {Fmt.Date(nb)} tarixindən əvvəl ola bilməz", $"The date cannot be before {Fmt.Date(nb)}"));
        return d;
    }

    /// <summary>A money amount in manat: not negative, whole qəpik (never rounded away).</summary>
    public static long Qepik(decimal? amount, string field)
    {
        if (amount is not { } a) return 0;
        if (a < 0 || decimal.Round(a, 2) != a || a > 1_000_000_000m)
            throw new InputError(field, new Text("Məbləğ mənfi olmayan, ən çoxu iki onluq rəqəmli manat məbləği olmalıdır", "The amount must be manat, not negative, with at most two decimals"));
        return Money.Manat(a).Qepik;
    }

    public static decimal Manat(long qepik) => Money.FromQepik(qepik).Amount;

    public static string TaxpayerLabel(Taxpayer t) =>
        t.Name + (t.TaxId is { } v ? $" (VÖEN {v})" : t.PersonalId is { } f ? $" (FİN {f})" : "");

    public static string TaxName(LocalTax tax) => Text.English ? LocalTaxes.Name(tax).En : LocalTaxes.Name(tax).Az;

    public static Text MethodName(DeliveryMethod m) => m switch
    {
        DeliveryMethod.InPerson => new("şəxsən, imza ilə", "in person, against signature"),
        DeliveryMethod.RegisteredMail => new("sifarişli məktubla", "by registered letter"),
        DeliveryMethod.Electronic => new("elektron", "electronically"),
        _ => new("kuryerlə", "by courier"),
    };

    /// <summary>Folds text as the register search does, so "Məmmədov" finds "Mammadov".</summary>
    public static bool Matches(string? q, params string?[] fields)
    {
        var f = SpellingFold.Fold(q);
        return f.Length == 0 || fields.Any(x => x is not null && SpellingFold.Fold(x).Contains(f, StringComparison.Ordinal));
    }

    public static async Task<Taxpayer> TaxpayerAsync(AppDb db, int municipalityId, int? taxpayerId, CancellationToken ct)
    {
        if (taxpayerId is not { } id) throw new InputError("taxpayerId", new Text("Ödəyici seçilməlidir", "Choose the taxpayer"));
        return await db.Taxpayers.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id && t.MunicipalityId == municipalityId, ct)
               ?? throw new InputError("taxpayerId", new Text("Ödəyici bu bələdiyyənin reyestrində yoxdur", "The taxpayer is not on this municipality's register"));
    }

    public static async Task<Dictionary<int, Taxpayer>> TaxpayersAsync(AppDb db, IEnumerable<int> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        var result = new Dictionary<int, Taxpayer>();
        foreach (var chunk in list.Chunk(2000))
        {
            var part = chunk.ToList();
            foreach (var t in await db.Taxpayers.AsNoTracking().Where(t => part.Contains(t.Id)).ToListAsync(ct)) result[t.Id] = t;
        }
        return result;
    }

    public static async Task<TaxSettings> SettingsAsync(AppDb db, int municipalityId, CancellationToken ct) =>
        await db.TaxSettings.AsNoTracking().FirstOrDefaultAsync(s => s.MunicipalityId == municipalityId, ct) ?? new TaxSettings { MunicipalityId = municipalityId };

    public static readonly Text SuspensionNote = new(
        "VXƏ 6.5 dərc olunmuş mətnində şikayətin vergilərin ödənilməsini «dayandırdığı» yazılıb; Vergi Məcəlləsinin 63-cü maddəsinə görə şikayət verginin ödənilməsini dayandırmır. " +
        "Standart olaraq (Vergi Məcəlləsinin oxunuşu) vergi ödənilməsi dayandırılmır; bələdiyyə hüquqi təsdiqdən sonra bunu dəyişə bilər. Şikayətə baxılarkən maliyyə sanksiyaları heç vaxt tətbiq edilmir.",
        "TAX-REG 6.5 as published says a complaint \"suspends\" the payment of the taxes; Tax Code art. 63 says a complaint does not suspend the payment of the tax. " +
        "By default (the Tax Code's reading) the tax is not suspended; the municipality may change this after legal confirmation. Financial sanctions are never enforced while a complaint is examined.");

    public static ServiceSettingsView SettingsView(TaxSettings s) => new(s.ComplaintSuspendsPayment, SuspensionNote, s.Version);

    /// <summary>TAX-REG 6.5: the municipality's reading of "dayandırır" (see <see cref="SuspensionNote"/>).</summary>
    [Law("TAX-REG 6.5")]
    public static async Task<ServiceSettingsView> ChangeSettingsAsync(AppDb db, TaxActor actor, ServiceSettingsChange body, CancellationToken ct)
    {
        RequireKeeperOrChairman(actor, "VXƏ 6.5");
        if (body.ComplaintSuspendsPayment is not { } suspends)
            throw new InputError("complaintSuspendsPayment", new Text("Seçim (bəli/xeyr) göndərilməlidir", "Send true or false"));
        var s = await db.TaxSettings.FirstOrDefaultAsync(x => x.MunicipalityId == actor.MunicipalityId, ct);
        if (s is null)
        {
            s = new TaxSettings { MunicipalityId = actor.MunicipalityId };
            db.TaxSettings.Add(s);
        }
        else CheckVersion(s, RequireVersion(body.Version));
        s.ComplaintSuspendsPayment = suspends;
        await db.SaveChangesAsync(ct);
        return SettingsView(s);
    }

    private const string ReviewRule = "TAX-REG 7.2";

    /// <summary>Words that make a council decision a likely discussion of the tax service (shown as candidates, never counted by themselves).</summary>
    private static readonly string[] ReviewWords = ["vergi xidmət", "tax service"];

    [Law("TAX-REG 7.2")]
    public static async Task<AnnualReviewView> AnnualReviewAsync(AppDb db, int municipalityId, TimeProvider time, CancellationToken ct)
    {
        var today = Clock.Today(time);
        var rows = await db.Set<TaxServiceReview>().AsNoTracking().Where(r => r.MunicipalityId == municipalityId)
            .OrderByDescending(r => r.AdoptedOn).ThenByDescending(r => r.Id).ToListAsync(ct);
        var history = rows.Select(View).ToList();
        var last = history.FirstOrDefault();
        var missing = TaxServiceProcedure.AnnualDiscussionMissing(last?.AdoptedOn, today);
        DateOnly? next = last is null ? null : TaxServiceProcedure.AnnualDiscussionDue(last.AdoptedOn);
        var linked = rows.Select(r => r.DecisionId).ToHashSet();
        var since = today.AddMonths(-12);
        var recent = await db.CouncilDecisions.AsNoTracking()
            .Where(d => d.MunicipalityId == municipalityId && d.AdoptedOn >= since && d.Status != Council.DecisionStatus.Revoked)
            .OrderByDescending(d => d.AdoptedOn).Select(d => new { d.Id, d.Number, d.Year, d.Title, d.Text, d.AdoptedOn }).ToListAsync(ct);
        var candidates = recent.Where(d => !linked.Contains(d.Id) && ReviewWords.Any(w => Matches(w, d.Title, d.Text)))
            .Select(d => new ReviewCandidate(d.Id, $"{d.Number}/{d.Year}", d.Title, d.AdoptedOn)).Take(20).ToList();
        var explanation = last is null
            ? new Text("Vergi xidmətinin fəaliyyətinin müzakirəsi üzrə bələdiyyənin qərarı qeyd edilməyib: ildə azı bir dəfə tələb olunur",
                "No municipal decision on the discussion of the tax service's work is recorded: one is needed at least once a year")
            : new Text($"Son müzakirə: qərar № {last.DecisionCode} ({Fmt.Date(last.AdoptedOn)}); növbəti ən gec {Fmt.Date(next)}",
                $"Last discussion: decision No. {last.DecisionCode} ({Fmt.Date(last.AdoptedOn)}); the next by {Fmt.Date(next)}");
        return new AnnualReviewView(last, next, missing, ReviewRule, explanation, history, candidates);
    }

    /// <summary>
    /// TAX-REG 7.2: records a council decision as the yearly discussion of the tax service's work. The decision must be this
    /// municipality's, adopted (not revoked) and not in the future.
    /// </summary>
    [Law("TAX-REG 7.2")]
    public static async Task<AnnualReviewView> AddReviewAsync(AppDb db, TaxActor actor, NewServiceReview body, TimeProvider time, CancellationToken ct)
    {
        RequireKeeperOrChairman(actor, "VXƏ 7.2");
        if (body.DecisionId is not { } id) throw new InputError("decisionId", new Text("Bələdiyyənin qərarı seçilməlidir", "Choose the council's decision"));
        var d = await db.CouncilDecisions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.MunicipalityId == actor.MunicipalityId, ct)
                ?? throw new InputError("decisionId", new Text("Qərar bu bələdiyyənin reyestrində yoxdur", "The decision is not in this council's register"));
        if (d.Status == Council.DecisionStatus.Revoked)
            throw new InputError("decisionId", new Text("Ləğv edilmiş qərar müzakirə sayılmır", "A revoked decision does not count"));
        if (d.AdoptedOn > Clock.Today(time))
            throw new InputError("decisionId", new Text("Qərarın tarixi gələcəkdədir", "The decision's date is in the future"));
        if (await db.Set<TaxServiceReview>().AnyAsync(r => r.MunicipalityId == actor.MunicipalityId && r.DecisionId == id, ct))
            throw new InputError("decisionId", new Text("Bu qərar artıq qeyd edilib", "This decision is already recorded"), StatusCodes.Status409Conflict);
        db.Add(new TaxServiceReview
        {
            MunicipalityId = actor.MunicipalityId, DecisionId = d.Id, DecisionCode = $"{d.Number}/{d.Year}", Title = Truncate(d.Title, 500),
            AdoptedOn = d.AdoptedOn, RecordedAt = Clock.UtcNow(time), RecordedBy = await SignerAsync(db, actor, ct),
        });
        await db.SaveChangesAsync(ct);
        return await AnnualReviewAsync(db, actor.MunicipalityId, time, ct);
    }

    private static ReviewView View(TaxServiceReview r) =>
        new(r.Id, r.DecisionId, r.DecisionCode, r.Title, r.AdoptedOn, DateTime.SpecifyKind(r.RecordedAt, DateTimeKind.Utc), r.RecordedBy);

    public static async Task<ServiceOverview> OverviewAsync(AppDb db, int municipalityId, TimeProvider time, CancellationToken ct)
    {
        var review = await AnnualReviewAsync(db, municipalityId, time, ct);
        var settings = SettingsView(await SettingsAsync(db, municipalityId, ct));
        var audits = await db.TaxAudits.CountAsync(a => a.MunicipalityId == municipalityId && a.Status != AuditStatus.Completed, ct);
        var acts = await TaxServiceActs.ListAsync(db, municipalityId, new ActQuery(Open: true, PageSize: 500), time, ct);
        var complaints = await TaxServiceComplaints.ListAsync(db, municipalityId, new ComplaintQuery(Pending: true, PageSize: 500), time, ct);
        var flags = new List<ServiceFlag>();
        if (review.Missing)
            flags.Add(new ServiceFlag("annual-discussion-missing", ReviewRule, "Breach", review.Explanation, review.NextDueOn));
        return new ServiceOverview(review, settings, audits, acts.Total, acts.Items.Count(a => a.Overdue), complaints.Total,
            complaints.Items.Count(c => c.Overdue), flags);
    }
}
