using Microsoft.EntityFrameworkCore;
using OpenBams.Law;
using OpenBams.Law.Budget;
using OpenBams.Platform.Data;
using OpenBams.Platform.Export;
using OpenBams.Platform.Http;
using OpenBams.Platform.Localization;
using OpenBams.Platform.Pdf;

namespace OpenBams.Budget;

public enum BudgetReportKind { Approved, Execution, Quarterly, Parliament, Statistics }

/// <summary>One table of a report: money cells are <see cref="Money"/> (formatted in the PDF, numbers in the XLSX).</summary>
public sealed record ReportSection(string Heading, string[] Header, List<IReadOnlyList<object?>> Rows);

public sealed record BudgetReport(string Title, string Article, string Municipality, int Year, string Period, List<ReportSection> Sections);

/// <summary>
/// The budget's reports, in Azerbaijani with the English under each label: the approved budget (FL 10.2), the annual execution report
/// (FL 11.3), the quarterly execution report, the report to the Milli Məclis on state funds and delegated powers (SL 52-2.1-2) and the
/// information for statistics bodies (FL 6.4). Execution: appropriations from the lines, committed and paid from the expenditures,
/// revenue from entered revenue and the taxes module's posted tax revenue.
/// </summary>
public static class BudgetDocuments
{
    private static string L(string az, string en) => $"{az} / {en}";

    public static async Task<BudgetReport> BuildAsync(AppDb db, MunicipalBudget b, BudgetReportKind kind, int? quarter, CancellationToken ct)
    {
        var muni = await db.Municipalities.AsNoTracking().Where(m => m.Id == b.MunicipalityId).Select(m => m.Name).FirstOrDefaultAsync(ct) ?? "";
        DateOnly? upTo = null;
        var period = L($"{b.Year}-ci il", $"year {b.Year}");
        if (kind == BudgetReportKind.Quarterly)
        {
            var q = quarter ?? 0;
            if (q is < 1 or > 4) throw new InputError("quarter", new Text("Rüb 1-4 olmalıdır", "The quarter is 1-4"));
            upTo = new DateOnly(b.Year, q * 3, 1).AddMonths(1).AddDays(-1);
            period = L($"{b.Year}-ci ilin {q}-ci rübü ({Fmt.Date(upTo)} tarixinədək)", $"Q{q} {b.Year} (up to {Fmt.Date(upTo)})");
        }
        var lines = await BudgetPlanning.LinesAsync(db, b, null, upTo, ct);
        var rev = lines.Where(l => l.Side == BudgetSide.Revenue).ToList();
        var exp = lines.Where(l => l.Side == BudgetSide.Expenditure).ToList();
        static Money M(long q) => Money.FromQepik(q);
        var sections = new List<ReportSection>();
        switch (kind)
        {
            case BudgetReportKind.Approved:
                sections.Add(new(L("Gəlirlər (MMƏQ 7.1)", "Revenue (FL 7.1)"), [L("Kod", "Code"), L("Sinif", "Class"), L("Ad", "Name"), L("Təsdiq edilib", "Approved"), L("Qüvvədə olan", "In force")],
                    rev.Select(l => (IReadOnlyList<object?>)[l.Code, l.ClassCode, l.Name, M(l.PlannedQepik), M(l.AppropriationQepik)]).ToList()));
                sections.Add(new(L("Xərclər (MMƏQ 8.2)", "Expenditure (FL 8.2)"), [L("Kod", "Code"), L("İstiqamət", "Area"), L("Ad", "Name"), L("Maliyyələşmə", "Funding"), L("Təsdiq edilib", "Approved"), L("Qüvvədə olan", "In force")],
                    exp.Select(l => (IReadOnlyList<object?>)[l.Code, l.ClassCode, l.Name, l.FundingName + (l.Purpose is null ? "" : $" ({l.Purpose})"), M(l.PlannedQepik), M(l.AppropriationQepik)]).ToList()));
                break;
            case BudgetReportKind.Execution or BudgetReportKind.Quarterly:
                sections.Add(new(L("Gəlirlərin icrası", "Revenue executed"), [L("Kod", "Code"), L("Ad", "Name"), L("Plan", "Planned"), L("Daxil olub", "Received"), L("İcra, %", "Executed, %")],
                    rev.Select(l => (IReadOnlyList<object?>)[l.Code, l.Name, M(l.AppropriationQepik), M(l.ActualQepik), Percent(l.ActualQepik, l.AppropriationQepik)]).ToList()));
                sections.Add(new(L("Xərclərin icrası", "Expenditure executed"), [L("Kod", "Code"), L("Ad", "Name"), L("Təxsisat", "Appropriation"), L("Öhdəliklər", "Committed"), L("Ödənilib", "Paid"), L("Qalıq", "Available")],
                    exp.Select(l => (IReadOnlyList<object?>)[l.Code, l.Name, M(l.AppropriationQepik), M(l.CommittedQepik), M(l.PaidQepik), M(l.AvailableQepik)]).ToList()));
                sections.Add(new(L("Yekun", "Totals"), [L("Göstərici", "Item"), L("Məbləğ", "Amount")],
                [
                    [L("Gəlirlər (plan)", "Revenue planned"), M(rev.Sum(l => l.AppropriationQepik))],
                    [L("Gəlirlər (daxil olub)", "Revenue received"), M(rev.Sum(l => l.ActualQepik))],
                    [L("Təxsisatlar", "Appropriations"), M(exp.Sum(l => l.AppropriationQepik))],
                    [L("Ödənilib", "Paid"), M(exp.Sum(l => l.PaidQepik))],
                    [L("İlin əvvəlinə sərbəst qalıq", "Opening free balance"), M(b.OpeningBalanceQepik)],
                ]));
                break;
            case BudgetReportKind.Parliament:
                // SL 52-2.1: delegated powers and money of the state budget: the earmarked lines and the state-budget revenue classes.
                sections.Add(new(L("Dövlət büdcəsindən daxilolmalar", "Money from the state budget"), [L("Kod", "Code"), L("Ad", "Name"), L("Plan", "Planned"), L("Daxil olub", "Received")],
                    rev.Where(l => l.RevenueClass is { } c && BudgetClassification.Info(c).FromStateBudget)
                        .Select(l => (IReadOnlyList<object?>)[l.Code, l.Name, M(l.AppropriationQepik), M(l.ActualQepik)]).ToList()));
                sections.Add(new(L("Həvalə edilmiş səlahiyyətlər və məqsədli vəsaitlər üzrə xərclər", "Spending on delegated powers and targeted funds"),
                    [L("Kod", "Code"), L("Ad", "Name"), L("Təyinat", "Purpose"), L("Təxsisat", "Appropriation"), L("Ödənilib", "Paid"), L("Qalıq", "Unspent")],
                    exp.Where(l => l.Funding is LineFunding.DelegatedStatePowers or LineFunding.StateTargeted)
                        .Select(l => (IReadOnlyList<object?>)[l.Code, l.Name, l.Purpose, M(l.AppropriationQepik), M(l.PaidQepik), M(l.AppropriationQepik - l.PaidQepik)]).ToList()));
                break;
            default:
                // FL 6.4: the statistics bodies get the figures by the classification, not by line.
                sections.Add(new(L("Gəlirlər siniflər üzrə", "Revenue by class"), [L("Sinif", "Class"), L("Ad", "Name"), L("Plan", "Planned"), L("Daxil olub", "Received")],
                    rev.GroupBy(l => (l.ClassCode, l.ClassName)).OrderBy(g => g.Key.ClassCode)
                        .Select(g => (IReadOnlyList<object?>)[g.Key.ClassCode, g.Key.ClassName, M(g.Sum(l => l.AppropriationQepik)), M(g.Sum(l => l.ActualQepik))]).ToList()));
                sections.Add(new(L("Xərclər istiqamətlər üzrə", "Expenditure by area"), [L("İstiqamət", "Area"), L("Ad", "Name"), L("Təxsisat", "Appropriation"), L("Ödənilib", "Paid")],
                    exp.GroupBy(l => (l.ClassCode, l.ClassName)).OrderBy(g => g.Key.ClassCode)
                        .Select(g => (IReadOnlyList<object?>)[g.Key.ClassCode, g.Key.ClassName, M(g.Sum(l => l.AppropriationQepik)), M(g.Sum(l => l.PaidQepik))]).ToList()));
                break;
        }
        var (title, article) = kind switch
        {
            BudgetReportKind.Approved => (L("Təsdiq edilmiş yerli büdcə", "Approved local budget"), "FL 10.2"),
            BudgetReportKind.Execution => (L("Yerli büdcənin icrası haqqında illik hesabat", "Annual report on the execution of the local budget"), "FL 11.3"),
            BudgetReportKind.Quarterly => (L("Yerli büdcənin rüblük icrası", "Quarterly execution of the local budget"), "FL 11.3"),
            BudgetReportKind.Parliament => (L("Milli Məclisə hesabat: həvalə edilmiş səlahiyyətlər və dövlət büdcəsi vəsaitləri", "Report to the Milli Məclis: delegated powers and state-budget funds"), "SL 52-2.1-2"),
            _ => (L("Statistika orqanları üçün məlumat", "Information for the statistics bodies"), "FL 6.4"),
        };
        return new BudgetReport(title, article, muni, b.Year, period, sections);
    }

    private static string Percent(long part, long whole) => whole == 0 ? "—" : (100m * part / whole).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);

    private static string? Cell(object? v) => v switch
    {
        null => null,
        Money m => m.Format("az"),
        _ => v.ToString(),
    };

    public static byte[] Pdf(BudgetReport r)
    {
        using var pdf = new PdfDocumentWriter($"{r.Title} — {r.Municipality} — {r.Year}", "az", footer: $"{r.Municipality} — {r.Year} — {r.Article}");
        pdf.Heading(r.Title);
        pdf.Paragraph(r.Municipality, bold: true);
        pdf.KeyValues([(L("Büdcə ili", "Budget year"), r.Year.ToString()), (L("Dövr", "Period"), r.Period), (L("Əsas", "Legal basis"), r.Article)]);
        foreach (var s in r.Sections)
        {
            pdf.Heading(s.Heading, 2);
            if (s.Rows.Count == 0) { pdf.Paragraph(L("Məlumat yoxdur", "Nothing to report")); continue; }
            var money = Enumerable.Range(0, s.Header.Length).Where(i => s.Rows.Any(x => x[i] is Money)).ToArray();
            pdf.Table(s.Header, s.Rows.Select(x => (IReadOnlyList<string?>)x.Select(Cell).ToList()), null, money);
        }
        return pdf.ToBytes();
    }

    /// <summary>XLSX: one sheet, the sections one under another, money as numbers in manat.</summary>
    public static Task XlsxAsync(HttpContext http, BudgetReport r, string file)
    {
        var width = r.Sections.Max(s => s.Header.Length);
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var s in r.Sections)
        {
            rows.Add([s.Heading]);
            rows.Add(s.Header);
            rows.AddRange(s.Rows.Select(x => (IReadOnlyList<object?>)x.Select(v => v is Money m ? (object)m.Amount : v).ToList()));
            rows.Add([]);
        }
        var header = new[] { $"{r.Title} — {r.Municipality} — {r.Period} ({r.Article})" }.Concat(Enumerable.Repeat("", width - 1)).ToArray();
        return ExportResponse.WriteAsync(http, file, r.Year.ToString(), header, rows, xlsx: true);
    }
}
