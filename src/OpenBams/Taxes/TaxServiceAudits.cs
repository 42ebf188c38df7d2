using Microsoft.EntityFrameworkCore;
using OpenBams.Law;
using OpenBams.Law.Taxes;
using OpenBams.Platform;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;
using OpenBams.Platform.Localization;

namespace OpenBams.Taxes;

public sealed record NewAudit(AuditKind? Kind, int? TaxpayerId, IReadOnlyList<LocalTax>? Taxes, DateOnly? PeriodFrom, DateOnly? PeriodTo, DateOnly? StartOn,
    DateOnly? EndOn, IReadOnlyList<string>? Officials, string? Purpose, string? StateAuthority, DateOnly? StateAuditStart, DateOnly? StateAuditEnd,
    string? ParticipationDecision);

/// <summary>A change of an audit: everything but its kind and the audited payer; send the version you read.</summary>
public sealed record AuditChange(IReadOnlyList<LocalTax>? Taxes, DateOnly? PeriodFrom, DateOnly? PeriodTo, DateOnly? StartOn, DateOnly? EndOn,
    IReadOnlyList<string>? Officials, string? Purpose, string? StateAuthority, DateOnly? StateAuditStart, DateOnly? StateAuditEnd,
    string? ParticipationDecision, string? Findings, AuditStatus? Status, long? Version);

public sealed record AuditSignature(long? Version);

public sealed record AuditQuery(string? Q = null, AuditKind? Kind = null, AuditStatus? Status = null, int? Page = null, int? PageSize = null);

public sealed record AuditView(int Id, AuditKind Kind, string KindName, string Rule, int TaxpayerId, string Taxpayer, bool MunicipallyOwned,
    IReadOnlyList<LocalTax> Taxes, string TaxNames, DateOnly PeriodFrom, DateOnly PeriodTo, DateOnly StartOn, DateOnly? EndOn,
    string? StateAuthority, DateOnly? StateAuditStart, DateOnly? StateAuditEnd, string? ParticipationDecision, string? ParticipationSignedBy,
    DateOnly? ParticipationSignedOn, string? Purpose, IReadOnlyList<string> Officials, string? Findings, AuditStatus Status, string StatusName,
    IReadOnlyList<int> ActIds, IReadOnlyList<ServiceFlag> Flags, long Version);

/// <summary>
/// TAX-REG 3.2.2, 3.3, 5.1, 5.2: desk and on-site audits of legal entities the municipality owns, and taking part in an on-site
/// audit of the State tax authority on the municipality's decision signed by the chairman (or deputy), no longer than the
/// State audit.
/// </summary>
public static class TaxServiceAudits
{
    public static async Task<PageOf<AuditView>> ListAsync(AppDb db, int municipalityId, AuditQuery q, TimeProvider time, CancellationToken ct)
    {
        var (page, size, skip) = TaxesApi.Paging(q.Page, q.PageSize);
        var query = db.TaxAudits.AsNoTracking().Where(a => a.MunicipalityId == municipalityId);
        if (q.Kind is { } k) query = query.Where(a => a.Kind == k);
        if (q.Status is { } s) query = query.Where(a => a.Status == s);
        var rows = await query.OrderByDescending(a => a.StartOn).ThenByDescending(a => a.Id).ToListAsync(ct);
        var payers = await TaxService.TaxpayersAsync(db, rows.Select(r => r.TaxpayerId), ct);
        if (!string.IsNullOrWhiteSpace(q.Q))
            rows = rows.Where(a => TaxService.Matches(q.Q, payers.GetValueOrDefault(a.TaxpayerId)?.Name, payers.GetValueOrDefault(a.TaxpayerId)?.TaxId,
                a.Officials, a.StateAuthority, a.Purpose, a.ParticipationDecision, a.Taxes)).ToList();
        var pageRows = rows.Skip(skip).Take(size).ToList();
        return new PageOf<AuditView>(rows.Count, page, size, await ViewsAsync(db, pageRows, payers, time, ct));
    }

    public static async Task<AuditView> GetAsync(AppDb db, int municipalityId, int auditId, TimeProvider time, CancellationToken ct)
    {
        var a = await db.TaxAudits.AsNoTracking().FirstOrDefaultAsync(x => x.Id == auditId && x.MunicipalityId == municipalityId, ct) ?? throw new NotFound("Audit");
        return (await ViewsAsync(db, [a], await TaxService.TaxpayersAsync(db, [a.TaxpayerId], ct), time, ct))[0];
    }

    /// <summary>TAX-REG 5.1, 5.2: a new audit (planned); participation in a State audit needs the chairman's signature before it starts.</summary>
    [Law("TAX-REG 5.1")]
    [Law("TAX-REG 5.2")]
    public static async Task<AuditView> CreateAsync(AppDb db, TaxActor actor, NewAudit body, TimeProvider time, CancellationToken ct)
    {
        actor.RequireKeeper();
        if (body.Kind is not { } kind || !Enum.IsDefined(kind))
            throw new InputError("kind", new Text("Yoxlamanın növü seçilməlidir: kameral, səyyar və ya dövlət yoxlamasında iştirak", "Choose the kind: desk, on-site or participation in a State audit"));
        var payer = await TaxService.TaxpayerAsync(db, actor.MunicipalityId, body.TaxpayerId, ct);
        TaxServiceRules.RequireAuditable(kind, payer.Kind == TaxpayerKind.LegalPerson, payer.MunicipallyOwned);
        var audit = new TaxAudit { MunicipalityId = actor.MunicipalityId, Kind = kind, TaxpayerId = payer.Id, Taxes = "", Officials = "", Status = AuditStatus.Planned };
        Apply(audit, payer, body.Taxes, body.PeriodFrom, body.PeriodTo, body.StartOn, body.EndOn, body.Officials, body.Purpose, body.StateAuthority,
            body.StateAuditStart, body.StateAuditEnd, body.ParticipationDecision);
        db.TaxAudits.Add(audit);
        await db.SaveChangesAsync(ct);
        return await GetAsync(db, actor.MunicipalityId, audit.Id, time, ct);
    }

    /// <summary>
    /// Changes an audit and moves it forward (planned → in progress → completed). A signed participation decision is fixed:
    /// its authority, dates, purpose and officials change only by a new decision (a new audit record).
    /// </summary>
    [Law("TAX-REG 5.2")]
    public static async Task<AuditView> ChangeAsync(AppDb db, TaxActor actor, int auditId, AuditChange body, TimeProvider time, CancellationToken ct)
    {
        actor.RequireKeeper();
        var a = await db.TaxAudits.FirstOrDefaultAsync(x => x.Id == auditId && x.MunicipalityId == actor.MunicipalityId, ct) ?? throw new NotFound("Audit");
        TaxService.CheckVersion(a, TaxService.RequireVersion(body.Version));
        if (a.Status == AuditStatus.Completed)
            throw new InputError("status", new Text("Başa çatmış yoxlama dəyişdirilmir", "A completed audit is not changed"), StatusCodes.Status409Conflict);
        var payer = await TaxService.TaxpayerAsync(db, actor.MunicipalityId, a.TaxpayerId, ct);
        var signedBefore = a.ParticipationSignedOn is not null ? DecisionFields(a) : null;
        Apply(a, payer, body.Taxes, body.PeriodFrom, body.PeriodTo, body.StartOn, body.EndOn, body.Officials, body.Purpose, body.StateAuthority,
            body.StateAuditStart, body.StateAuditEnd, body.ParticipationDecision);
        if (signedBefore is not null && signedBefore != DecisionFields(a))
            throw new LegalRuleViolation(new(Acts.TaxReg, "5.2"), "participationDecision",
                "İştirak haqqında qərar imzalanıb: onun rekvizitləri (orqan, obyekt, məqsəd, müddət, vəzifəli şəxslər) yalnız yeni qərarla dəyişir",
                "The participation decision is signed: its authority, object, purpose, duration and officials change only by a new decision");
        a.Findings = TaxService.Optional(body.Findings, "findings", 10_000);
        var today = Clock.Today(time);
        var status = body.Status ?? a.Status;
        if (!Enum.IsDefined(status) || status < a.Status)
            throw new InputError("status", new Text("Yoxlama yalnız irəli aparılır: planlaşdırılıb → gedir → başa çatıb", "An audit only moves forward: planned → in progress → completed"));
        if (status >= AuditStatus.InProgress && a.Status < AuditStatus.InProgress)
        {
            if (a.StartOn > today)
                throw new InputError("status", new Text($"Yoxlama {Fmt.Date(a.StartOn)} tarixində başlayır", $"The audit starts on {Fmt.Date(a.StartOn)}"));
            if (a.Kind == AuditKind.ParticipationInStateAudit && a.ParticipationSignedOn is null)
                throw new LegalRuleViolation(new(Acts.TaxReg, "5.2"), "status",
                    "Vəzifəli şəxslər dövlət vergi orqanının yoxlamasında yalnız sədrin (müavinin) imzaladığı bələdiyyə qərarı ilə iştirak edir",
                    "Officials take part in the State audit only on the municipality's decision signed by the chairman (or deputy)");
        }
        if (status == AuditStatus.Completed)
        {
            if (a.Findings is null) throw new InputError("findings", new Text("Başa çatmış yoxlamanın nəticələri yazılmalıdır", "A completed audit records its findings"));
            if (a.EndOn is not { } end || end > today)
                throw new InputError("endOn", new Text("Yoxlamanın bitmə tarixi (bu gün və ya əvvəl) göstərilməlidir", "Give the audit's end date (today or earlier)"));
        }
        a.Status = status;
        await db.SaveChangesAsync(ct);
        return await GetAsync(db, actor.MunicipalityId, a.Id, time, ct);
    }

    /// <summary>TAX-REG 5.2: the chairman (or deputy) signs the municipality's decision on taking part in the State audit.</summary>
    [Law("TAX-REG 5.2")]
    public static async Task<AuditView> SignAsync(AppDb db, TaxActor actor, int auditId, AuditSignature body, TimeProvider time, CancellationToken ct)
    {
        actor.RequireChairman("VXƏ 5.2");
        var a = await db.TaxAudits.FirstOrDefaultAsync(x => x.Id == auditId && x.MunicipalityId == actor.MunicipalityId, ct) ?? throw new NotFound("Audit");
        TaxService.CheckVersion(a, body.Version);
        if (a.Kind != AuditKind.ParticipationInStateAudit)
            throw new InputError("auditId", new Text("Yalnız dövlət yoxlamasında iştirak haqqında qərar imzalanır", "Only a decision on taking part in a State audit is signed"));
        if (a.ParticipationSignedOn is not null)
            throw new InputError("auditId", new Text("Qərar artıq imzalanıb", "The decision is already signed"), StatusCodes.Status409Conflict);
        a.ParticipationSignedBy = await TaxService.SignerAsync(db, actor, ct);
        a.ParticipationSignedOn = Clock.Today(time);
        await db.SaveChangesAsync(ct);
        return await GetAsync(db, actor.MunicipalityId, a.Id, time, ct);
    }

    private static string DecisionFields(TaxAudit a) =>
        string.Join("|", a.StateAuthority, a.StateAuditStart, a.StateAuditEnd, a.StartOn, a.EndOn, a.Purpose, a.Officials, a.ParticipationDecision, a.Taxes);

    [Law("TAX-REG 3.3")]
    [Law("TAX-REG 5.2")]
    private static void Apply(TaxAudit a, Taxpayer payer, IReadOnlyList<LocalTax>? taxes, DateOnly? periodFrom, DateOnly? periodTo, DateOnly? startOn,
        DateOnly? endOn, IReadOnlyList<string>? officials, string? purpose, string? stateAuthority, DateOnly? stateStart, DateOnly? stateEnd,
        string? decision)
    {
        var list = (taxes ?? []).Distinct().ToList();
        if (list.Count == 0 || list.Any(t => !Enum.IsDefined(t) || t is LocalTax.InterestOnArrears or LocalTax.VoluntaryPayment))
            throw new InputError("taxes", new Text("Yoxlanılan yerli vergi və ya ödəniş göstərilməlidir", "Name the local taxes or payments audited"));
        if (periodFrom is not { } pf || periodTo is not { } pt || pt < pf)
            throw new InputError(periodFrom is null ? "periodFrom" : "periodTo", new Text("Yoxlanılan dövr (başlanğıc və son) göstərilməlidir", "Give the period audited (from and to)"));
        if (startOn is not { } start) throw new InputError("startOn", new Text("Yoxlamanın başlanğıc tarixi göstərilməlidir", "Give the audit's start date"));
        if (endOn is { } e && e < start) throw new InputError("endOn", new Text("Bitmə tarixi başlanğıcdan əvvəl ola bilməz", "The end cannot be before the start"));
        var names = (officials ?? []).Select(Input.Blank).OfType<string>().Distinct().ToList();
        if (names.Count == 0)
            throw new InputError("officials", new Text("Yoxlamada iştirak edən vəzifəli şəxslər göstərilməlidir", "Name the officials taking part"));
        var participation = a.Kind == AuditKind.ParticipationInStateAudit;
        if (participation)
        {
            TaxServiceProcedure.RequireParticipationScope(list, payer.MunicipallyOwned);
            var rule = new LegalReference(Acts.TaxReg, "5.2");
            if (names.FirstOrDefault(n => !TaxServiceProcedure.IsFullName(n)) is { } bad)
                throw new LegalRuleViolation(rule, "officials", $"«{bad}»: hər vəzifəli şəxsin soyadı, adı və atasının adı yazılmalıdır",
                    $"'{bad}': give each official's surname, first name and patronymic");
            if (Input.Blank(stateAuthority) is null)
                throw new LegalRuleViolation(rule, "stateAuthority", "Dövlət vergi orqanının adı göstərilməlidir", "Name the State tax authority");
            if (Input.Blank(purpose) is null)
                throw new LegalRuleViolation(rule, "purpose", "İştirakın məqsədi göstərilməlidir", "State the purpose of taking part");
            if (Input.Blank(decision) is null)
                throw new LegalRuleViolation(rule, "participationDecision", "Bələdiyyənin iştirak haqqında qərarı (nömrəsi, tarixi) göstərilməlidir",
                    "Give the municipality's decision on taking part (number, date)");
            if (stateStart is not { } ss || stateEnd is not { } se)
                throw new LegalRuleViolation(rule, stateStart is null ? "stateAuditStart" : "stateAuditEnd",
                    "Dövlət vergi orqanının yoxlamasının müddəti (başlanğıc və son) göstərilməlidir", "Give the State audit's start and end");
            if (se < ss) throw new InputError("stateAuditEnd", new Text("Bitmə tarixi başlanğıcdan əvvəl ola bilməz", "The end cannot be before the start"));
            if (endOn is not { } end)
                throw new LegalRuleViolation(rule, "endOn", "İştirakın müddəti (bitmə tarixi) göstərilməlidir", "Give the duration of taking part (its end)");
            TaxServiceRules.RequireWithinStateAudit(ss, se, start, end);
        }
        else if (Input.Blank(stateAuthority) is not null || stateStart is not null || stateEnd is not null || Input.Blank(decision) is not null)
            throw new InputError("stateAuthority", new Text("Dövlət orqanının məlumatları yalnız dövlət yoxlamasında iştirak üçündür", "The State authority's data is only for participation in a State audit"));
        a.Taxes = string.Join(",", list);
        if (a.Taxes.Length > 300) throw TaxService.TooLong("taxes", 300);
        a.PeriodFrom = pf;
        a.PeriodTo = pt;
        a.StartOn = start;
        a.EndOn = endOn;
        a.Officials = string.Join("; ", names);
        if (a.Officials.Length > 1000) throw TaxService.TooLong("officials", 1000);
        a.Purpose = TaxService.Optional(purpose, "purpose", 1000);
        a.StateAuthority = participation ? TaxService.Optional(stateAuthority, "stateAuthority", 300) : null;
        a.StateAuditStart = participation ? stateStart : null;
        a.StateAuditEnd = participation ? stateEnd : null;
        a.ParticipationDecision = participation ? TaxService.Optional(decision, "participationDecision", 200) : null;
    }

    public static IReadOnlyList<LocalTax> TaxesOf(TaxAudit a) =>
        a.Taxes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => Enum.TryParse<LocalTax>(s, out var t) ? (LocalTax?)t : null).OfType<LocalTax>().ToList();

    public static Text KindName(AuditKind k) => k switch
    {
        AuditKind.Desk => new("kameral vergi yoxlaması", "desk tax audit"),
        AuditKind.OnSite => new("səyyar vergi yoxlaması", "on-site tax audit"),
        _ => new("dövlət vergi orqanının səyyar yoxlamasında iştirak", "participation in the State tax authority's on-site audit"),
    };

    public static Text StatusName(AuditStatus s) => s switch
    {
        AuditStatus.Planned => new("planlaşdırılıb", "planned"),
        AuditStatus.InProgress => new("gedir", "in progress"),
        _ => new("başa çatıb", "completed"),
    };

    private static async Task<IReadOnlyList<AuditView>> ViewsAsync(AppDb db, IReadOnlyList<TaxAudit> rows, IReadOnlyDictionary<int, Taxpayer> payers,
        TimeProvider time, CancellationToken ct)
    {
        var today = Clock.Today(time);
        var ids = rows.Select(r => (int?)r.Id).ToList();
        var acts = await db.AuditActs.AsNoTracking().Where(x => ids.Contains(x.AuditId)).Select(x => new { x.Id, x.AuditId }).ToListAsync(ct);
        return rows.Select(a =>
        {
            var payer = payers.GetValueOrDefault(a.TaxpayerId);
            var taxes = TaxesOf(a);
            var flags = new List<ServiceFlag>();
            if (a.Kind == AuditKind.ParticipationInStateAudit && a.ParticipationSignedOn is null)
                flags.Add(new ServiceFlag("participation-unsigned", "TAX-REG 5.2", a.StartOn <= today ? "Breach" : "Warning",
                    new Text("İştirak haqqında qərar sədr (müavin) tərəfindən imzalanmayıb: vəzifəli şəxslər iştirak edə bilməz",
                        "The participation decision is not signed by the chairman (or deputy): the officials may not take part"), a.StartOn));
            if (a.Status != AuditStatus.Completed && a.EndOn is { } end && end < today)
                flags.Add(new ServiceFlag("audit-not-closed", a.Kind == AuditKind.ParticipationInStateAudit ? "TAX-REG 5.2" : "TAX-REG 5.1", "Warning",
                    new Text($"Yoxlamanın müddəti {Fmt.Date(end)} tarixində bitib, nəticələri qeyd edilməyib", $"The audit ended on {Fmt.Date(end)} and its findings are not recorded"), end));
            return new AuditView(a.Id, a.Kind, KindName(a.Kind), a.Kind == AuditKind.ParticipationInStateAudit ? "TAX-REG 3.3, 5.2" : "TAX-REG 3.2.2, 5.1",
                a.TaxpayerId, payer is null ? "—" : TaxService.TaxpayerLabel(payer), payer?.MunicipallyOwned ?? false, taxes,
                string.Join(", ", taxes.Select(TaxService.TaxName)), a.PeriodFrom, a.PeriodTo, a.StartOn, a.EndOn, a.StateAuthority, a.StateAuditStart,
                a.StateAuditEnd, a.ParticipationDecision, a.ParticipationSignedBy, a.ParticipationSignedOn, a.Purpose,
                a.Officials.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), a.Findings, a.Status, StatusName(a.Status),
                acts.Where(x => x.AuditId == a.Id).Select(x => x.Id).Order().ToList(), flags, a.Version);
        }).ToList();
    }
}
