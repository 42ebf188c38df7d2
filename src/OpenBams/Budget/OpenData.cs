using System.Globalization;
using OpenBams.Law.Budget;

namespace OpenBams.Budget;

/// <summary>
/// The portal's open data (issue 5): per municipality and year three CSV files — budget lines, execution by month,
/// expenditures — described by a Fiscal Data Package (Frictionless Data, profile "fiscal-data-package"): each resource with
/// its table schema, and a model naming the measures (amounts in AZN) and dimensions (classification, date, payee, line).
/// Machine-readable on purpose: ISO dates, manat with a dot and two decimals, codes of the national classification.
/// </summary>
public static class OpenData
{
    public const string Lines = "budget-lines";
    public const string Execution = "execution";
    public const string Expenditures = "expenditures";

    public static string Manat(long qepik) => (qepik / 100m).ToString("0.00", CultureInfo.InvariantCulture);
    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static readonly (string Name, string Type, string Title)[] LineFields =
    [
        ("code", "string", "Line code"), ("side", "string", "revenue or expenditure"), ("class_code", "string", "FL 7.1 revenue class / FL 8.2 expenditure area"),
        ("class_name", "string", "Class name (az)"), ("name", "string", "Line name"), ("funding", "string", "General or earmarked (FL 8.5, 11.1)"),
        ("approved", "number", "Approved, AZN"), ("amendments", "number", "Amendments, AZN (FL 10.4, 12)"), ("reallocated_in", "number", "Reallocated in, AZN (FL 11.1)"),
        ("reallocated_out", "number", "Reallocated out, AZN (FL 11.1)"), ("current", "number", "Current appropriation, AZN"),
        ("committed", "number", "Open commitments, AZN"), ("paid", "number", "Paid, AZN"),
    ];

    public static readonly (string Name, string Type, string Title)[] ExecutionFields =
    [
        ("month", "yearmonth", "Month"), ("side", "string", "revenue or expenditure"), ("amount", "number", "Amount, AZN"),
    ];

    public static readonly (string Name, string Type, string Title)[] ExpenditureFields =
    [
        ("id", "integer", "Expenditure id"), ("date", "date", "Date"), ("kind", "string", "Commitment, PaymentOfCommitment or DirectPayment"),
        ("payee", "string", "Payee (\"fiziki şəxs\" for a natural person)"), ("payee_tax_id", "string", "Payee VÖEN (legal persons)"),
        ("amount", "number", "Amount, AZN"), ("purpose", "string", "Purpose"), ("line_code", "string", "Budget line"), ("document", "string", "Supporting document"),
        ("contract", "string", "Contract"), ("decision", "string", "Council decision"), ("status", "string", "Active or EndedAtYearEnd"),
    ];

    public static List<IReadOnlyList<object?>> LineRows(PortalMunicipality p) => p.Lines.Select(l => (IReadOnlyList<object?>)
    [
        l.Code, l.Side == BudgetSide.Revenue ? "revenue" : "expenditure", l.ClassCode, l.ClassNameAz, l.Name, l.Funding.ToString(), Manat(l.ApprovedQepik),
        Manat(l.AmendmentsQepik), Manat(l.ReallocatedInQepik), Manat(l.ReallocatedOutQepik), Manat(l.CurrentQepik), Manat(l.CommittedQepik), Manat(l.PaidQepik),
    ]).ToList();

    public static List<IReadOnlyList<object?>> ExecutionRows(PortalMunicipality p)
    {
        var rows = new List<IReadOnlyList<object?>>();
        for (var m = 0; m < 12; m++)
        {
            var month = $"{p.Year:D4}-{m + 1:D2}";
            rows.Add([month, "revenue", Manat(p.RevenueByMonth[m])]);
            rows.Add([month, "expenditure", Manat(p.PaidByMonth[m])]);
        }
        return rows;
    }

    public static List<IReadOnlyList<object?>> ExpenditureRows(IEnumerable<PortalExpenditure> list) => list.Select(e => (IReadOnlyList<object?>)
    [
        e.Id.ToString(CultureInfo.InvariantCulture), Iso(e.On), e.Kind.ToString(), e.Payee, e.PayeeTaxId, Manat(e.AmountQepik), e.Purpose, e.LineCode, e.Document,
        e.Contract, e.Decision, e.Status.ToString(),
    ]).ToList();

    public static string[] Header((string Name, string Type, string Title)[] fields) => fields.Select(f => f.Name).ToArray();

    private static object Resource(string name, string title, (string Name, string Type, string Title)[] fields, object? primaryKey = null) => new Dictionary<string, object?>
    {
        ["name"] = name,
        ["title"] = title,
        ["path"] = name + ".csv",
        ["profile"] = "tabular-data-resource",
        ["format"] = "csv",
        ["mediatype"] = "text/csv",
        ["encoding"] = "utf-8",
        ["schema"] = new Dictionary<string, object?>
        {
            ["fields"] = fields.Select(f => new Dictionary<string, object?>
            {
                ["name"] = f.Name, ["type"] = f.Type, ["title"] = f.Title,
                ["format"] = f.Type == "number" ? null : f.Type == "date" ? "%Y-%m-%d" : null,
                ["decimalChar"] = f.Type == "number" ? "." : null,
            }.Where(kv => kv.Value is not null).ToDictionary()).ToList(),
            ["primaryKey"] = primaryKey,
        }.Where(kv => kv.Value is not null).ToDictionary(),
    };

    private static object Measure(string source, string resource) => new Dictionary<string, object> { ["source"] = source, ["currency"] = "AZN", ["resource"] = resource };

    /// <summary>The Fiscal Data Package of one municipality-year; resource paths are relative to the package's own URL.</summary>
    public static object Package(PortalMunicipality p, string selfUrl) => new Dictionary<string, object?>
    {
        ["profile"] = "fiscal-data-package",
        ["name"] = $"openbams-{p.MunicipalityId}-{p.Year}",
        // The official name already ends in "bələdiyyəsi"; repeating the word read "X bələdiyyəsi bələdiyyəsinin".
        ["title"] = $"{p.Name}: {p.Year}-ci il büdcəsi / {p.Year} budget",
        ["description"] = "Approved budget, execution by month and every expenditure (natural-person payees shown as \"fiziki şəxs\").",
        ["countryCode"] = "AZ",
        ["granularity"] = "transactional",
        ["fiscalPeriod"] = new Dictionary<string, string> { ["start"] = $"{p.Year}-01-01", ["end"] = $"{p.Year}-12-31" },
        ["status"] = p.Status?.ToString(),
        ["homepage"] = selfUrl,
        ["licenses"] = new[] { new Dictionary<string, string> { ["name"] = "CC-BY-4.0", ["title"] = "Creative Commons Attribution 4.0", ["path"] = "https://creativecommons.org/licenses/by/4.0/" } },
        ["resources"] = new[]
        {
            Resource(Lines, "Büdcə sətirləri / Budget lines", LineFields, "code"),
            Resource(Execution, "İcra aylar üzrə / Execution by month", ExecutionFields, new[] { "month", "side" }),
            Resource(Expenditures, "Xərclər / Expenditures", ExpenditureFields, "id"),
        },
        ["model"] = new Dictionary<string, object>
        {
            ["measures"] = new Dictionary<string, object>
            {
                ["approved"] = Measure("approved", Lines),
                ["current"] = Measure("current", Lines),
                ["paid"] = Measure("paid", Lines),
                ["monthly"] = Measure("amount", Execution),
                ["expenditure"] = Measure("amount", Expenditures),
            },
            ["dimensions"] = new Dictionary<string, object>
            {
                ["classification"] = new Dictionary<string, object>
                {
                    ["dimensionType"] = "classification", ["classificationType"] = "functional",
                    ["primaryKey"] = new[] { "class_code" },
                    ["attributes"] = new Dictionary<string, object>
                    {
                        ["class_code"] = new Dictionary<string, string> { ["source"] = "class_code" },
                        ["class_name"] = new Dictionary<string, string> { ["source"] = "class_name", ["labelfor"] = "class_code" },
                    },
                },
                ["direction"] = new Dictionary<string, object>
                {
                    ["dimensionType"] = "fact", ["primaryKey"] = new[] { "side" },
                    ["attributes"] = new Dictionary<string, object> { ["side"] = new Dictionary<string, string> { ["source"] = "side" } },
                },
                ["date"] = new Dictionary<string, object>
                {
                    ["dimensionType"] = "datetime", ["primaryKey"] = new[] { "date" },
                    ["attributes"] = new Dictionary<string, object> { ["date"] = new Dictionary<string, string> { ["source"] = "date", ["resource"] = Expenditures } },
                },
                ["payee"] = new Dictionary<string, object>
                {
                    ["dimensionType"] = "entity", ["primaryKey"] = new[] { "payee" },
                    ["attributes"] = new Dictionary<string, object> { ["payee"] = new Dictionary<string, string> { ["source"] = "payee", ["resource"] = Expenditures } },
                },
            },
        },
    }.Where(kv => kv.Value is not null).ToDictionary();
}
