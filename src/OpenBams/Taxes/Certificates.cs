using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenBams.Law;
using OpenBams.Law.Taxes;
using OpenBams.Platform;
using OpenBams.Platform.Calendar;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;
using OpenBams.Platform.Localization;
using OpenBams.Platform.Search;

namespace OpenBams.Taxes;

/// <summary>One open item as the certificate states it, frozen at issue.</summary>
public sealed record CertificateItem(string TaxAz, string TaxEn, int Year, int Period, int Instalment, DateOnly DueOn, long DueQepik, long PaidQepik,
    long OutstandingQepik, int DaysOverdue, long InterestQepik);

/// <summary>
/// What an issued certificate says (DebtCertificate.Content, JSON), frozen at issue. Every member has a default so a
/// damaged or older content still renders.
/// </summary>
public sealed class CertificateContent
{
    public string Municipality { get; init; } = "";
    public string Number { get; init; } = "";
    public string TaxpayerName { get; init; } = "";
    public string? PersonalId { get; init; }
    public string? TaxId { get; init; }
    public string? Address { get; init; }
    public DateTime IssuedAt { get; init; }
    public DateOnly AsOf { get; init; }
    public DateOnly RequestedOn { get; init; }
    public DateOnly DueOn { get; init; }
    public string? Purpose { get; init; }
    public string? IssuedBy { get; init; }
    public List<CertificateItem> Items { get; init; } = [];
    /// <summary>Outstanding after the last day to pay (arrears): the debt.</summary>
    public long OverdueQepik { get; init; }
    /// <summary>Interest on arrears: accrued to the day plus interest charged and not paid (FL 7.1.11).</summary>
    public long InterestQepik { get; init; }
    /// <summary>Assessed and not yet due: stated, but not a debt.</summary>
    public long NotYetDueQepik { get; init; }
    public long PaidQepik { get; init; }
    public long CreditQepik { get; init; }
    public bool HasDebt => OverdueQepik + InterestQepik > 0;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static CertificateContent Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return new CertificateContent();
        try { return JsonSerializer.Deserialize<CertificateContent>(json, Json) ?? new CertificateContent(); }
        catch (JsonException) { return new CertificateContent(); }
    }
}

/// <summary>A certificate request or certificate as staff read it.</summary>
public sealed record CertificateView(int Id, int MunicipalityId, int TaxpayerId, string TaxpayerName, string? PersonalId, string? TaxId, DateTime RequestedAt,
    DateOnly RequestedOn, DateOnly DueOn, string DueExplanation, CertificateChannel Channel, string RequestedBy, string? Purpose, CertificateStatus Status,
    bool Overdue, DateTime? IssuedAt, bool IssuedLate, string? IssuedBy, string? Number, bool? HasDebt, long? DebtQepik, string? RefusalReason,
    string? VerificationCode, long Version);

/// <summary>A written request: the taxpayer by id, or by FIN / VÖEN (<paramref name="Identifier"/>), as the application names them.</summary>
public sealed record NewCertificateRequest(int? TaxpayerId, string? Purpose, string? RequestedOn, string? Identifier = null);
public sealed record CertificateIssue(long Version);
public sealed record CertificateRefusal(long Version, string? Reason);
public sealed record CertificateSettings(bool IssueAutomatically, long? Version);

/// <summary>What anyone may see of a certificate from its QR code: never the person's name or FIN.</summary>
public sealed record CertificateVerification(string Municipality, string Number, DateTime IssuedAt, DateOnly AsOf, bool HasDebt, string TaxpayerMasked);

/// <summary>
/// SL 30.2: certificates of a taxpayer's debts on local taxes and payments (arayış), issued within 1 working day of the
/// request. Requests come from the resident's self-service or are registered by staff from a written application; staff
/// issue or refuse; a municipality may have self-service requests issued at once (TaxSettings.IssueCertificatesAutomatically).
/// </summary>
public static class Certificates
{
    public const string Rule = "SL 30.2";

    /// <summary>Registers a request for a taxpayer the caller may ask for (checked by the caller); issues at once when the municipality chose so.</summary>
    public static async Task<DebtCertificate> RequestAsync(AppDb db, Taxpayer taxpayer, CertificateChannel channel, string requestedBy, string? purpose,
        DateOnly? requestedOn, TimeProvider time, CancellationToken ct)
    {
        var now = Clock.UtcNow(time);
        var today = Clock.Today(time);
        purpose = string.IsNullOrWhiteSpace(purpose) ? null : purpose.Trim();
        if (purpose is { Length: > 300 })
            throw new InputError("purpose", new Text("Məqsəd 300 simvoldan uzun olmamalıdır", "The purpose must not be longer than 300 characters"));
        var on = requestedOn ?? today;
        if (on > today) throw new InputError("requestedOn", new Text("Müraciət tarixi gələcəkdə ola bilməz", "The request cannot be dated in the future"));
        if (on < today.AddYears(-1)) throw new InputError("requestedOn", new Text("Müraciət tarixi bir ildən köhnə ola bilməz", "The request cannot be older than a year"));
        // A second click while a request waits gives the same request, not a second one to work on.
        var pending = await db.DebtCertificates.FirstOrDefaultAsync(c => c.TaxpayerId == taxpayer.Id && c.Status == CertificateStatus.Requested
            && c.Channel == channel, ct);
        if (pending is not null) return pending;
        var calendar = await WorkingCalendars.LoadAsync(db, on.Year, on.Year + 1, ct);
        var c = new DebtCertificate
        {
            MunicipalityId = taxpayer.MunicipalityId, TaxpayerId = taxpayer.Id, RequestedAt = now, RequestedOn = on,
            DueOn = TaxCalendar.CertificateDue(calendar, on).Due, Channel = channel, RequestedBy = requestedBy, Purpose = purpose,
        };
        var automatic = channel == CertificateChannel.SelfService
            && await db.TaxSettings.AnyAsync(s => s.MunicipalityId == taxpayer.MunicipalityId && s.IssueCertificatesAutomatically, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.DebtCertificates.Add(c);
        await db.SaveChangesAsync(ct);
        if (automatic) await IssueCoreAsync(db, c, taxpayer, "OpenBAMS (avtomatik / automatic)", time, ct);
        await tx.CommitAsync(ct);
        return c;
    }

    public static async Task<DebtCertificate> RequestWrittenAsync(AppDb db, TaxActor actor, NewCertificateRequest body, TimeProvider time, CancellationToken ct)
    {
        actor.RequireKeeper();
        var key = body.Identifier?.Trim().ToUpperInvariant();
        if (body.TaxpayerId is null && string.IsNullOrEmpty(key))
            throw new InputError("taxpayerId", new Text("Vergi ödəyicisi göstərilməyib", "The taxpayer is required"));
        // An identifier is a FIN or VÖEN first; a number that is neither is the register's id.
        int? id = body.TaxpayerId;
        Taxpayer? t = id is null ? await db.Taxpayers.FirstOrDefaultAsync(x => x.MunicipalityId == actor.MunicipalityId && (x.PersonalId == key || x.TaxId == key), ct) : null;
        if (t is null && id is null && int.TryParse(key, out var n)) id = n;
        t ??= id is null ? null : await db.Taxpayers.FirstOrDefaultAsync(x => x.MunicipalityId == actor.MunicipalityId && x.Id == id, ct);
        if (t is null)
            throw new InputError(body.TaxpayerId is null ? "identifier" : "taxpayerId",
                new Text("Bu bələdiyyədə belə vergi ödəyicisi yoxdur", "No such taxpayer in this municipality"));
        DateOnly? on = null;
        if (!string.IsNullOrWhiteSpace(body.RequestedOn))
            on = Fmt.TryParseDate(body.RequestedOn, out var d) ? d : throw new InputError("requestedOn", T.BadDate);
        return await RequestAsync(db, t, CertificateChannel.Written, actor.Name, body.Purpose, on, time, ct);
    }

    public static async Task<DebtCertificate> IssueAsync(AppDb db, TaxActor actor, int certificateId, CertificateIssue body, TimeProvider time, CancellationToken ct)
    {
        actor.RequireKeeper();
        var c = await OpenAsync(db, actor.MunicipalityId, certificateId, body.Version, ct);
        var t = await db.Taxpayers.FirstAsync(x => x.Id == c.TaxpayerId, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await IssueCoreAsync(db, c, t, actor.Name, time, ct);
        await tx.CommitAsync(ct);
        return c;
    }

    public static async Task<DebtCertificate> RefuseAsync(AppDb db, TaxActor actor, int certificateId, CertificateRefusal body, TimeProvider time, CancellationToken ct)
    {
        actor.RequireKeeper();
        var reason = body.Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
            throw new InputError("reason", new Text("İmtinanın səbəbi yazılmalıdır", "The reason for the refusal is required"));
        if (reason.Length > 500) throw new InputError("reason", new Text("Səbəb 500 simvoldan uzun olmamalıdır", "The reason must not be longer than 500 characters"));
        var c = await OpenAsync(db, actor.MunicipalityId, certificateId, body.Version, ct);
        c.Status = CertificateStatus.Refused;
        c.RefusalReason = reason;
        c.IssuedAt = Clock.UtcNow(time);
        c.IssuedBy = actor.Name;
        await db.SaveChangesAsync(ct);
        return c;
    }

    private static async Task<DebtCertificate> OpenAsync(AppDb db, int municipalityId, int certificateId, long version, CancellationToken ct)
    {
        var c = await db.DebtCertificates.FirstOrDefaultAsync(x => x.Id == certificateId && x.MunicipalityId == municipalityId, ct)
            ?? throw new NotFound("Certificate");
        if (c.Version != version) throw new DbUpdateConcurrencyException();
        db.Entry(c).Property(x => x.Version).OriginalValue = version;
        if (c.Status != CertificateStatus.Requested)
            throw new InputError("status", new Text("Bu müraciət artıq baxılıb (arayış verilib və ya imtina edilib)",
                "This request has already been dealt with (issued or refused)"));
        return c;
    }

    /// <summary>
    /// Freezes the account as of now into the certificate (inside the caller's transaction): the account is settled first so
    /// money already received is booked, then every item with what was due, paid, outstanding and the interest.
    /// </summary>
    [Law("SL 30.2")]
    private static async Task IssueCoreAsync(AppDb db, DebtCertificate c, Taxpayer t, string issuedBy, TimeProvider time, CancellationToken ct)
    {
        var now = Clock.UtcNow(time);
        var today = Clock.Today(time);
        var rules = await Ledger.Rules.LoadAsync(db, today, ct);
        await Ledger.SettleAsync(db, [t.Id], now, rules, ct);
        var p = await Ledger.PositionAsync(db, t.Id, today, rules, "az", ct);
        var items = p.Items.Select(i =>
        {
            var name = LocalTaxes.Name(i.Tax);
            return new CertificateItem(name.Az, name.En, i.Year, i.Period, i.Instalment, i.DueOn, i.Due.Qepik, i.Paid.Qepik, i.Outstanding.Qepik, i.DaysOverdue,
                i.Interest.Qepik);
        }).ToList();
        var interestItems = p.Items.Where(i => i.Tax == LocalTax.InterestOnArrears).Sum(i => i.Outstanding.Qepik);
        var overdue = p.Items.Where(i => i.Tax != LocalTax.InterestOnArrears && i.DaysOverdue > 0).Sum(i => i.Outstanding.Qepik);
        var notYetDue = p.Items.Where(i => i.Tax != LocalTax.InterestOnArrears && i.DaysOverdue == 0).Sum(i => i.Outstanding.Qepik);
        var year = today.Year;
        var municipality = await db.Municipalities.Where(m => m.Id == c.MunicipalityId).Select(m => m.Name).FirstOrDefaultAsync(ct) ?? "";
        // The number is the next of the year (unique index per municipality and year). Issues of one municipality queue for it:
        // on SQLite the no-op write below takes the database's write lock before the number is read; on PostgreSQL a
        // transaction lock per municipality does. Should two still meet, the index refuses the second, which takes the next.
        await db.DebtCertificates.Where(x => x.Id == c.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Version, x => x.Version), ct);
        if (BulkWriter.IsPostgres(db))
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0}, {1})", [302, c.MunicipalityId], ct);
        var tx = db.Database.CurrentTransaction ?? throw new InvalidOperationException("A certificate is issued inside a transaction.");
        for (var attempt = 1; ; attempt++)
        {
            var number = (await db.DebtCertificates.Where(x => x.MunicipalityId == c.MunicipalityId && x.Year == year).MaxAsync(x => x.Number, ct) ?? 0) + 1;
            Fill(c, t, number, year, municipality, issuedBy, now, today, items, overdue, notYetDue, interestItems, p);
            await tx.CreateSavepointAsync("certificate_number", ct);
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && attempt < 10)
            {
                await tx.RollbackToSavepointAsync("certificate_number", ct);
                c.Version--; // the failed save counted a version that was never written
            }
        }
    }

    private static void Fill(DebtCertificate c, Taxpayer t, int number, int year, string municipality, string issuedBy, DateTime now, DateOnly today,
        List<CertificateItem> items, long overdue, long notYetDue, long interestItems, AccountPosition p)
    {
        var content = new CertificateContent
        {
            Municipality = municipality, Number = $"{number}/{year}", TaxpayerName = t.Name, PersonalId = t.PersonalId, TaxId = t.TaxId, Address = t.Address,
            IssuedAt = now, AsOf = today, RequestedOn = c.RequestedOn, DueOn = c.DueOn, Purpose = c.Purpose, IssuedBy = issuedBy, Items = items,
            OverdueQepik = overdue, InterestQepik = p.AccruedInterest.Qepik + interestItems, NotYetDueQepik = notYetDue,
            PaidQepik = p.Items.Sum(i => i.Paid.Qepik), CreditQepik = p.Credit.Qepik,
        };
        c.Status = CertificateStatus.Issued;
        c.IssuedAt = now;
        c.IssuedBy = issuedBy;
        c.Year = year;
        c.Number = number;
        c.AsOf = today;
        c.PrincipalQepik = overdue;
        c.InterestQepik = content.InterestQepik;
        c.CreditQepik = content.CreditQepik;
        c.VerificationCode = AssessmentEngine.NewCode(c.Id);
        c.Content = JsonSerializer.Serialize(content, CertificateContent.Json);
    }

    public static async Task<TaxSettings> SetAutomaticAsync(AppDb db, TaxActor actor, CertificateSettings body, CancellationToken ct)
    {
        actor.RequireKeeper();
        var s = await db.TaxSettings.FirstOrDefaultAsync(x => x.MunicipalityId == actor.MunicipalityId, ct);
        if (s is null)
        {
            s = new TaxSettings { MunicipalityId = actor.MunicipalityId };
            db.TaxSettings.Add(s);
        }
        else if (body.Version is { } v)
        {
            if (s.Version != v) throw new DbUpdateConcurrencyException();
            db.Entry(s).Property(x => x.Version).OriginalValue = v;
        }
        s.IssueCertificatesAutomatically = body.IssueAutomatically;
        await db.SaveChangesAsync(ct);
        return s;
    }

    /// <summary>"all", "requested", "overdue", "issued", "refused".</summary>
    public static IQueryable<DebtCertificate> Query(AppDb db, int municipalityId, string? q, string? status, DateOnly today)
    {
        var list = db.DebtCertificates.AsNoTracking().Where(c => c.MunicipalityId == municipalityId);
        list = status switch
        {
            "requested" => list.Where(c => c.Status == CertificateStatus.Requested),
            "overdue" => list.Where(c => c.Status == CertificateStatus.Requested && c.DueOn < today),
            "issued" => list.Where(c => c.Status == CertificateStatus.Issued),
            "refused" => list.Where(c => c.Status == CertificateStatus.Refused),
            _ => list,
        };
        if (!string.IsNullOrWhiteSpace(q))
        {
            var raw = q.Trim();
            var upper = raw.ToUpperInvariant();
            var folded = SpellingFold.Fold(raw);
            var lower = SpellingFold.LowerAz(raw);
            int? number = int.TryParse(raw.Split('/')[0], out var n) ? n : null;
            var ids = db.Taxpayers.Where(t => t.MunicipalityId == municipalityId && (t.PersonalId == upper || t.TaxId == raw
                || t.SearchKey.Contains(lower) || (folded != "" && t.SearchKey.Contains(folded)) || t.Name.Contains(raw))).Select(t => t.Id);
            list = list.Where(c => ids.Contains(c.TaxpayerId) || (number != null && c.Number == number) || c.RequestedBy == raw);
        }
        return list;
    }

    public static async Task<PageOf<CertificateView>> ListAsync(AppDb db, int municipalityId, string? q, string? status, int? page, int? pageSize, TimeProvider time,
        CancellationToken ct)
    {
        var today = Clock.Today(time);
        var query = Query(db, municipalityId, q, status, today);
        var (p, size, skip) = TaxesApi.Paging(page, pageSize);
        var total = await query.CountAsync(ct);
        // Open requests first, the most urgent on top; then the rest, newest first.
        var rows = await query.OrderBy(c => c.Status == CertificateStatus.Requested ? 0 : 1).ThenBy(c => c.Status == CertificateStatus.Requested ? c.DueOn : DateOnly.MaxValue)
            .ThenByDescending(c => c.RequestedAt).ThenByDescending(c => c.Id).Skip(skip).Take(size).ToListAsync(ct);
        return new PageOf<CertificateView>(total, p, size, await ViewsAsync(db, rows, today, ct));
    }

    public static async Task<CertificateView> ViewAsync(AppDb db, int municipalityId, int certificateId, TimeProvider time, CancellationToken ct)
    {
        var c = await db.DebtCertificates.AsNoTracking().FirstOrDefaultAsync(x => x.Id == certificateId && x.MunicipalityId == municipalityId, ct)
            ?? throw new NotFound("Certificate");
        return (await ViewsAsync(db, [c], Clock.Today(time), ct))[0];
    }

    public static async Task<IReadOnlyList<CertificateView>> ViewsAsync(AppDb db, IReadOnlyList<DebtCertificate> rows, DateOnly today, CancellationToken ct)
    {
        var ids = rows.Select(r => r.TaxpayerId).Distinct().ToList();
        var taxpayers = await db.Taxpayers.AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var years = rows.Select(r => r.RequestedOn.Year).DefaultIfEmpty(today.Year);
        var calendar = await WorkingCalendars.LoadAsync(db, years.Min(), years.Max() + 1, ct);
        return rows.Select(c =>
        {
            var t = taxpayers.GetValueOrDefault(c.TaxpayerId);
            var issuedDay = c.IssuedAt is { } at ? Clock.DayOf(at) : (DateOnly?)null;
            return new CertificateView(c.Id, c.MunicipalityId, c.TaxpayerId, t?.Name ?? "—", t?.PersonalId, t?.TaxId, c.RequestedAt, c.RequestedOn, c.DueOn,
                TaxCalendar.CertificateDue(calendar, c.RequestedOn).Explain(Text.Lang), c.Channel, c.RequestedBy, c.Purpose, c.Status,
                c.Status == CertificateStatus.Requested && c.DueOn < today, c.IssuedAt, issuedDay > c.DueOn, c.IssuedBy,
                c.Number is { } n ? $"{n}/{c.Year}" : null, c.Status == CertificateStatus.Issued ? (c.PrincipalQepik ?? 0) + (c.InterestQepik ?? 0) > 0 : null,
                c.Status == CertificateStatus.Issued ? (c.PrincipalQepik ?? 0) + (c.InterestQepik ?? 0) : null, c.RefusalReason, c.VerificationCode, c.Version);
        }).ToList();
    }

    /// <summary>An issued certificate by its QR code, for anyone: the code carries its id (no index on the code), then the code is compared.</summary>
    public static async Task<CertificateVerification?> VerifyAsync(AppDb db, string? code, CancellationToken ct)
    {
        if (AssessmentEngine.IdOfCode(code) is not { } id || id > int.MaxValue) return null;
        var c = await db.DebtCertificates.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(x => x.Id == (int)id, ct);
        if (c is null || c.Status != CertificateStatus.Issued || !string.Equals(c.VerificationCode, code!.ToUpperInvariant(), StringComparison.Ordinal)) return null;
        var content = CertificateContent.Read(c.Content);
        var municipality = await db.Municipalities.IgnoreQueryFilters().Where(m => m.Id == c.MunicipalityId).Select(m => m.Name).FirstOrDefaultAsync(ct) ?? "";
        return new CertificateVerification(municipality, $"{c.Number}/{c.Year}", c.IssuedAt ?? default, c.AsOf ?? default,
            (c.PrincipalQepik ?? 0) + (c.InterestQepik ?? 0) > 0, Mask(content.PersonalId ?? content.TaxId));
    }

    /// <summary>Only the last two characters of the FIN or VÖEN, so a holder can match the paper without the page naming anyone.</summary>
    public static string Mask(string? id) => string.IsNullOrEmpty(id) || id.Length < 4 ? "•••" : new string('•', id.Length - 2) + id[^2..];

    public static string ChannelName(CertificateChannel c) => c == CertificateChannel.SelfService
        ? new Text("elektron (şəxsi kabinet)", "online (self-service)").ToString() : new Text("yazılı müraciət", "written request").ToString();

    public static string StatusName(CertificateStatus s) => (s switch
    {
        CertificateStatus.Requested => new Text("gözləyir", "requested"),
        CertificateStatus.Issued => new Text("verilib", "issued"),
        _ => new Text("imtina edilib", "refused"),
    }).ToString();
}
