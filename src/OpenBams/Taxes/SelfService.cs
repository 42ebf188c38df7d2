using Microsoft.EntityFrameworkCore;
using OpenBams.Law;
using OpenBams.Law.Taxes;
using OpenBams.Platform;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;
using OpenBams.Platform.Localization;
using OpenBams.Platform.Tenancy;

namespace OpenBams.Taxes;

/// <summary>One explained line of my notice (object, base, rate, decision, share, months, relief, article).</summary>
public sealed record MyLine(string Tax, string Object, decimal Base, string Unit, string BaseText, decimal Rate, string RateText, string? Decision, string Share, int Months, Money Gross,
    Money Relief, string? ReliefNote, Money Net, string Citation);

/// <summary>My notice of a year: its two instalments (LML 18.13), the reference to pay with and what is left to pay on it.</summary>
public sealed record MyNotice(int Id, int Year, int Number, int Revision, string Reference, Money Total, Money First, DateOnly FirstDueOn, Money Second,
    DateOnly SecondDueOn, DateOnly IssuedOn, DateOnly? DeliveredOn, Money ToPay, IReadOnlyList<MyLine> Lines);

public sealed record MyCertificate(int Id, DateOnly RequestedOn, DateOnly DueOn, CertificateChannel Channel, CertificateStatus Status, string? Number,
    DateTime? IssuedAt, bool? HasDebt, string? RefusalReason);

/// <summary>My account in one municipality: what I owe and why, my notices, payments and certificates.</summary>
public sealed record MyAccount(int TaxpayerId, int MunicipalityId, string Municipality, string Name, AccountPosition Position, IReadOnlyList<MyNotice> Notices,
    IReadOnlyList<MyCertificate> Certificates);

public sealed record MyTaxesView(string? PersonalId, DateOnly AsOf, Money TotalToPay, Money Overdue, Money AccruedInterest, IReadOnlyList<MyAccount> Accounts);

public sealed record MyCertificateRequest(int? TaxpayerId, string? Purpose);

/// <summary>
/// The resident's own taxes. A person is a taxpayer wherever they hold property, not only where they live, so their records
/// are found by the FIN on their account (AppUser.PersonalId) in every municipality. The request's tenant sees only the
/// municipalities of the user's roles; self-service works in a scope of its own whose tenant adds exactly the
/// municipalities of the user's own taxpayer records, and every query in it is by those taxpayer ids. Nobody else's
/// record is ever addressed: another person's id gives 404.
/// </summary>
public sealed class SelfService : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;
    public AppDb Db { get; }
    public string? PersonalId { get; }
    public IReadOnlyList<Taxpayer> Taxpayers { get; }

    private SelfService(AsyncServiceScope scope, AppDb db, string? fin, IReadOnlyList<Taxpayer> taxpayers)
    {
        _scope = scope;
        Db = db;
        PersonalId = fin;
        Taxpayers = taxpayers;
    }

    public static async Task<SelfService> OpenAsync(IServiceProvider services, TenantContext user, CancellationToken ct)
    {
        var scope = services.CreateAsyncScope();
        try
        {
            var tenants = scope.ServiceProvider.GetRequiredService<TenantAccessor>();
            tenants.Use(user);
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            var fin = user.UserId is { } uid ? await db.Users.Where(u => u.Id == uid).Select(u => u.PersonalId).FirstOrDefaultAsync(ct) : null;
            fin = string.IsNullOrWhiteSpace(fin) ? null : fin.Trim().ToUpperInvariant();
            var mine = fin is null ? [] : await db.Taxpayers.IgnoreQueryFilters().AsNoTracking()
                .Where(t => t.PersonalId == fin && t.Kind == TaxpayerKind.NaturalPerson).OrderBy(t => t.MunicipalityId).ThenBy(t => t.Id).ToListAsync(ct);
            var municipalities = user.Municipalities.Union(mine.Select(t => t.MunicipalityId)).ToHashSet();
            tenants.Use(new TenantContext(user.UserId, user.UserName, user.SeesAllMunicipalities, municipalities, user.Roles));
            return new SelfService(scope, db, fin, mine);
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
    }

    /// <summary>My taxpayer record, or 404 for anyone else's.</summary>
    public Taxpayer Mine(int? taxpayerId, string field = "taxpayerId")
    {
        if (taxpayerId is null)
        {
            if (Taxpayers.Count == 1) return Taxpayers[0];
            throw new InputError(field, new Text("Vergi ödəyicisi qeydini seçin", "Choose the taxpayer record"));
        }
        return Taxpayers.FirstOrDefault(t => t.Id == taxpayerId) ?? throw new NotFound("Taxpayer");
    }

    public async Task<MyTaxesView> ViewAsync(TimeProvider time, CancellationToken ct)
    {
        var today = Clock.Today(time);
        var ids = Taxpayers.Select(t => t.Id).ToList();
        var rules = await Ledger.Rules.LoadAsync(Db, today, ct);
        var positions = await Ledger.PositionsAsync(Db, ids, today, rules, Text.Lang, ct);
        var notices = await Db.PaymentNotices.AsNoTracking().Where(n => ids.Contains(n.TaxpayerId) && n.IsCurrent).OrderByDescending(n => n.Year).ToListAsync(ct);
        var noticeIds = notices.Select(n => n.Id).ToList();
        var lines = await Db.AssessmentLines.AsNoTracking().Where(l => noticeIds.Contains(l.NoticeId)).OrderBy(l => l.Id).ToListAsync(ct);
        var certificates = await Db.DebtCertificates.AsNoTracking().Where(c => ids.Contains(c.TaxpayerId)).OrderByDescending(c => c.RequestedAt).Take(200).ToListAsync(ct);
        var mids = Taxpayers.Select(t => t.MunicipalityId).Distinct().ToList();
        var names = await Db.Municipalities.AsNoTracking().Where(m => mids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, ct);
        var accounts = Taxpayers.Select(t =>
        {
            var p = positions[t.Id];
            var myNotices = notices.Where(n => n.TaxpayerId == t.Id).Select(n =>
            {
                // What is left of this year's annual taxes, with interest accrued on them: the amount to pay with this reference.
                var items = p.Items.Where(i => i.Year == n.Year && i.Period == 0 && i.Tax is LocalTax.LandTax or LocalTax.PropertyTax).ToList();
                var toPay = items.Aggregate(Money.Zero, (s, i) => s + i.Outstanding + i.Interest);
                return new MyNotice(n.Id, n.Year, n.Number, n.Revision, n.Reference, Money.FromQepik(n.TotalQepik), Money.FromQepik(n.FirstQepik), n.FirstDueOn,
                    Money.FromQepik(n.SecondQepik), n.SecondDueOn, n.IssuedOn, n.DeliveredOn, toPay,
                    lines.Where(l => l.NoticeId == n.Id).Select(Line).ToList());
            }).ToList();
            var myCertificates = certificates.Where(c => c.TaxpayerId == t.Id).Select(c => new MyCertificate(c.Id, c.RequestedOn, c.DueOn, c.Channel, c.Status,
                c.Number is { } nr ? $"{nr}/{c.Year}" : null, c.IssuedAt,
                c.Status == CertificateStatus.Issued ? (c.PrincipalQepik ?? 0) + (c.InterestQepik ?? 0) > 0 : null, c.RefusalReason)).ToList();
            return new MyAccount(t.Id, t.MunicipalityId, names.GetValueOrDefault(t.MunicipalityId, ""), t.Name, p, myNotices, myCertificates);
        }).ToList();
        return new MyTaxesView(PersonalId, today,
            accounts.Aggregate(Money.Zero, (s, a) => s + a.Position.TotalToPay),
            accounts.Aggregate(Money.Zero, (s, a) => s + a.Position.Overdue),
            accounts.Aggregate(Money.Zero, (s, a) => s + a.Position.AccruedInterest), accounts);
    }

    private static MyLine Line(AssessmentLine l)
    {
        var tax = LocalTaxes.Name(l.Tax);
        return new MyLine(Text.English ? tax.En : tax.Az, l.ObjectLabel, l.BaseValue, l.Unit.ToString(), AssessedLine.BaseText(l.Unit, l.BaseValue, Text.Lang),
            l.Rate, AssessedLine.RateText(l.Unit, l.Rate, Text.Lang), l.Decision, l.WeightText + (l.WeightNote is null ? "" : $" ({l.WeightNote})"),
            l.Months, Money.FromQepik(l.GrossQepik), Money.FromQepik(l.ReliefQepik), l.ReliefNote, Money.FromQepik(l.NetQepik), l.Citation);
    }

    /// <summary>SL 30.2: my request for a certificate of my debts (the self-service channel is the written request, made online).</summary>
    public Task<DebtCertificate> RequestCertificateAsync(MyCertificateRequest body, string requestedBy, TimeProvider time, CancellationToken ct) =>
        Certificates.RequestAsync(Db, Mine(body.TaxpayerId), CertificateChannel.SelfService, requestedBy, body.Purpose, null, time, ct);

    /// <summary>My issued certificate, or 404 for anyone else's or one not issued.</summary>
    public async Task<DebtCertificate> MyIssuedCertificateAsync(int certificateId, CancellationToken ct)
    {
        var ids = Taxpayers.Select(t => t.Id).ToList();
        return await Db.DebtCertificates.AsNoTracking().FirstOrDefaultAsync(c => c.Id == certificateId && ids.Contains(c.TaxpayerId)
            && c.Status == CertificateStatus.Issued, ct) ?? throw new NotFound("Certificate");
    }

    public ValueTask DisposeAsync() => _scope.DisposeAsync();
}

/// <summary>
/// The Government Payment Portal's (HÖP) pay page for a notice, when the deployment configures its address as
/// <c>OpenBams:PaymentPortal:PayUrl</c> with the placeholders <c>{reference}</c> and <c>{amount}</c>. The resident pays
/// there (never in cash, SL 43.1); the portal looks the reference up and posts the payment through
/// /api/v1/payment-portal (docs/payments.md). Without the setting the page shows the reference and amount only.
/// </summary>
public static class PortalPayLink
{
    public const string Setting = "OpenBams:PaymentPortal:PayUrl";

    public static string? For(IConfiguration config, string reference, Money amount)
    {
        var template = config[Setting];
        if (string.IsNullOrWhiteSpace(template) || amount.Qepik <= 0) return null;
        var url = template.Replace("{reference}", Uri.EscapeDataString(reference), StringComparison.Ordinal)
            .Replace("{amount}", Uri.EscapeDataString(amount.ToString()), StringComparison.Ordinal);
        // Only a web address: a misconfigured value must not turn into a script link on the resident's page.
        return Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp) ? u.AbsoluteUri : null;
    }
}
