using OpenBams.Law.Budget;
using OpenBams.Platform;
using OpenBams.Platform.Data;
using OpenBams.Platform.Export;
using OpenBams.Platform.Http;
using OpenBams.Platform.Localization;

namespace OpenBams.Budget;

/// <summary>
/// The budget's planning side: budgets and their lines while drafting, the FL 9-10 milestones, the statutory calendar, changes of the
/// approved budget (FL 10.4, 11.1, 12), the year-end close (FL 11.2, 5.3), the FL 11.3 report, the FL 13.1 audits and the reports.
/// Readers: officials, members and national oversight; drafting: the chairman and the accountant; milestones to the council: the chairman.
/// </summary>
public static class BudgetPlanningApi
{
    private static string Url(int m, int b) => $"/api/v1/municipalities/{m}/budget/budgets/{b}";

    public static void Map(RouteGroupBuilder m)
    {
        m.MapGet("/classification", (int municipalityId, AppDb db) =>
        {
            BudgetActor.For(db, municipalityId).RequireRead();
            return Results.Ok(BudgetPlanning.Classification());
        }).WithSummary("The budget classification: revenue classes (FL 7.1), expenditure areas (FL 8.2), funding kinds (FL 8.5, 11.1; LTP 3.5)");

        m.MapGet("/budgets", async (int municipalityId, string? q, BudgetStatus? status, int? page, int? pageSize, AppDb db, CancellationToken ct) =>
        {
            BudgetActor.For(db, municipalityId).RequireRead();
            return Results.Ok(await BudgetPlanning.ListAsync(db, municipalityId, q, status, page, pageSize, ct));
        }).WithSummary("The municipality's budgets, newest year first; q = a year or words of the note");
        m.MapGet("/budgets/export.csv", (int municipalityId, string? q, BudgetStatus? status, AppDb db, HttpContext http, CancellationToken ct) =>
            ExportAsync(db, http, municipalityId, q, status, false, ct)).WithSummary("The budgets as CSV");
        m.MapGet("/budgets/export.xlsx", (int municipalityId, string? q, BudgetStatus? status, AppDb db, HttpContext http, CancellationToken ct) =>
            ExportAsync(db, http, municipalityId, q, status, true, ct)).WithSummary("The budgets as XLSX");
        m.MapPost("/budgets", async (int municipalityId, NewBudget body, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            var actor = BudgetActor.For(db, municipalityId);
            actor.RequireDrafter();
            var b = await BudgetPlanning.CreateAsync(db, municipalityId, body, actor.Name, time, ct);
            return Results.Created(Url(municipalityId, b.Id), await BudgetPlanning.ViewAsync(db, b, ct));
        }).WithSummary("Start drafting a municipality's budget for a year (FL 9.3: the drafting start is recorded; FL 4.4: one per year)");
        m.MapGet("/budgets/{budgetId:int}", async (int municipalityId, int budgetId, AppDb db, CancellationToken ct) =>
        {
            BudgetActor.For(db, municipalityId).RequireRead();
            return Results.Ok(await BudgetPlanning.ViewAsync(db, await BudgetPlanning.LoadAsync(db, municipalityId, budgetId, ct), ct));
        }).WithSummary("One budget with its status, milestone dates and totals");
        m.MapPut("/budgets/{budgetId:int}", async (int municipalityId, int budgetId, BudgetSettings body, AppDb db, CancellationToken ct) =>
        {
            BudgetActor.For(db, municipalityId).RequireDrafter();
            return Results.Ok(await BudgetPlanning.ViewAsync(db, await BudgetPlanning.SettingsAsync(db, municipalityId, budgetId, body, ct), ct));
        }).WithSummary("The budget's settings: dotation planned (fixed after submission), the FL 12 deficit limit, the note (version required)");

        m.MapGet("/budgets/{budgetId:int}/lines", async (int municipalityId, int budgetId, string? q, BudgetSide? side, int? page, int? pageSize, AppDb db, CancellationToken ct) =>
        {
            BudgetActor.For(db, municipalityId).RequireRead();
            var lines = await BudgetPlanning.LinesAsync(db, await BudgetPlanning.LoadAsync(db, municipalityId, budgetId, ct), q, null, ct);
            if (side is { } s) lines = lines.Where(l => l.Side == s).ToList();
            var (p, size, skip) = Taxes.TaxesApi.Paging(page, pageSize);
            return Results.Ok(new Taxes.PageOf<LineView>(lines.Count, p, size, lines.Skip(skip).Take(size).ToList()));
        }).WithSummary("The lines with appropriation, committed, paid, available and (revenue) received");
        m.MapGet("/budgets/{budgetId:int}/lines/export.csv", (int municipalityId, int budgetId, string? q, AppDb db, HttpContext http, CancellationToken ct) =>
            ExportLinesAsync(db, http, municipalityId, budgetId, q, false, ct)).WithSummary("The lines as CSV");
        m.MapGet("/budgets/{budgetId:int}/lines/export.xlsx", (int municipalityId, int budgetId, string? q, AppDb db, HttpContext http, CancellationToken ct) =>
            ExportLinesAsync(db, http, municipalityId, budgetId, q, true, ct)).WithSummary("The lines as XLSX");
        m.MapGet("/budgets/{budgetId:int}/lines/{lineId:int}", async (int municipalityId, int budgetId, int lineId, AppDb db, CancellationToken ct) =>
        {
            BudgetActor.For(db, municipalityId).RequireRead();
            var lines = await BudgetPlanning.LinesAsync(db, await BudgetPlanning.LoadAsync(db, municipalityId, budgetId, ct), null, null, ct);
            return Results.Ok(lines.FirstOrDefault(l => l.Id == lineId) ?? throw new NotFound("Line"));
        }).WithSummary("One line");
        m.MapPost("/budgets/{budgetId:int}/lines", async (int municipalityId, int budgetId, NewLine body, AppDb db, CancellationToken ct) =>
        {
            BudgetActor.For(db, municipalityId).RequireDrafter();
            var l = await BudgetPlanning.AddLineAsync(db, municipalityId, budgetId, body, ct);
            return Results.Created($"{Url(municipalityId, budgetId)}/lines/{l.Id}", await LineAsync(db, municipalityId, budgetId, l.Id, ct));
        }).WithSummary("Add a line while drafting: revenue by FL 7.1 class, expenditure by FL 8.2 area; earmarked money names its purpose on its own line (FL 8.5, SL 40.3)");
        m.MapPut("/budgets/{budgetId:int}/lines/{lineId:int}", async (int municipalityId, int budgetId, int lineId, LineEdit body, AppDb db, CancellationToken ct) =>
        {
            BudgetActor.For(db, municipalityId).RequireDrafter();
            await BudgetPlanning.EditLineAsync(db, municipalityId, budgetId, lineId, body, ct);
            return Results.Ok(await LineAsync(db, municipalityId, budgetId, lineId, ct));
        }).WithSummary("Edit a line while drafting (version required)");
        m.MapPut("/budgets/{budgetId:int}/lines/{lineId:int}/protected", async (int municipalityId, int budgetId, int lineId, bool value, long version, AppDb db,
            CancellationToken ct) =>
        {
            BudgetActor.For(db, municipalityId).RequireDrafter();
            await BudgetPlanning.ProtectAsync(db, municipalityId, budgetId, lineId, value, version, ct);
            return Results.Ok(await LineAsync(db, municipalityId, budgetId, lineId, ct));
        }).WithSummary("FL 12: mark a line protected from sequestration (?value=true&version=)");
        m.MapDelete("/budgets/{budgetId:int}/lines/{lineId:int}", async (int municipalityId, int budgetId, int lineId, long? version, AppDb db, CancellationToken ct) =>
        {
            BudgetActor.For(db, municipalityId).RequireDrafter();
            await BudgetPlanning.RemoveLineAsync(db, municipalityId, budgetId, lineId, version, ct);
            return Results.NoContent();
        }).WithSummary("Remove a line while drafting");

        m.MapPost("/budgets/{budgetId:int}/dotation-calculations", async (int municipalityId, int budgetId, Milestone body, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            BudgetActor.For(db, municipalityId).RequireDrafter();
            return Results.Ok(await BudgetPlanning.ViewAsync(db, await BudgetPlanning.DotationCalculationsSentAsync(db, municipalityId, budgetId, body, time, ct), ct));
        }).WithSummary("FL 9.2: the dotation calculations went to the Ministry of Finance (by 1 May)");
        m.MapPost("/budgets/{budgetId:int}/submit", async (int municipalityId, int budgetId, Milestone body, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            BudgetActor.For(db, municipalityId).RequireChairman("FL 9.3, 10.1");
            return Results.Ok(await BudgetPlanning.ViewAsync(db, await BudgetPlanning.SubmitAsync(db, municipalityId, budgetId, body, time, ct), ct));
        }).WithSummary("FL 9.3, 10.1: the chairman submits the draft to the council (by 15 October)");
        m.MapPost("/budgets/{budgetId:int}/publish", async (int municipalityId, int budgetId, Milestone body, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            BudgetActor.For(db, municipalityId).RequireChairman("FL 10.1");
            return Results.Ok(await BudgetPlanning.ViewAsync(db, await BudgetPlanning.PublishAsync(db, municipalityId, budgetId, body, time, ct), ct));
        }).WithSummary("FL 10.1: the draft published for the population (within 10 days of submission)");
        m.MapPost("/budgets/{budgetId:int}/approve", async (int municipalityId, int budgetId, Approval body, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            BudgetActor.For(db, municipalityId).RequireChairman("FL 10.2");
            return Results.Ok(await BudgetPlanning.ViewAsync(db, await BudgetPlanning.ApproveAsync(db, municipalityId, budgetId, body, time, ct), ct));
        }).WithSummary("FL 10.2, 10.3: record the approval by an adopted or signed council decision on the budget");

        m.MapGet("/budgets/{budgetId:int}/calendar", async (int municipalityId, int budgetId, AppDb db, TimeProvider time, IConfiguration config, CancellationToken ct) =>
        {
            BudgetActor.For(db, municipalityId).RequireRead();
            var b = await BudgetPlanning.LoadAsync(db, municipalityId, budgetId, ct);
            return Results.Ok(await BudgetCalendarView.ForAsync(db, b, Clock.Today(time), BudgetCalendarView.Options(config), ct));
        }).WithSummary("The statutory calendar (FL 9-13, SL 52-2, LTP-DECREE 2): due, overdue, done; the SL 19.3.5-1 flag");

        m.MapGet("/budgets/{budgetId:int}/changes", async (int municipalityId, int budgetId, BudgetChangeKind? kind, string? q, int? page, int? pageSize, AppDb db,
            CancellationToken ct) =>
        {
            BudgetActor.For(db, municipalityId).RequireRead();
            await BudgetPlanning.LoadAsync(db, municipalityId, budgetId, ct);
            return Results.Ok(await BudgetPlanning.ChangesAsync(db, municipalityId, budgetId, kind, q, page, pageSize, ct));
        }).WithSummary("Amendments, sequestrations and reallocations, newest first, with each line's delta");
        m.MapGet("/budgets/{budgetId:int}/changes/export.csv", (int municipalityId, int budgetId, AppDb db, HttpContext http, CancellationToken ct) =>
            ExportChangesAsync(db, http, municipalityId, budgetId, false, ct)).WithSummary("The changes as CSV");
        m.MapGet("/budgets/{budgetId:int}/changes/export.xlsx", (int municipalityId, int budgetId, AppDb db, HttpContext http, CancellationToken ct) =>
            ExportChangesAsync(db, http, municipalityId, budgetId, true, ct)).WithSummary("The changes as XLSX");
        m.MapGet("/budgets/{budgetId:int}/changes/{changeId:int}", async (int municipalityId, int budgetId, int changeId, AppDb db, CancellationToken ct) =>
        {
            BudgetActor.For(db, municipalityId).RequireRead();
            var rows = db.BudgetChanges.Where(c => c.Id == changeId && c.BudgetId == budgetId && c.MunicipalityId == municipalityId).ToList();
            return Results.Ok((await BudgetPlanning.ChangeViewsAsync(db, municipalityId, rows, ct)).FirstOrDefault() ?? throw new NotFound("Change"));
        }).WithSummary("One change");
        m.MapPost("/budgets/{budgetId:int}/amendments", async (int municipalityId, int budgetId, NewAmendment body, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            var actor = BudgetActor.For(db, municipalityId);
            actor.RequireDrafter();
            var c = await BudgetPlanning.AmendAsync(db, municipalityId, budgetId, body, actor.Name, time, ct);
            return Results.Created($"{Url(municipalityId, budgetId)}/changes/{c.Id}", (await BudgetPlanning.ChangeViewsAsync(db, municipalityId, [c], ct))[0]);
        }).WithSummary("FL 10.4: amend the approved budget by a council decision, per-line deltas");
        m.MapGet("/budgets/{budgetId:int}/sequestration", async (int municipalityId, int budgetId, AppDb db, CancellationToken ct) =>
        {
            BudgetActor.For(db, municipalityId).RequireRead();
            return Results.Ok((await BudgetPlanning.SequestrationPlanAsync(db, await BudgetPlanning.LoadAsync(db, municipalityId, budgetId, ct), ct)).View);
        }).WithSummary("FL 12: the deficit against its limit and the proportional cut of unprotected lines, exact to the qəpik");
        m.MapPost("/budgets/{budgetId:int}/sequestration", async (int municipalityId, int budgetId, NewSequestration body, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            var actor = BudgetActor.For(db, municipalityId);
            actor.RequireDrafter();
            var c = await BudgetPlanning.SequestrateAsync(db, municipalityId, budgetId, body, actor.Name, time, ct);
            return Results.Created($"{Url(municipalityId, budgetId)}/changes/{c.Id}", (await BudgetPlanning.ChangeViewsAsync(db, municipalityId, [c], ct))[0]);
        }).WithSummary("FL 12: apply the sequestration, only by a council decision");
        m.MapPost("/budgets/{budgetId:int}/reallocations", async (int municipalityId, int budgetId, NewReallocation body, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            var actor = BudgetActor.For(db, municipalityId);
            actor.RequireDrafter();
            var c = await BudgetPlanning.ReallocateAsync(db, municipalityId, budgetId, body, actor.Name, time, ct);
            return Results.Created($"{Url(municipalityId, budgetId)}/changes/{c.Id}", (await BudgetPlanning.ChangeViewsAsync(db, municipalityId, [c], ct))[0]);
        }).WithSummary("FL 11.1: move money between lines within the appropriation; earmarked lines refused (FL 8.5, 11.1, LTP 3.5); basis recorded");

        m.MapPost("/budgets/{budgetId:int}/close", async (int municipalityId, int budgetId, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            var actor = BudgetActor.For(db, municipalityId);
            actor.RequireDrafter();
            return Results.Ok(await BudgetPlanning.CloseAsync(db, municipalityId, budgetId, actor.Name, time, ct));
        }).WithSummary("FL 11.2, 5.3: close the year — open commitments end, the free balance and earmarked balances go to next year's budget");
        m.MapPost("/budgets/{budgetId:int}/execution-report", async (int municipalityId, int budgetId, ExecutionReportApproval body, AppDb db, TimeProvider time,
            CancellationToken ct) =>
        {
            BudgetActor.For(db, municipalityId).RequireDrafter();
            return Results.Ok(await BudgetPlanning.ViewAsync(db, await BudgetPlanning.ApproveExecutionReportAsync(db, municipalityId, budgetId, body, time, ct), ct));
        }).WithSummary("FL 11.3: the annual execution report approved by a council decision, and the day it was communicated to the population");
        m.MapPost("/budgets/{budgetId:int}/report-to-parliament", async (int municipalityId, int budgetId, ParliamentReportSent body, AppDb db, TimeProvider time,
            CancellationToken ct) =>
        {
            BudgetActor.For(db, municipalityId).RequireDrafter();
            return Results.Ok(await BudgetPlanning.ViewAsync(db, await BudgetPlanning.ReportToParliamentSentAsync(db, municipalityId, budgetId, body, time, ct), ct));
        }).WithSummary("SL 52-2.1-2: the report to the Milli Məclis on delegated powers and state-budget funds went (by 1 April of the next year)");
        m.MapPost("/budgets/{budgetId:int}/report-to-voters", async (int municipalityId, int budgetId, VoterReportGiven body, AppDb db, TimeProvider time,
            CancellationToken ct) =>
        {
            BudgetActor.For(db, municipalityId).RequireDrafter();
            return Results.Ok(await BudgetPlanning.ViewAsync(db, await BudgetPlanning.VoterReportGivenAsync(db, municipalityId, budgetId, body, time, ct), ct));
        }).WithSummary("SL 52-2.3: the report to the voters, approved at a session, was given (the Monday of January's third week)");
        m.MapPost("/budgets/{budgetId:int}/report-to-voters/sent", async (int municipalityId, int budgetId, Milestone body, AppDb db, TimeProvider time,
            CancellationToken ct) =>
        {
            BudgetActor.For(db, municipalityId).RequireDrafter();
            return Results.Ok(await BudgetPlanning.ViewAsync(db, await BudgetPlanning.VoterReportSentAsync(db, municipalityId, budgetId, body, time, ct), ct));
        }).WithSummary("SL 52-2.3: the approved report to voters went to the administrative oversight body (within 10 days of the approval)");

        // One route per report, so every route has only the known parameters (the tenancy walk fills them).
        foreach (var kind in Enum.GetValues<BudgetReportKind>())
        {
            var name = kind.ToString().ToLowerInvariant();
            m.MapGet($"/budgets/{{budgetId:int}}/reports/{name}.pdf", async (int municipalityId, int budgetId, int? quarter, AppDb db, CancellationToken ct) =>
            {
                BudgetActor.For(db, municipalityId).RequireRead();
                var b = await BudgetPlanning.LoadAsync(db, municipalityId, budgetId, ct);
                var r = await BudgetDocuments.BuildAsync(db, b, kind, quarter ?? (kind == BudgetReportKind.Quarterly ? 1 : null), ct);
                return Results.File(BudgetDocuments.Pdf(r), "application/pdf", $"budget-{name}-{municipalityId}-{b.Year}{(quarter is { } q ? "-Q" + q : "")}.pdf");
            }).WithSummary($"{r(kind)} as PDF");
            m.MapGet($"/budgets/{{budgetId:int}}/reports/{name}.xlsx", async (int municipalityId, int budgetId, int? quarter, AppDb db, HttpContext http, CancellationToken ct) =>
            {
                BudgetActor.For(db, municipalityId).RequireRead();
                var b = await BudgetPlanning.LoadAsync(db, municipalityId, budgetId, ct);
                var r = await BudgetDocuments.BuildAsync(db, b, kind, quarter ?? (kind == BudgetReportKind.Quarterly ? 1 : null), ct);
                await BudgetDocuments.XlsxAsync(http, r, $"budget-{name}-{municipalityId}-{b.Year}{(quarter is { } q ? "-Q" + q : "")}");
            }).WithSummary($"{r(kind)} as XLSX");
        }
        static string r(BudgetReportKind k) => k switch
        {
            BudgetReportKind.Approved => "The approved budget (FL 10.2)",
            BudgetReportKind.Execution => "The annual execution report (FL 11.3)",
            BudgetReportKind.Quarterly => "The quarterly execution report (?quarter=1-4)",
            BudgetReportKind.Parliament => "The report to the Milli Məclis on delegated powers and state funds (SL 52-2.1-2)",
            _ => "The information for statistics bodies (FL 6.4)",
        };

        m.MapGet("/audits", async (int municipalityId, int? year, string? q, int? page, int? pageSize, AppDb db, CancellationToken ct) =>
        {
            BudgetActor.For(db, municipalityId).RequireRead();
            return Results.Ok(await BudgetPlanning.AuditsAsync(db, municipalityId, year, q, page, pageSize, ct));
        }).WithSummary("FL 13.1: the independent audits of the budget's execution");
        m.MapGet("/audits/export.csv", (int municipalityId, int? year, string? q, AppDb db, HttpContext http, CancellationToken ct) =>
            ExportAuditsAsync(db, http, municipalityId, year, q, false, ct)).WithSummary("The FL 13.1 audits as CSV");
        m.MapGet("/audits/export.xlsx", (int municipalityId, int? year, string? q, AppDb db, HttpContext http, CancellationToken ct) =>
            ExportAuditsAsync(db, http, municipalityId, year, q, true, ct)).WithSummary("The FL 13.1 audits as XLSX");
        m.MapGet("/audits/{budgetAuditId:int}", async (int municipalityId, int budgetAuditId, AppDb db, CancellationToken ct) =>
        {
            BudgetActor.For(db, municipalityId).RequireRead();
            var a = db.BudgetAudits.FirstOrDefault(x => x.Id == budgetAuditId && x.MunicipalityId == municipalityId) ?? throw new NotFound("Audit");
            return Results.Ok(BudgetPlanning.View(a));
        }).WithSummary("One audit");
        m.MapPost("/audits", async (int municipalityId, AuditInput body, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            var actor = BudgetActor.For(db, municipalityId);
            actor.RequireDrafter();
            var a = await BudgetPlanning.AddAuditAsync(db, municipalityId, body, actor.Name, time, ct);
            return Results.Created($"/api/v1/municipalities/{municipalityId}/budget/audits/{a.Id}", BudgetPlanning.View(a));
        }).WithSummary("FL 13.1: record the engagement of independent auditors");
        m.MapPut("/audits/{budgetAuditId:int}", async (int municipalityId, int budgetAuditId, AuditInput body, AppDb db, CancellationToken ct) =>
        {
            BudgetActor.For(db, municipalityId).RequireDrafter();
            return Results.Ok(BudgetPlanning.View(await BudgetPlanning.EditAuditAsync(db, municipalityId, budgetAuditId, body, ct)));
        }).WithSummary("Edit an audit record: report day, findings (version required)");
        m.MapDelete("/audits/{budgetAuditId:int}", async (int municipalityId, int budgetAuditId, long? version, AppDb db, CancellationToken ct) =>
        {
            BudgetActor.For(db, municipalityId).RequireDrafter();
            await BudgetPlanning.RemoveAuditAsync(db, municipalityId, budgetAuditId, version, ct);
            return Results.NoContent();
        }).WithSummary("Remove an audit record entered by mistake");
    }

    private static async Task<LineView> LineAsync(AppDb db, int m, int b, int lineId, CancellationToken ct) =>
        (await BudgetPlanning.LinesAsync(db, await BudgetPlanning.LoadAsync(db, m, b, ct), null, null, ct)).First(l => l.Id == lineId);

    private static async Task ExportAsync(AppDb db, HttpContext http, int m, string? q, BudgetStatus? status, bool xlsx, CancellationToken ct)
    {
        BudgetActor.For(db, m).RequireRead();
        var page = await BudgetPlanning.ListAsync(db, m, q, status, 1, 500, ct);
        var en = Text.English;
        await ExportResponse.WriteAsync(http, $"budgets-{m}", en ? "Budgets" : "Büdcələr",
            en ? ["Year", "Status", "Submitted", "Published", "Approved", "Decision", "Planned revenue", "Appropriations", "Closed"]
               : ["İl", "Vəziyyət", "Təqdim edilib", "Dərc edilib", "Təsdiq edilib", "Qərar", "Planlaşdırılan gəlir", "Təxsisatlar", "Bağlanıb"],
            page.Items.Select(b => (IReadOnlyList<object?>)[b.Year, b.StatusName, b.SubmittedOn, b.PublishedOn, b.ApprovedOn, b.ApprovalDecision,
                b.PlannedRevenueQepik / 100m, b.AppropriationsQepik / 100m, b.ClosedOn]).ToList(), xlsx);
    }

    private static async Task ExportLinesAsync(AppDb db, HttpContext http, int m, int budgetId, string? q, bool xlsx, CancellationToken ct)
    {
        BudgetActor.For(db, m).RequireRead();
        var b = await BudgetPlanning.LoadAsync(db, m, budgetId, ct);
        var lines = await BudgetPlanning.LinesAsync(db, b, q, null, ct);
        var en = Text.English;
        await ExportResponse.WriteAsync(http, $"budget-lines-{m}-{b.Year}", en ? "Lines" : "Sətirlər",
            en ? ["Side", "Code", "Class", "Name", "Funding", "Purpose", "Protected", "Planned", "Amendments", "Reallocated in", "Reallocated out", "Appropriation", "Committed", "Paid", "Available", "Received"]
               : ["Tərəf", "Kod", "Təsnifat", "Ad", "Maliyyələşmə", "Təyinat", "Müdafiə olunur", "Plan", "Dəqiqləşdirmələr", "Daxil olan yerdəyişmə", "Çıxan yerdəyişmə", "Təxsisat", "Öhdəliklər", "Ödənilib", "Qalıq", "Daxil olub"],
            lines.Select(l => (IReadOnlyList<object?>)[l.Side == BudgetSide.Revenue ? (en ? "Revenue" : "Gəlir") : (en ? "Expenditure" : "Xərc"), l.Code, l.ClassCode, l.Name,
                l.FundingName, l.Purpose, l.Protected ? (en ? "yes" : "bəli") : "", l.PlannedQepik / 100m, l.AmendmentsQepik / 100m, l.ReallocatedInQepik / 100m,
                l.ReallocatedOutQepik / 100m, l.AppropriationQepik / 100m, l.CommittedQepik / 100m, l.PaidQepik / 100m, l.AvailableQepik / 100m, l.ActualQepik / 100m]).ToList(), xlsx);
    }

    private static async Task ExportAuditsAsync(AppDb db, HttpContext http, int m, int? year, string? q, bool xlsx, CancellationToken ct)
    {
        BudgetActor.For(db, m).RequireRead();
        var rows = new List<IReadOnlyList<object?>>();
        for (var p = 1; ; p++)
        {
            var page = await BudgetPlanning.AuditsAsync(db, m, year, q, p, 500, ct);
            rows.AddRange(page.Items.Select(a => (IReadOnlyList<object?>)[a.Year, a.Auditor, a.EngagedOn, a.ReportedOn, a.Findings]));
            if (page.Items.Count < 500) break;
        }
        var en = Text.English;
        await ExportResponse.WriteAsync(http, $"budget-audits-{m}", en ? "Audits" : "Auditlər",
            en ? ["Year", "Auditor", "Engaged", "Reported", "Findings"] : ["İl", "Auditor", "Cəlb edilib", "Hesabat", "Nəticələr"], rows, xlsx);
    }

    private static async Task ExportChangesAsync(AppDb db, HttpContext http, int m, int budgetId, bool xlsx, CancellationToken ct)
    {
        BudgetActor.For(db, m).RequireRead();
        var b = await BudgetPlanning.LoadAsync(db, m, budgetId, ct);
        var rows = new List<IReadOnlyList<object?>>();
        for (var p = 1; ; p++)
        {
            var page = await BudgetPlanning.ChangesAsync(db, m, budgetId, null, null, p, 500, ct);
            rows.AddRange(page.Items.SelectMany(c => c.Lines.Select(l => (IReadOnlyList<object?>)[c.EffectiveOn, c.KindName, c.Article, c.Decision, c.Basis, c.Reason, l.Code, l.DeltaQepik / 100m])));
            if (page.Items.Count < 500) break;
        }
        var en = Text.English;
        await ExportResponse.WriteAsync(http, $"budget-changes-{m}-{b.Year}", en ? "Changes" : "Dəyişikliklər",
            en ? ["Date", "Kind", "Article", "Decision", "Basis", "Reason", "Line", "Delta"] : ["Tarix", "Növ", "Maddə", "Qərar", "Əsas", "Səbəb", "Sətir", "Dəyişiklik"],
            rows, xlsx);
    }
}
