using System.Globalization;
using OpenBams.Platform.Data;
using OpenBams.Platform.Export;
using OpenBams.Platform.Localization;

namespace OpenBams.Taxes;

/// <summary>The tax service's registers (audits, acts, complaints) as CSV and XLSX, with the same filters as the lists; headers in the request's language.</summary>
public static class TaxServiceExports
{
    private const int Chunk = 500;

    public static async Task AuditsAsync(HttpContext http, AppDb db, int municipalityId, AuditQuery q, TimeProvider time, bool xlsx)
    {
        var all = new List<AuditView>();
        for (var page = 1; ; page++)
        {
            var p = await TaxServiceAudits.ListAsync(db, municipalityId, q with { Page = page, PageSize = Chunk }, time, http.RequestAborted);
            all.AddRange(p.Items);
            if (all.Count >= p.Total || p.Items.Count == 0) break;
        }
        string[] header =
        [
            "id", new Text("Növ", "Kind"), new Text("Ödəyici", "Taxpayer"), new Text("Vergilər", "Taxes"), new Text("Dövr: başlanğıc", "Period from"),
            new Text("Dövr: son", "Period to"), new Text("Başlanır", "Starts"), new Text("Bitir", "Ends"), new Text("Dövlət vergi orqanı", "State tax authority"),
            new Text("Dövlət yoxlaması: başlanğıc", "State audit from"), new Text("Dövlət yoxlaması: son", "State audit to"), new Text("İştirak haqqında qərar", "Participation decision"),
            new Text("İmzalayıb", "Signed by"), new Text("İmza tarixi", "Signed on"), new Text("Vəzifəli şəxslər", "Officials"), new Text("Məqsəd", "Purpose"),
            new Text("Nəticələr", "Findings"), new Text("Vəziyyət", "Status"), new Text("Aktlar", "Acts"), new Text("Qeydlər", "Flags"),
        ];
        var rows = all.Select(a => (IReadOnlyList<object?>)new object?[]
        {
            a.Id, a.KindName, a.Taxpayer, a.TaxNames, a.PeriodFrom, a.PeriodTo, a.StartOn, a.EndOn, a.StateAuthority, a.StateAuditStart, a.StateAuditEnd,
            a.ParticipationDecision, a.ParticipationSignedBy, a.ParticipationSignedOn, string.Join("; ", a.Officials), a.Purpose, a.Findings, a.StatusName,
            string.Join(", ", a.ActIds), Flags(a.Flags),
        }).ToList();
        await ExportResponse.WriteAsync(http, "vergi-yoxlamalari", new Text("Vergi yoxlamaları", "Tax audits"), header, rows, xlsx);
    }

    public static async Task ActsAsync(HttpContext http, AppDb db, int municipalityId, ActQuery q, TimeProvider time, bool xlsx)
    {
        var all = new List<ActView>();
        for (var page = 1; ; page++)
        {
            var p = await TaxServiceActs.ListAsync(db, municipalityId, q with { Page = page, PageSize = Chunk }, time, http.RequestAborted);
            all.AddRange(p.Items);
            if (all.Count >= p.Total || p.Items.Count == 0) break;
        }
        string[] header =
        [
            "id", new Text("Nömrə", "Number"), new Text("Tərtib tarixi", "Drawn on"), new Text("Ödəyici", "Taxpayer"), new Text("Vergi (ödəniş)", "Tax (payment)"),
            new Text("Məbləğ, ₼", "Amount, ₼"), new Text("Vəziyyət", "Status"), new Text("Təqdim edilib", "Delivered on"),
            new Text("Etiraz üçün son gün (VXƏ 5.4)", "Objection due (TAX-REG 5.4)"), new Text("Etiraz", "Objection"), new Text("Dinləmə", "Hearing"),
            new Text("Qərar üçün son gün (VXƏ 5.6)", "Decision due (TAX-REG 5.6)"), new Text("Qərar", "Decision"), new Text("Qərarın tarixi", "Decided on"),
            new Text("Tələbnamə çatdırılıb", "Demand delivered"), new Text("Könüllü ödənilib", "Paid voluntarily"), new Text("Məhkəməyə müraciət", "Court filed"),
            new Text("Qanuni qüvvəyə minib", "Judgement final"), new Text("Bağlanıb", "Closed"), new Text("Gecikir", "Overdue"), new Text("Qeydlər", "Flags"),
        ];
        var rows = all.Select(a => (IReadOnlyList<object?>)new object?[]
        {
            a.Id, a.Code, a.DrawnOn, a.Taxpayer, a.TaxName, a.Amount, a.StatusName, a.DeliveredOn, a.ObjectionDueOn, a.ObjectionReceivedOn, a.HearingOn,
            a.DecisionDueOn, a.DecisionName, a.DecidedOn, a.DemandDeliveredOn, a.PaidVoluntarilyOn, a.CourtFiledOn, a.JudgementFinalOn, a.ClosedOn,
            a.Overdue ? (string)T.Yes : T.No, Flags(a.Flags),
        }).ToList();
        await ExportResponse.WriteAsync(http, "vergi-aktlari", new Text("Vergi xidmətinin aktları", "Tax service acts"), header, rows, xlsx);
    }

    public static async Task ComplaintsAsync(HttpContext http, AppDb db, int municipalityId, ComplaintQuery q, TimeProvider time, bool xlsx)
    {
        var all = new List<ComplaintView>();
        for (var page = 1; ; page++)
        {
            var p = await TaxServiceComplaints.ListAsync(db, municipalityId, q with { Page = page, PageSize = Chunk }, time, http.RequestAborted);
            all.AddRange(p.Items);
            if (all.Count >= p.Total || p.Items.Count == 0) break;
        }
        string[] header =
        [
            "id", new Text("Ödəyici", "Taxpayer"), new Text("Akt", "Act"), new Text("Nədən", "Against"), new Text("Kimə (VXƏ 6.2)", "To (TAX-REG 6.2)"),
            new Text("Məzmun", "Subject"), new Text("Pozuntudan xəbər tutub", "Learned on"), new Text("Alınıb", "Received on"),
            new Text("Şikayət üçün son gün (VXƏ 6.4)", "File by (TAX-REG 6.4)"), new Text("Gecikmiş", "Late"), new Text("Müddəti bərpa edib", "Limit restored by"),
            new Text("Baxılma üçün son gün (VXƏ 6.6)", "Review due (TAX-REG 6.6)"), new Text("Qərar", "Decided on"), new Text("Nəticə", "Outcome"),
            new Text("Cavab üçün son gün", "Reply due"), new Text("Cavab verilib", "Replied on"), new Text("Məhkəmədə də", "Also in court"),
            new Text("Gecikir", "Overdue"), new Text("Qeydlər", "Flags"),
        ];
        var rows = all.Select(c => (IReadOnlyList<object?>)new object?[]
        {
            c.Id, c.Taxpayer, c.ActCode, c.AgainstName, c.AddresseeName, c.Subject, c.LearnedOn, c.ReceivedOn, c.FileBy, c.Late ? (string)T.Yes : T.No,
            c.RestoredBy, c.ReviewDueOn, c.DecidedOn, c.Outcome, c.ReplyDueOn, c.RepliedOn, c.AlsoInCourt ? (string)T.Yes : T.No,
            c.Overdue ? (string)T.Yes : T.No, Flags(c.Flags),
        }).ToList();
        await ExportResponse.WriteAsync(http, "vergi-sikayetleri", new Text("Ödəyicilərin şikayətləri", "Taxpayers' complaints"), header, rows, xlsx);
    }

    private static string Flags(IEnumerable<ServiceFlag> flags) => string.Join("; ", flags.Select(f => $"{f.Message} ({f.Rule})"));
}
