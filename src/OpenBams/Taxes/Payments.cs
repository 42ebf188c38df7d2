using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using OpenBams.Law;
using OpenBams.Law.Taxes;
using OpenBams.Platform;
using OpenBams.Platform.Audit;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;
using OpenBams.Platform.Localization;
using OpenBams.Platform.Pdf;
using OpenBams.Platform.Search;

namespace OpenBams.Taxes;

public sealed record PaymentView(long Id, int MunicipalityId, int? TaxpayerId, string? TaxpayerName, int? ProjectId, decimal Amount, long AmountQepik, DateOnly PaidOn,
    DateTime RecordedAt, PaymentChannel Channel, string? Reference, string? PayerName, string? PayerId, string? Bank, string ExternalId, int? ImportId,
    string? TransactionId, PaymentStatus Status, DateTime? ReversedAt, string? ReversedBy, string? ReversalReason, string? RecordedBy);

/// <summary>What a payment paid, net per item (tax, year, period, instalment).</summary>
public sealed record PaidItem(LocalTax Tax, string TaxName, int Year, int Period, int Instalment, decimal Amount);

/// <summary>One entry of the append-only allocation record (negative: money given back, e.g. on a reversal).</summary>
public sealed record AllocationEntry(LocalTax Tax, string TaxName, int Year, int Period, int Instalment, decimal Amount, DateOnly On, DateTime At);

public sealed record PaymentDetail(PaymentView Payment, IReadOnlyList<PaidItem> Paid, IReadOnlyList<AllocationEntry> Entries, decimal Allocated, decimal Credit);

public sealed record PaymentQuery(string? Q = null, DateOnly? From = null, DateOnly? To = null, PaymentChannel? Channel = null, PaymentStatus? Status = null,
    int? ImportId = null, int? Page = null, int? PageSize = null);

public sealed record NewReversal(string? Reason);

/// <summary>A payment as the payment portal posts it (also the demo pay page): a notice's reference, or the payer's FIN/VÖEN and municipality.</summary>
public sealed record PortalPaymentRequest(string? Reference, string? Fin, int? MunicipalityId, decimal? Amount, DateTimeOffset? PaidAt, string? Channel,
    string? PayerName, string? TransactionId);

public sealed record DueItem(LocalTax Tax, string TaxName, int Year, int Period, int Instalment, DateOnly DueOn, DateOnly LastDayToPay, decimal Outstanding,
    int DaysOverdue, decimal Interest);

/// <summary>What is due now on an account, as the payment portal shows it: the name masked, no FIN.</summary>
public sealed record DueView(string? Reference, int MunicipalityId, string Municipality, string Taxpayer, DateOnly AsOf, IReadOnlyList<DueItem> Items,
    decimal Outstanding, decimal AccruedInterest, decimal Credit, decimal Total);

/// <summary>What anyone may see of a receipt from its QR code: no name, no FIN, the reference masked.</summary>
public sealed record ReceiptVerification(string Municipality, Money Amount, DateOnly PaidOn, string ReferenceMasked, PaymentStatus Status, PaymentChannel Channel);

public sealed record ReceiptView(long PaymentId, string ReceiptCode, string ReceiptUrl, int MunicipalityId, string Municipality, string? Reference, string Taxpayer,
    string? PayerName, decimal Amount, DateOnly PaidOn, DateTime RecordedAt, PaymentChannel Channel, string? TransactionId, PaymentStatus Status,
    IReadOnlyList<PaidItem> Paid, decimal Credit, decimal RemainingDue);

public sealed record ReconciledPayment(long PaymentId, string? TransactionId, string IdempotencyKey, decimal Amount, PaymentChannel Channel, PaymentStatus Status, DateTime RecordedAt);

public sealed record ReconciledMunicipality(int MunicipalityId, string Municipality, int Count, decimal Total, IReadOnlyList<ReconciledPayment> Payments);

public sealed record Reconciliation(DateOnly Date, int Count, decimal Total, int ReversedCount, decimal ReversedTotal, IReadOnlyList<ReconciledMunicipality> Municipalities);

/// <summary>
/// Payments: the register (search, detail with what each paid, exports), explicit reversals, and the payment portal's
/// commands (HÖP, seed 000): what is due for a reference or FIN, a payment posted once per idempotency key, its receipt and
/// the day's reconciliation. Money is never taken in cash (SL 43.1). Payments are never deleted: a reversal is a status
/// with who, when and why, and the settlement gives its money back (Ledger.SettleAsync).
/// </summary>
public static class Payments
{
    public const string PortalPrefix = "portal:";
    private static readonly LegalReference CashRule = new(Acts.SL, "43.1");

    private static readonly BulkTable PortalTable = new("Payments",
        ("MunicipalityId", BulkType.Int), ("TaxpayerId", BulkType.Int), ("AmountQepik", BulkType.Long), ("PaidOn", BulkType.Date), ("RecordedAt", BulkType.TimestampUtc),
        ("Channel", BulkType.Int), ("Reference", BulkType.Text), ("PayerName", BulkType.Text), ("ExternalId", BulkType.Text), ("Status", BulkType.Int),
        ("RecordedBy", BulkType.Text), ("PayerId", BulkType.Text), ("TransactionId", BulkType.Text), ("ReceiptCode", BulkType.Text), ("RequestHash", BulkType.Text));

    // ---------------------------------------------------------------- register

    public static IQueryable<Payment> Search(AppDb db, int municipalityId, PaymentQuery q)
    {
        var rows = db.Payments.AsNoTracking().Where(p => p.MunicipalityId == municipalityId);
        if (!string.IsNullOrWhiteSpace(q.Q))
        {
            var text = q.Q.Trim();
            var digits = new string(text.Where(c => c is not (' ' or '-')).ToArray());
            var upper = text.ToUpperInvariant();
            var lower = SpellingFold.LowerAz(text);
            var folded = SpellingFold.Fold(text);
            rows = rows.Where(p => p.Reference == digits || p.Reference == text || p.PayerId == upper || p.TransactionId == text || p.ExternalId.Contains(text)
                || (p.PayerName != null && (p.PayerName.Contains(text) || p.PayerName.ToLower().Contains(lower)))
                || db.Taxpayers.Any(t => t.Id == p.TaxpayerId && (t.PersonalId == upper || t.TaxId == text || t.Name.Contains(text)
                    || t.SearchKey.Contains(lower) || (folded.Length > 0 && t.SearchKey.Contains(folded)))));
        }
        if (q.From is { } from) rows = rows.Where(p => p.PaidOn >= from);
        if (q.To is { } to) rows = rows.Where(p => p.PaidOn <= to);
        if (q.Channel is { } channel) rows = rows.Where(p => p.Channel == channel);
        if (q.Status is { } status) rows = rows.Where(p => p.Status == status);
        if (q.ImportId is { } import) rows = rows.Where(p => p.ImportId == import);
        return rows.OrderByDescending(p => p.PaidOn).ThenByDescending(p => p.Id);
    }

    public static async Task<PageOf<PaymentView>> PageAsync(AppDb db, int municipalityId, PaymentQuery q, CancellationToken ct)
    {
        var (page, size, skip) = TaxesApi.Paging(q.Page, q.PageSize);
        var rows = Search(db, municipalityId, q);
        var total = await rows.CountAsync(ct);
        var list = await rows.Skip(skip).Take(size).ToListAsync(ct);
        return new PageOf<PaymentView>(total, page, size, await ViewsAsync(db, list, ct));
    }

    public static async Task<IReadOnlyList<PaymentView>> ViewsAsync(AppDb db, IReadOnlyList<Payment> list, CancellationToken ct)
    {
        var ids = list.Where(p => p.TaxpayerId != null).Select(p => p.TaxpayerId!.Value).Distinct().ToList();
        var names = ids.Count == 0 ? [] : await db.Taxpayers.AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        return list.Select(p => View(p, p.TaxpayerId is { } t ? names.GetValueOrDefault(t) : null)).ToList();
    }

    public static PaymentView View(Payment p, string? taxpayerName) =>
        new(p.Id, p.MunicipalityId, p.TaxpayerId, taxpayerName, p.ProjectId, Money.FromQepik(p.AmountQepik).Amount, p.AmountQepik, p.PaidOn,
            DateTime.SpecifyKind(p.RecordedAt, DateTimeKind.Utc), p.Channel, p.Reference, p.PayerName, p.PayerId, p.Bank, p.ExternalId, p.ImportId, p.TransactionId,
            p.Status, p.ReversedAt, p.ReversedBy, p.ReversalReason, p.RecordedBy);

    public static async Task<PaymentDetail> DetailAsync(AppDb db, int municipalityId, long paymentId, CancellationToken ct)
    {
        var p = await db.Payments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == paymentId && x.MunicipalityId == municipalityId, ct) ?? throw new NotFound("Payment");
        var name = p.TaxpayerId is { } t ? await db.Taxpayers.AsNoTracking().Where(x => x.Id == t).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        var entries = await db.PaymentAllocations.AsNoTracking().Where(a => a.PaymentId == paymentId).OrderBy(a => a.Id).ToListAsync(ct);
        var paid = Net(entries);
        var allocated = entries.Sum(a => a.AmountQepik);
        return new PaymentDetail(View(p, name), paid,
            entries.Select(a => new AllocationEntry(a.Tax, TaxName(a.Tax), a.Year, a.Period, a.Instalment, Money.FromQepik(a.AmountQepik).Amount, a.On,
                DateTime.SpecifyKind(a.At, DateTimeKind.Utc))).ToList(),
            Money.FromQepik(allocated).Amount, p.Status == PaymentStatus.Posted && p.ProjectId == null ? Money.FromQepik(p.AmountQepik - allocated).Amount : 0m);
    }

    private static List<PaidItem> Net(IEnumerable<PaymentAllocation> entries) =>
        entries.GroupBy(a => new DueKey(a.Tax, a.Year, a.Period, a.Instalment)).Select(g => (g.Key, Sum: g.Sum(a => a.AmountQepik))).Where(x => x.Sum != 0)
            .OrderBy(x => x.Key).Select(x => new PaidItem(x.Key.Tax, TaxName(x.Key.Tax), x.Key.Year, x.Key.Period, x.Key.Instalment, Money.FromQepik(x.Sum).Amount)).ToList();

    public static string TaxName(LocalTax tax) => LocalTaxes.Name(tax) is var n && Text.English ? n.En : n.Az;

    /// <summary>The channel as people call it (HÖP is the government payment portal), in the request's language.</summary>
    public static string ChannelName(PaymentChannel c) => c switch
    {
        PaymentChannel.Bank => Tr("Bank", "Bank"),
        PaymentChannel.Post => Tr("Poçt", "Post"),
        PaymentChannel.PaymentPortal => Tr("HÖP", "Payment portal"),
        PaymentChannel.Card => Tr("Kart", "Card"),
        _ => Tr("Nağd", "Cash"),
    };

    public static string StatusName(PaymentStatus s) => s == PaymentStatus.Posted ? Tr("Qəbul edilib", "Posted") : Tr("Geri qaytarılıb", "Reversed");

    private static string Tr(string az, string en) => Text.English ? en : az;

    /// <summary>
    /// Reverses a payment: its status, who, when and why; the settlement releases what it paid, the items reopen, and other
    /// credit of the account pays them if there is any. The payment itself stays (never deleted).
    /// </summary>
    public static async Task<PaymentDetail> ReverseAsync(AppDb db, int municipalityId, long paymentId, string? reason, string by, TimeProvider time, CancellationToken ct)
    {
        var why = reason?.Trim() ?? "";
        if (why.Length < 5)
            throw new InputError("reason", new Text("Geri qaytarmanın səbəbini yazın (ən azı 5 simvol)", "Write the reason for the reversal (at least 5 characters)"));
        if (why.Length > 500) throw new InputError("reason", new Text("Səbəb 500 simvoldan uzun ola bilməz", "The reason cannot be longer than 500 characters"));
        var p = await db.Payments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == paymentId && x.MunicipalityId == municipalityId, ct) ?? throw new NotFound("Payment");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The reversal time is read under the posting lock: a run never passes a reversal that commits later with an earlier time.
        await Budget.TaxRevenuePosting.WritingPaymentsAsync(db, ct);
        var now = Clock.UtcNow(time);
        // A conditional update: of two reversals at once only one finds the payment posted (the other waits for its row and gets 409).
        var changed = await db.Payments.Where(x => x.Id == paymentId && x.Status == PaymentStatus.Posted).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Status, PaymentStatus.Reversed).SetProperty(x => x.ReversedAt, now).SetProperty(x => x.ReversedBy, by)
            .SetProperty(x => x.ReversalReason, why), ct);
        if (changed == 0)
            throw new InputError("paymentId", new Text("Ödəniş artıq geri qaytarılıb", "The payment has already been reversed"), StatusCodes.Status409Conflict);
        if (p.TaxpayerId is { } t && p.ProjectId is null)
        {
            await LockAccountsAsync(db, [t], ct);
            await Ledger.SettleAsync(db, [t], now, await Ledger.Rules.LoadAsync(db, Clock.Today(time), ct), ct);
        }
        db.AuditLog.Add(new AuditEntry
        {
            At = now, UserId = db.Tenant.UserId, UserName = by, MunicipalityId = municipalityId, Entity = nameof(Payment), EntityId = paymentId.ToString(CultureInfo.InvariantCulture),
            Action = "update", Before = JsonSerializer.Serialize(new { status = "Posted" }),
            After = JsonSerializer.Serialize(new { status = "Reversed", reversedAt = now, reversedBy = by, reason = why }), Reason = why,
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await DetailAsync(db, municipalityId, paymentId, ct);
    }

    /// <summary>
    /// Serialises the settlement of the same accounts by concurrent commands on PostgreSQL (the portal, an import batch, a
    /// reversal): each locks its taxpayers' rows, in id order, before it reads their books. SQLite has one writer at a time.
    /// </summary>
    public static async Task LockAccountsAsync(AppDb db, IReadOnlyCollection<int> taxpayerIds, CancellationToken ct)
    {
        if (taxpayerIds.Count == 0 || !BulkWriter.IsPostgres(db)) return;
        var conn = db.Database.GetDbConnection();
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        cmd.CommandText = "SELECT \"Id\" FROM \"Taxpayers\" WHERE \"Id\" = ANY(@ids) ORDER BY \"Id\" FOR UPDATE";
        var p = cmd.CreateParameter();
        p.ParameterName = "ids";
        p.Value = taxpayerIds.Distinct().Order().ToArray();
        cmd.Parameters.Add(p);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) { }
    }

    // ---------------------------------------------------------------- payment portal

    /// <summary>"Əli Məmmədov" → "Ə*** M***": the portal shows whose account it is without showing the name.</summary>
    public static string Mask(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "***";
        return string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(w => StringInfo.GetNextTextElementLength(w) is var n && n > 0 ? w[..n] + "***" : "***"));
    }

    public sealed record Account(int MunicipalityId, int TaxpayerId, string? Reference, string TaxpayerName);

    /// <summary>The account a reference (of a current notice) or a FIN/VÖEN in a municipality names.</summary>
    public static async Task<Account> FindAccountAsync(AppDb db, string? reference, string? fin, int? municipalityId, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(reference))
        {
            if (!StatementFormat.TryTarget(reference, out var target, out var error) || target.Notice is null)
                throw new InputError("reference", error ?? new Text("Portal yalnız ödəniş bildirişinin istinadını qəbul edir", "The portal takes a payment notice's reference only"));
            var r = target.Reference;
            // Through the key the reference carries (municipality, year, number): notices have no index on the reference itself.
            var (rm, ry, rn) = (target.Notice.Value.MunicipalityId, target.Notice.Value.Year, target.Notice.Value.Number);
            var notice = await db.PaymentNotices.AsNoTracking().Where(n => n.MunicipalityId == rm && n.Year == ry && n.Number == rn && n.IsCurrent)
                .Select(n => new { n.MunicipalityId, n.TaxpayerId }).FirstOrDefaultAsync(ct)
                ?? throw new InputError("reference", new Text("Bu istinadla ödəniş bildirişi yoxdur", "No payment notice has this reference"), StatusCodes.Status404NotFound);
            var name = await db.Taxpayers.AsNoTracking().Where(t => t.Id == notice.TaxpayerId).Select(t => t.Name).FirstAsync(ct);
            return new Account(notice.MunicipalityId, notice.TaxpayerId, r, name);
        }
        if (!string.IsNullOrWhiteSpace(fin))
        {
            if (municipalityId is null)
                throw new InputError("municipalityId", new Text("FİN ilə axtarışda bələdiyyə də göstərilir", "A search by FIN also names the municipality"), StatusCodes.Status400BadRequest);
            if (!StatementFormat.TryPayerId(fin, out var id) || id is null)
                throw new InputError("fin", new Text("FİN 7 simvol, VÖEN 10 rəqəmdir", "A FIN has 7 characters, a VÖEN 10 digits"));
            var m = municipalityId.Value;
            var t = await db.Taxpayers.AsNoTracking().Where(x => x.MunicipalityId == m && (x.PersonalId == id || x.TaxId == id)).Select(x => new { x.Id, x.Name })
                .FirstOrDefaultAsync(ct)
                ?? throw new InputError("fin", new Text("Bu bələdiyyənin vergi ödəyiciləri arasında belə FİN/VÖEN yoxdur", "No taxpayer of this municipality has this FIN/VÖEN"),
                    StatusCodes.Status404NotFound);
            return new Account(m, t.Id, null, t.Name);
        }
        throw new InputError("reference", new Text("Ödəniş istinadını və ya FİN-i və bələdiyyəni göstərin", "Give a payment reference, or a FIN and the municipality"),
            StatusCodes.Status400BadRequest);
    }

    public static async Task<DueView> DueAsync(AppDb db, Account a, TimeProvider time, string lang, CancellationToken ct)
    {
        var today = Clock.Today(time);
        var rules = await Ledger.Rules.LoadAsync(db, today, ct);
        var position = await Ledger.PositionAsync(db, a.TaxpayerId, today, rules, lang, ct);
        var municipality = await MunicipalityNameAsync(db, a.MunicipalityId, ct);
        var items = position.Items.Where(i => i.Outstanding > Money.Zero)
            .Select(i => new DueItem(i.Tax, i.TaxName, i.Year, i.Period, i.Instalment, i.DueOn, i.LastDayToPay, i.Outstanding.Amount, i.DaysOverdue, i.Interest.Amount)).ToList();
        return new DueView(a.Reference, a.MunicipalityId, municipality, Mask(a.TaxpayerName), today, items, position.Outstanding.Amount, position.AccruedInterest.Amount,
            position.Credit.Amount, position.TotalToPay.Amount);
    }

    private static async Task<string> MunicipalityNameAsync(AppDb db, int id, CancellationToken ct) =>
        await db.Municipalities.AsNoTracking().Where(m => m.Id == id).Select(m => m.Name).FirstOrDefaultAsync(ct) ?? "";

    /// <summary>An idempotency key as the portal sends it: 1-100 letters, digits and . _ : -.</summary>
    public static string CheckKey(string? key)
    {
        var k = key?.Trim() ?? "";
        if (k.Length is 0 or > 100 || !k.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-'))
            throw new InputError("Idempotency-Key", new Text("«Idempotency-Key» başlığı tələb olunur: 1-100 hərf, rəqəm və . _ : -",
                "The Idempotency-Key header is required: 1-100 letters, digits and . _ : -"), StatusCodes.Status400BadRequest);
        return k;
    }

    /// <summary>
    /// The one command that books a portal payment (the API and the demo pay page): checked (SL 43.1: never cash), written once
    /// per idempotency key — the same key and body again returns the first receipt (Created = false), the same key with
    /// another body is refused (409) — and settled in the same transaction.
    /// </summary>
    public static async Task<(ReceiptView Receipt, bool Created)> PayAsync(AppDb db, string? idempotencyKey, PortalPaymentRequest body, string recordedBy,
        TimeProvider time, string lang, CancellationToken ct)
    {
        var key = CheckKey(idempotencyKey);
        var externalId = PortalPrefix + key;
        if (body.Amount is not { } amount)
            throw new InputError("amount", new Text("Məbləğ tələb olunur", "The amount is required"));
        if (decimal.Round(amount, 2) != amount)
            throw new InputError("amount", new Text("Məbləğdə ən çox iki onluq rəqəm (qəpik) ola bilər", "The amount has at most two decimals (qəpik)"));
        if (amount <= 0) throw new InputError("amount", new Text("Məbləğ sıfırdan böyük olmalıdır", "The amount must be more than zero"));
        if (amount > 100_000_000m) throw new InputError("amount", new Text("Məbləğ 100 milyon manatdan çox ola bilməz", "The amount cannot exceed 100 million manat"));
        var channel = PaymentChannels.Parse(body.Channel ?? "hop")
            ?? throw new InputError("channel", new Text("Kanal: hop (portal) və ya card", "Channel: hop (portal) or card"));
        PaymentChannels.RequireNonCash(channel);
        if (channel is not (PaymentChannel.PaymentPortal or PaymentChannel.Card))
            throw new InputError("channel", new Text("Portal yalnız portal (hop) və kart ödənişlərini göndərir; bank ödənişləri çıxarışla gəlir",
                "The portal posts portal (hop) and card payments only; bank payments come with a statement"));
        var now = Clock.UtcNow(time);
        if (body.PaidAt is { } at && at.UtcDateTime > now.AddMinutes(5))
            throw new InputError("paidAt", new Text("Ödəniş vaxtı gələcəkdədir", "The payment time is in the future"));
        var payerName = string.IsNullOrWhiteSpace(body.PayerName) ? null : body.PayerName.Trim();
        if (payerName is { Length: > 300 }) throw new InputError("payerName", new Text("Ad 300 simvoldan uzun ola bilməz", "The name cannot be longer than 300 characters"));
        var transaction = string.IsNullOrWhiteSpace(body.TransactionId) ? null : body.TransactionId.Trim();
        if (transaction is { Length: > 100 })
            throw new InputError("transactionId", new Text("Əməliyyat nömrəsi 100 simvoldan uzun ola bilməz", "The transaction id cannot be longer than 100 characters"));
        var hash = RequestHash(body, amount, channel, payerName, transaction);

        for (var attempt = 0; ; attempt++)
        {
            var existing = await db.Payments.AsNoTracking().Where(p => p.ExternalId == externalId).Select(p => new { p.Id, p.RequestHash }).FirstOrDefaultAsync(ct);
            if (existing is not null)
            {
                if (existing.RequestHash != hash)
                    throw new InputError("Idempotency-Key", new Text("Bu açarla başqa məzmunlu ödəniş artıq göndərilib", "A payment with other content was already posted with this key"),
                        StatusCodes.Status409Conflict);
                return (await ReceiptAsync(db, existing.Id, lang, time, ct), false);
            }
            var account = await FindAccountAsync(db, body.Reference, body.Fin, body.MunicipalityId, ct);
            var paidOn = body.PaidAt is { } p0 ? Clock.DayOf(p0.UtcDateTime) : Clock.Today(time);
            var qepik = Money.Manat(amount).Qepik;
            long id;
            try
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                await Budget.TaxRevenuePosting.WritingPaymentsAsync(db, ct);
                // The payment is written first (on SQLite that takes the write lock), then its account is locked and settled.
                await BulkWriter.WriteAsync(db, PortalTable, [[account.MunicipalityId, account.TaxpayerId, qepik, paidOn, now, (int)channel, account.Reference, payerName,
                    externalId, (int)PaymentStatus.Posted, recordedBy, body.Fin?.Trim().ToUpperInvariant() is { Length: > 0 and <= 10 } f ? f : null, transaction,
                    NewReceiptCode(), hash]], ct);
                id = await db.Payments.Where(p => p.ExternalId == externalId).Select(p => p.Id).FirstAsync(ct);
                await LockAccountsAsync(db, [account.TaxpayerId], ct);
                await Ledger.SettleAsync(db, [account.TaxpayerId], now, await Ledger.Rules.LoadAsync(db, Clock.Today(time), ct), ct);
                db.AuditLog.Add(new AuditEntry
                {
                    At = now, UserId = db.Tenant.UserId, UserName = recordedBy, MunicipalityId = account.MunicipalityId, Entity = nameof(Payment),
                    EntityId = id.ToString(CultureInfo.InvariantCulture), Action = "create",
                    After = JsonSerializer.Serialize(new { externalId, taxpayerId = account.TaxpayerId, amount = Money.FromQepik(qepik).ToString(), paidOn, channel = channel.ToString(),
                        reference = account.Reference, transactionId = transaction }),
                    Reason = "SL 43.1 payment portal",
                });
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            }
            catch (DbException) when (attempt == 0)
            {
                // The same key posted at the same moment by another request: the unique key refused this one; answer as a replay.
                db.ChangeTracker.Clear();
                continue;
            }
            return (await ReceiptAsync(db, id, lang, time, ct), true);
        }
    }

    /// <summary>20 random characters (100 bits): a receipt is opened by its code, which cannot be guessed from the payment's id.</summary>
    private static string NewReceiptCode()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        Span<byte> bytes = stackalloc byte[20];
        RandomNumberGenerator.Fill(bytes);
        var chars = new char[20];
        for (var i = 0; i < 20; i++) chars[i] = alphabet[bytes[i] & 31];
        return new string(chars);
    }

    private static string RequestHash(PortalPaymentRequest b, decimal amount, PaymentChannel channel, string? payerName, string? transaction)
    {
        var reference = b.Reference is null ? "" : new string(b.Reference.Where(c => c is not (' ' or '-')).ToArray());
        var canonical = string.Join('\u001f', reference, b.Fin?.Trim().ToUpperInvariant() ?? "", b.MunicipalityId?.ToString(CultureInfo.InvariantCulture) ?? "",
            Money.Manat(amount).Qepik.ToString(CultureInfo.InvariantCulture), b.PaidAt?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) ?? "",
            channel.ToString(), payerName ?? "", transaction ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    public static async Task<ReceiptView> ReceiptAsync(AppDb db, long paymentId, string lang, TimeProvider time, CancellationToken ct)
    {
        var p = await db.Payments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == paymentId && x.ExternalId.StartsWith(PortalPrefix), ct) ?? throw new NotFound("Receipt");
        return await ReceiptOfAsync(db, p, lang, time, ct);
    }

    private static async Task<ReceiptView> ReceiptOfAsync(AppDb db, Payment p, string lang, TimeProvider time, CancellationToken ct)
    {
        var entries = await db.PaymentAllocations.AsNoTracking().Where(a => a.PaymentId == p.Id).ToListAsync(ct);
        var paid = entries.GroupBy(a => new DueKey(a.Tax, a.Year, a.Period, a.Instalment)).Select(g => (g.Key, Sum: g.Sum(a => a.AmountQepik))).Where(x => x.Sum != 0)
            .OrderBy(x => x.Key).Select(x => new PaidItem(x.Key.Tax, LocalTaxes.Name(x.Key.Tax) is var n && lang == "en" ? n.En : n.Az, x.Key.Year, x.Key.Period,
                x.Key.Instalment, Money.FromQepik(x.Sum).Amount)).ToList();
        var allocated = entries.Sum(a => a.AmountQepik);
        var name = p.TaxpayerId is { } t ? await db.Taxpayers.AsNoTracking().Where(x => x.Id == t).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        decimal remaining = 0;
        if (p.TaxpayerId is { } tid)
        {
            var today = Clock.Today(time);
            remaining = (await Ledger.PositionAsync(db, tid, today, await Ledger.Rules.LoadAsync(db, today, ct), lang, ct)).TotalToPay.Amount;
        }
        return new ReceiptView(p.Id, p.ReceiptCode ?? "", $"/api/v1/payment-portal/payments/{p.Id}/receipt.pdf", p.MunicipalityId, await MunicipalityNameAsync(db, p.MunicipalityId, ct),
            p.Reference, Mask(name), p.PayerName, Money.FromQepik(p.AmountQepik).Amount, p.PaidOn, DateTime.SpecifyKind(p.RecordedAt, DateTimeKind.Utc), p.Channel,
            p.TransactionId, p.Status, paid, p.Status == PaymentStatus.Posted ? Money.FromQepik(p.AmountQepik - allocated).Amount : 0m, remaining);
    }

    /// <summary>A printable receipt; its random code is what the portal and the payer quote (ids can be guessed).</summary>
    public static byte[] ReceiptPdf(ReceiptView r, string lang, string verifyUrl)
    {
        string L(string az, string en) => lang == "en" ? en : az;
        string M(decimal v) => Money.Manat(v).Format(lang);
        using var pdf = new PdfDocumentWriter($"Qəbz / Receipt № {r.PaymentId}", lang, footer: $"{r.Municipality} — {L("qəbz", "receipt")} № {r.PaymentId}");
        pdf.Heading(L("ÖDƏNİŞ QƏBZİ", "PAYMENT RECEIPT"));
        pdf.Paragraph(r.Municipality, bold: true);
        pdf.Paragraph(L("Yerli vergilər nağdsız ödənilir (BS 43.1)", "Local taxes are paid by non-cash means (SL 43.1)"));
        pdf.KeyValues([
            (L("Qəbz", "Receipt"), $"№ {r.PaymentId} · {r.ReceiptCode}"),
            (L("Vergi ödəyicisi", "Taxpayer"), r.Taxpayer),
            (L("Ödəniş istinadı", "Payment reference"), r.Reference is { } s && PaymentReference.TryParse(s, out var pr, out _) ? pr.Display : r.Reference ?? "—"),
            (L("Ödəyən", "Payer"), r.PayerName ?? "—"),
            (L("Məbləğ", "Amount"), M(r.Amount)),
            (L("Ödəniş günü", "Paid on"), Fmt.Date(r.PaidOn)),
            (L("Qeydə alınıb", "Recorded"), Fmt.DateTime(r.RecordedAt)),
            (L("Kanal", "Channel"), r.Channel == PaymentChannel.Card ? L("Kart", "Card") : L("Hökumət Ödəniş Portalı", "Government Payment Portal")),
            (L("Əməliyyat", "Transaction"), r.TransactionId ?? "—"),
            (L("Vəziyyət", "Status"), r.Status == PaymentStatus.Posted ? L("Qəbul edilib", "Posted") : L("Geri qaytarılıb", "Reversed")),
        ]);
        pdf.Heading(L("Nəyi ödədi", "What it paid"), 2);
        pdf.Table([L("Vergi", "Tax"), L("İl", "Year"), L("Hissə", "Instalment"), L("Məbləğ", "Amount")],
            r.Paid.Select(i => (IReadOnlyList<string?>)[i.TaxName, i.Year.ToString(CultureInfo.InvariantCulture), i.Instalment.ToString(CultureInfo.InvariantCulture), M(i.Amount)]),
            [4, 1, 1, 2]);
        pdf.KeyValues([(L("Kredit (artıq ödəniş)", "Credit (overpayment)"), M(r.Credit)), (L("Qalan borc", "Still due"), M(r.RemainingDue))]);
        pdf.VerificationQr(verifyUrl, L("Qəbzi portalda yoxlayın", "Verify this receipt on the portal"));
        return pdf.ToBytes();
    }

    /// <summary>
    /// A receipt by its QR code, for anyone: only what the paper shows without a person — the municipality, the amount, the
    /// day, the reference masked to its last four digits and whether the payment stands. Found through the unique index on the code.
    /// </summary>
    public static async Task<ReceiptVerification?> VerifyReceiptAsync(AppDb db, string? code, CancellationToken ct)
    {
        var key = code?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(key) || key.Length != 20) return null;
        var p = await db.Payments.IgnoreQueryFilters().AsNoTracking().Where(x => x.ReceiptCode == key)
            .Select(x => new { x.MunicipalityId, x.AmountQepik, x.PaidOn, x.Reference, x.Status, x.Channel }).FirstOrDefaultAsync(ct);
        if (p is null) return null;
        var municipality = await db.Municipalities.IgnoreQueryFilters().Where(m => m.Id == p.MunicipalityId).Select(m => m.Name).FirstOrDefaultAsync(ct) ?? "";
        return new ReceiptVerification(municipality, Money.FromQepik(p.AmountQepik), p.PaidOn, MaskReference(p.Reference), p.Status, p.Channel);
    }

    /// <summary>The last four digits of the payment reference: enough to match the paper, not to look the account up.</summary>
    public static string MaskReference(string? reference) =>
        string.IsNullOrEmpty(reference) || reference.Length < 6 ? "•••" : new string('•', reference.Length - 4) + reference[^4..];

    public static async Task<Reconciliation> ReconcileAsync(AppDb db, DateOnly date, CancellationToken ct)
    {
        var rows = await db.Payments.AsNoTracking().Where(p => p.PaidOn == date && p.ExternalId.StartsWith(PortalPrefix))
            .OrderBy(p => p.MunicipalityId).ThenBy(p => p.Id).ToListAsync(ct);
        var ids = rows.Select(p => p.MunicipalityId).Distinct().ToList();
        var names = await db.Municipalities.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, ct);
        var posted = rows.Where(p => p.Status == PaymentStatus.Posted).ToList();
        var reversed = rows.Where(p => p.Status == PaymentStatus.Reversed).ToList();
        return new Reconciliation(date, posted.Count, Money.FromQepik(posted.Sum(p => p.AmountQepik)).Amount, reversed.Count,
            Money.FromQepik(reversed.Sum(p => p.AmountQepik)).Amount,
            rows.GroupBy(p => p.MunicipalityId).Select(g => new ReconciledMunicipality(g.Key, names.GetValueOrDefault(g.Key, ""),
                g.Count(p => p.Status == PaymentStatus.Posted), Money.FromQepik(g.Where(p => p.Status == PaymentStatus.Posted).Sum(p => p.AmountQepik)).Amount,
                g.Select(p => new ReconciledPayment(p.Id, p.TransactionId, p.ExternalId[PortalPrefix.Length..], Money.FromQepik(p.AmountQepik).Amount, p.Channel, p.Status,
                    DateTime.SpecifyKind(p.RecordedAt, DateTimeKind.Utc))).ToList())).ToList());
    }
}
