using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenBams.Budget;
using OpenBams.Council;
using OpenBams.Law.Budget;
using OpenBams.Law.Council;
using OpenBams.Platform.Identity;
using OpenBams.Testing;
using static OpenBams.Tests.Budget.PlanningScenario;

namespace OpenBams.Tests.Budget;

/// <summary>
/// The budget's planning side through the API on a real database: drafting and the line structure (FL 8.5, SL 40.3), the milestones as
/// state transitions (FL 10.1), approval only by an adopted budget decision (FL 10.2), amendments (FL 10.4), reallocation with earmarked
/// money refused (FL 11.1, 8.5), sequestration exact to the qəpik (FL 12), the year-end close (FL 11.2, 5.3), audits (FL 13.1), roles.
/// </summary>
public abstract class PlanningApiTests(AppFixture fixture)
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task FL_9_3_drafting_starts_with_the_budget_one_per_year_FL_4_4_and_the_classification_is_served()
    {
        var s = await CreateAsync(App);
        var b = await s.BudgetAsync(2027);
        Assert.Equal("Drafting", b.GetProperty("status").GetString());
        Assert.Equal(OpenBams.Platform.Clock.Today(App.Clock).ToString("yyyy-MM-dd"), b.GetProperty("draftingStartedOn").GetString()); // a Baku day, not the UTC one
        await Refused(await s.Post(s.Chairman, "/budgets", new { year = 2027 }), "year", "FL 4.4");
        var list = await Json(await s.Member.GetAsync($"{s.Api}/budgets?q=2027"));
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        var cls = await Json(await s.Member.GetAsync($"{s.Api}/classification"));
        Assert.Contains(cls.GetProperty("revenueClasses").EnumerateArray(), c => c.GetProperty("code").GetString() == "R-7.1.1" && c.GetProperty("article").GetString() == "FL 7.1.1");
        Assert.True(cls.GetProperty("expenditureAreas").GetArrayLength() >= 10);
        var csv = await s.Member.GetAsync($"{s.Api}/budgets/export.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Contains("2027", await csv.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task FL_8_5_an_earmarked_line_needs_its_purpose_and_the_purpose_is_not_also_on_a_general_line()
    {
        var s = await CreateAsync(App);
        var id = (await s.BudgetAsync(2027)).GetProperty("id").GetInt32();
        await Refused(await s.Post(s.Accountant, $"/budgets/{id}/lines", Spending("E-1", ExpenditureArea.Other, 100, LineFunding.DelegatedStatePowers)), "purpose", "FL 8.5");
        await s.LineAsync(id, Spending("E-1", ExpenditureArea.Other, 100, LineFunding.DelegatedStatePowers, "Hərbi qeydiyyat"));
        await Refused(await s.Post(s.Accountant, $"/budgets/{id}/lines", Spending("E-2", ExpenditureArea.Administration, 100, purpose: "Hərbi qeydiyyat")), "funding", "FL 8.5");
        await Refused(await s.Post(s.Accountant, $"/budgets/{id}/lines", Spending("e-1", ExpenditureArea.Administration, 100)), "code", "FL 4.3");
        await Refused(await s.Post(s.Accountant, $"/budgets/{id}/lines", new { side = BudgetSide.Revenue, plannedQepik = 5 }), "revenueClass", "FL 7.1");
        var rev = await s.LineAsync(id, Revenue(RevenueClass.LandTax, 50_000));
        Assert.Equal("R-7.1.1", rev.GetProperty("code").GetString());
        // Optimistic concurrency: a stale version is a 409.
        var lineId = rev.GetProperty("id").GetInt32();
        var v = rev.GetProperty("version").GetInt64();
        var edit = new { revenueClass = RevenueClass.LandTax, funding = LineFunding.General, plannedQepik = 60_000, version = v };
        Assert.Equal(60_000, (await Json(await s.Accountant.PutAsJsonAsync($"{s.Api}/budgets/{id}/lines/{lineId}", edit, Taxes.TaxJson.Options))).GetProperty("plannedQepik").GetInt64());
        Assert.Equal(HttpStatusCode.Conflict, (await s.Accountant.PutAsJsonAsync($"{s.Api}/budgets/{id}/lines/{lineId}", edit, Taxes.TaxJson.Options)).StatusCode);
    }

    [Fact]
    public async Task FL_10_1_milestones_move_in_order_and_anything_else_is_refused_with_the_article()
    {
        var s = await CreateAsync(App);
        var id = (await s.BudgetAsync(2027)).GetProperty("id").GetInt32();
        await Refused(await s.Post(s.Chairman, $"/budgets/{id}/publish", new { on = new DateOnly(2026, 10, 1), version = await s.VersionAsync(id) }), "status", "FL 10.1");
        await Refused(await s.Post(s.Chairman, $"/budgets/{id}/submit", new { on = new DateOnly(2026, 10, 1), version = await s.VersionAsync(id) }), "lines", "FL 10.1");
        await s.LineAsync(id, Spending("E-1", ExpenditureArea.Administration, 100_00));
        // The accountant prepares the draft; the chairman submits it (FL 9.3, 10.1).
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Post(s.Accountant, $"/budgets/{id}/submit", new { version = await s.VersionAsync(id) })).StatusCode);
        var sub = await Json(await s.Post(s.Chairman, $"/budgets/{id}/submit", new { on = new DateOnly(2026, 10, 15), version = await s.VersionAsync(id) }));
        Assert.Equal("Submitted", sub.GetProperty("status").GetString());
        await Refused(await s.Post(s.Accountant, $"/budgets/{id}/lines", Spending("E-2", ExpenditureArea.Culture, 1)), "budgetId", "FL 10.4");
        await Refused(await s.Post(s.Chairman, $"/budgets/{id}/submit", new { version = await s.VersionAsync(id) }), "status", "FL 10.1");
        Assert.Equal(HttpStatusCode.Conflict, (await s.Post(s.Chairman, $"/budgets/{id}/publish", new { version = 0 })).StatusCode);
        var pub = await Json(await s.Post(s.Chairman, $"/budgets/{id}/publish", new { on = new DateOnly(2026, 10, 20), version = await s.VersionAsync(id) }));
        Assert.Equal("Published", pub.GetProperty("status").GetString());
    }

    [Fact]
    public async Task FL_10_2_approval_without_an_adopted_budget_decision_is_refused_and_with_one_it_takes_effect()
    {
        var s = await CreateAsync(App);
        var id = (await s.BudgetAsync(2027)).GetProperty("id").GetInt32();
        await s.LineAsync(id, Spending("E-1", ExpenditureArea.Administration, 100_00));
        await Json(await s.Post(s.Chairman, $"/budgets/{id}/submit", new { on = new DateOnly(2026, 10, 15), version = await s.VersionAsync(id) }));
        var p = await Refused(await s.Post(s.Chairman, $"/budgets/{id}/approve", new { version = await s.VersionAsync(id) }), "decisionId", "FL 10.2");
        Assert.Contains("council decision", p.GetProperty("title").GetString());
        var taxes = await s.DecisionAsync(new DateOnly(2026, 11, 20), DecisionArea.LocalTaxesAndPayments);
        await Refused(await s.Post(s.Chairman, $"/budgets/{id}/approve", new { decisionId = taxes.Id, version = await s.VersionAsync(id) }), "decisionId", "FL 10.2");
        var revoked = await s.DecisionAsync(new DateOnly(2026, 11, 21), status: DecisionStatus.Revoked);
        await Refused(await s.Post(s.Chairman, $"/budgets/{id}/approve", new { decisionId = revoked.Id, version = await s.VersionAsync(id) }), "decisionId", "FL 10.2");
        var before = await s.DecisionAsync(new DateOnly(2026, 10, 14));
        await Refused(await s.Post(s.Chairman, $"/budgets/{id}/approve", new { decisionId = before.Id, version = await s.VersionAsync(id) }), "decisionId", "FL 10.2");
        // Another municipality's decision is not found for this one.
        var adopted = await s.DecisionAsync(new DateOnly(2026, 11, 25), status: DecisionStatus.Adopted);
        var ok = await Json(await s.Post(s.Chairman, $"/budgets/{id}/approve", new { decisionId = adopted.Id, version = await s.VersionAsync(id) }));
        Assert.Equal(("Approved", "2026-11-25", $"{adopted.Number}/{adopted.Year}"),
            (ok.GetProperty("status").GetString(), ok.GetProperty("approvedOn").GetString(), ok.GetProperty("approvalDecision").GetString()));
    }

    [Fact]
    public async Task FL_10_4_an_amendment_needs_a_decision_after_the_approval_and_writes_its_lines_in_one_change()
    {
        var s = await CreateAsync(App);
        var id = await s.ApprovedAsync(2027, null, Spending("E-1", ExpenditureArea.Administration, 100_00), Spending("E-2", ExpenditureArea.Culture, 50_00));
        var lines = (await Json(await s.Member.GetAsync($"{s.Api}/budgets/{id}/lines"))).GetProperty("items").EnumerateArray().ToList();
        var e1 = lines.Single(l => l.GetProperty("code").GetString() == "E-1").GetProperty("id").GetInt32();
        var e2 = lines.Single(l => l.GetProperty("code").GetString() == "E-2").GetProperty("id").GetInt32();
        var body = new { reason = "Dəqiqləşdirmə", lines = new[] { new { lineId = e1, deltaQepik = 25_00L }, new { lineId = e2, deltaQepik = -10_00L } } };
        await Refused(await s.Post(s.Accountant, $"/budgets/{id}/amendments", body), "decisionId", "FL 10.4");
        var early = await s.DecisionAsync(new DateOnly(2026, 12, 9));
        await Refused(await s.Post(s.Accountant, $"/budgets/{id}/amendments", new { decisionId = early.Id, body.reason, body.lines }), "decisionId", "FL 10.4");
        var d = await s.DecisionAsync(new DateOnly(2027, 2, 1));
        var c = await Json(await s.Post(s.Accountant, $"/budgets/{id}/amendments", new { decisionId = d.Id, body.reason, body.lines }), HttpStatusCode.Created);
        Assert.Equal(("Amendment", "FL 10.4", 2), (c.GetProperty("kind").GetString(), c.GetProperty("article").GetString(), c.GetProperty("lines").GetArrayLength()));
        var after = (await Json(await s.Member.GetAsync($"{s.Api}/budgets/{id}/lines"))).GetProperty("items").EnumerateArray()
            .ToDictionary(l => l.GetProperty("code").GetString()!, l => l.GetProperty("appropriationQepik").GetInt64());
        Assert.Equal((125_00L, 40_00L), (after["E-1"], after["E-2"]));
        var changes = await Json(await s.Member.GetAsync($"{s.Api}/budgets/{id}/changes"));
        Assert.Equal(1, changes.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task FL_11_1_reallocation_moves_general_money_with_its_basis_and_refuses_earmarked_lines_citing_FL_8_5()
    {
        var s = await CreateAsync(App);
        var id = await s.ApprovedAsync(2027, null, Spending("E-1", ExpenditureArea.Administration, 100_00), Spending("E-2", ExpenditureArea.Culture, 50_00),
            Spending("E-3", ExpenditureArea.Other, 70_00, LineFunding.DelegatedStatePowers, "Hərbi qeydiyyat"),
            Spending("E-4", ExpenditureArea.Other, 70_00, LineFunding.StateTargeted, "Subvensiya: yol"));
        var ids = (await Json(await s.Member.GetAsync($"{s.Api}/budgets/{id}/lines"))).GetProperty("items").EnumerateArray()
            .ToDictionary(l => l.GetProperty("code").GetString()!, l => l.GetProperty("id").GetInt32());
        await Refused(await s.Post(s.Accountant, $"/budgets/{id}/reallocations", new { fromLineId = ids["E-3"], toLineId = ids["E-1"], amountQepik = 1, basis = "Sərəncam 1", reason = "x" }), "fromLine", "FL 8.5");
        await Refused(await s.Post(s.Accountant, $"/budgets/{id}/reallocations", new { fromLineId = ids["E-1"], toLineId = ids["E-4"], amountQepik = 1, basis = "Sərəncam 1", reason = "x" }), "toLine", "FL 11.1");
        await Refused(await s.Post(s.Accountant, $"/budgets/{id}/reallocations", new { fromLineId = ids["E-2"], toLineId = ids["E-1"], amountQepik = 50_01, basis = "Sərəncam 1", reason = "x" }), "amount", "FL 11.1");
        var noBasis = await s.Post(s.Accountant, $"/budgets/{id}/reallocations", new { fromLineId = ids["E-2"], toLineId = ids["E-1"], amountQepik = 50_00, reason = "x" });
        Assert.Equal("basis", (await noBasis.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        var c = await Json(await s.Post(s.Accountant, $"/budgets/{id}/reallocations", new { fromLineId = ids["E-2"], toLineId = ids["E-1"], amountQepik = 50_00, basis = "Sədrin sərəncamı № 4", reason = "Təmir" }), HttpStatusCode.Created);
        Assert.Equal("Sədrin sərəncamı № 4", c.GetProperty("basis").GetString());
        var rows = await App.WithDbAsync(db => db.BudgetLines.Where(l => l.BudgetId == id).ToDictionaryAsync(l => l.Code));
        Assert.Equal((50_00L, 50_00L), (rows["E-1"].ReallocatedInQepik, rows["E-2"].ReallocatedOutQepik));
        Assert.Equal(2, await App.WithDbAsync(db => db.BudgetChangeLines.CountAsync(l => l.ChangeId == c.GetProperty("id").GetInt32())));
    }

    [Fact]
    public async Task The_register_of_changes_exports_every_change_not_just_the_first_page()
    {
        var s = await CreateAsync(App);
        var id = await s.ApprovedAsync(2027, null, Spending("E-1", ExpenditureArea.Administration, 100_00), Spending("E-2", ExpenditureArea.Culture, 50_00));
        var lines = await App.WithDbAsync(db => db.BudgetLines.Where(l => l.BudgetId == id).ToDictionaryAsync(l => l.Code, l => l.Id));
        // More than one export page (500) of reallocations, written directly: the export is what is under test.
        await App.WithDbAsync(async db =>
        {
            for (var i = 0; i < 501; i++)
            {
                var c = new BudgetChange { MunicipalityId = s.MunicipalityId, BudgetId = id, Kind = BudgetChangeKind.Reallocation, Basis = $"Sərəncam {i}",
                    EffectiveOn = new DateOnly(2027, 2, 1).AddDays(i % 300), Reason = "Təmir", CreatedAt = DateTime.UtcNow, CreatedBy = "test" };
                db.BudgetChanges.Add(c);
                await db.SaveChangesAsync();
                db.BudgetChangeLines.Add(new BudgetChangeLine { MunicipalityId = s.MunicipalityId, ChangeId = c.Id, LineId = lines["E-2"], DeltaQepik = -1 });
                db.BudgetChangeLines.Add(new BudgetChangeLine { MunicipalityId = s.MunicipalityId, ChangeId = c.Id, LineId = lines["E-1"], DeltaQepik = 1 });
            }
            await db.SaveChangesAsync();
            return 0;
        });
        var csv = Registry.RegistryHttp.ParseCsv(await s.Member.GetStringAsync($"{s.Api}/budgets/{id}/changes/export.csv?lang=en"));
        // The approval itself is a change too; every change exports one row per line it moved.
        var bases = csv.Skip(1).Select(r => r[4]).Where(b => b.StartsWith("Sərəncam ")).ToList();
        Assert.Equal(1002, bases.Count);
        Assert.Equal(501, bases.Distinct().Count());
    }

    [Fact]
    public async Task FL_12_sequestration_is_due_only_above_the_limit_cuts_unprotected_lines_exactly_and_needs_a_decision()
    {
        var s = await CreateAsync(App);
        // Revenue 400.00, appropriations 600.00 (C protected): uncovered 200.00; limit 100.00 → excess 100.00 over A (100) and B (200).
        var id = await s.ApprovedAsync(2027, 100_00, Revenue(RevenueClass.LandTax, 400_00), Spending("A", ExpenditureArea.Administration, 100_00),
            Spending("B", ExpenditureArea.Culture, 200_00), Spending("C", ExpenditureArea.Sports, 300_00, isProtected: true));
        var plan = await Json(await s.Member.GetAsync($"{s.Api}/budgets/{id}/sequestration"));
        Assert.True(plan.GetProperty("required").GetBoolean());
        Assert.Equal(100_00, plan.GetProperty("excessQepik").GetInt64());
        var cuts = plan.GetProperty("cuts").EnumerateArray().ToDictionary(c => c.GetProperty("code").GetString()!, c => c.GetProperty("cutQepik").GetInt64());
        Assert.Equal((33_33L, 66_67L, 100_00L), (cuts["A"], cuts["B"], cuts.Values.Sum()));
        Assert.False(cuts.ContainsKey("C"));
        await Refused(await s.Post(s.Accountant, $"/budgets/{id}/sequestration", new { reason = "x" }), "decisionId", "FL 12");
        var d = await s.DecisionAsync(new DateOnly(2027, 3, 1));
        await Json(await s.Post(s.Accountant, $"/budgets/{id}/sequestration", new { decisionId = d.Id, reason = "Gəlir azaldı" }), HttpStatusCode.Created);
        var rows = await App.WithDbAsync(db => db.BudgetLines.Where(l => l.BudgetId == id).ToDictionaryAsync(l => l.Code));
        Assert.Equal((-33_33L, -66_67L, 0L), (rows["A"].AmendmentsQepik, rows["B"].AmendmentsQepik, rows["C"].AmendmentsQepik));
        // Now the deficit equals the limit exactly: no further sequestration.
        var again = await Json(await s.Member.GetAsync($"{s.Api}/budgets/{id}/sequestration"));
        Assert.False(again.GetProperty("required").GetBoolean());
        await Refused(await s.Post(s.Accountant, $"/budgets/{id}/sequestration", new { decisionId = d.Id, reason = "x" }), "deficitLimitQepik", "FL 12");
    }

    [Fact]
    public async Task FL_11_2_the_year_closes_only_after_31_December_ends_open_commitments_and_carries_balances_FL_5_3()
    {
        var s = await CreateAsync(App);
        var open = await s.ApprovedAsync(2026, null, Spending("X", ExpenditureArea.Administration, 1_00));
        App.Clock.SetToday(new DateOnly(2026, 12, 31)); // the year's last day is still the year
        try { await Refused(await s.Post(s.Chairman, $"/budgets/{open}/close", new { }), "budgetId", "FL 11.2"); }
        finally { App.Clock.Reset(); }
        var id = await s.ApprovedAsync(2025, null, Spending("E-1", ExpenditureArea.Administration, 100_00),
            Spending("E-3", ExpenditureArea.Other, 70_00, LineFunding.DelegatedStatePowers, "Hərbi qeydiyyat"));
        await App.WithDbAsync(async db =>
        {
            var budget = await db.Budgets.SingleAsync(b => b.Id == id);
            budget.OpeningBalanceQepik = 10_00;
            var lines = await db.BudgetLines.Where(l => l.BudgetId == id).ToDictionaryAsync(l => l.Code);
            db.RevenueEntries.Add(new RevenueEntry { MunicipalityId = s.MunicipalityId, Year = 2025, RevenueClass = RevenueClass.GrantsAndAid, AmountQepik = 80_00,
                ReceivedOn = new DateOnly(2025, 3, 1), Payer = "Donor", Document = "1", CreatedAt = DateTime.UtcNow, CreatedBy = "t" });
            var commitment = new Expenditure { MunicipalityId = s.MunicipalityId, BudgetId = id, LineId = lines["E-1"].Id, Kind = ExpenditureKind.Commitment,
                AmountQepik = 60_00, On = new DateOnly(2025, 4, 1), Payee = "MMC", Purpose = "Təmir", Document = "müqavilə 1", CreatedAt = DateTime.UtcNow, CreatedBy = "t" };
            db.Expenditures.Add(commitment);
            await db.SaveChangesAsync();
            db.Expenditures.Add(new Expenditure { MunicipalityId = s.MunicipalityId, BudgetId = id, LineId = lines["E-1"].Id, Kind = ExpenditureKind.PaymentOfCommitment,
                CommitmentId = commitment.Id, AmountQepik = 40_00, On = new DateOnly(2025, 5, 1), Payee = "MMC", Purpose = "Təmir", Document = "akt 1", CreatedAt = DateTime.UtcNow, CreatedBy = "t" });
            db.Expenditures.Add(new Expenditure { MunicipalityId = s.MunicipalityId, BudgetId = id, LineId = lines["E-3"].Id, Kind = ExpenditureKind.DirectPayment,
                AmountQepik = 20_00, On = new DateOnly(2025, 5, 1), Payee = "İdarə", Purpose = "Qeydiyyat", Document = "akt 2", CreatedAt = DateTime.UtcNow, CreatedBy = "t" });
            return await db.SaveChangesAsync();
        });
        var close = await Json(await s.Post(s.Accountant, $"/budgets/{id}/close", new { }));
        // Free: 10 opening + 80 received − 40 paid = 50; the commitment's unpaid 20 ends; the delegated powers' unspent 50 is carried, still earmarked.
        Assert.Equal((20_00L, 50_00L), (close.GetProperty("endedCommitmentsQepik").GetInt64(), close.GetProperty("freeBalanceQepik").GetInt64()));
        var carried = close.GetProperty("earmarked").EnumerateArray().Single();
        Assert.Equal((50_00L, "CarryForwardEarmarked"), (carried.GetProperty("balanceQepik").GetInt64(), carried.GetProperty("treatment").GetString()));
        var next = await App.WithDbAsync(db => db.Budgets.SingleAsync(b => b.MunicipalityId == s.MunicipalityId && b.Year == 2026));
        Assert.Equal(50_00L, next.OpeningBalanceQepik);
        var cf = await App.WithDbAsync(db => db.BudgetLines.SingleAsync(l => l.BudgetId == next.Id && l.Code.StartsWith("CF2025")));
        Assert.Equal((LineFunding.DelegatedStatePowers, "Hərbi qeydiyyat", 50_00L), (cf.Funding, cf.Purpose, cf.PlannedQepik));
        Assert.Equal(ExpenditureStatus.EndedAtYearEnd, await App.WithDbAsync(db => db.Expenditures.Where(e => e.BudgetId == id && e.Kind == ExpenditureKind.Commitment).Select(e => e.Status).SingleAsync()));
        // Committed now counts only the paid part of the ended commitment.
        var e1 = (await Json(await s.Member.GetAsync($"{s.Api}/budgets/{id}/lines?q=E-1"))).GetProperty("items")[0];
        Assert.Equal((40_00L, 40_00L), (e1.GetProperty("committedQepik").GetInt64(), e1.GetProperty("paidQepik").GetInt64()));
        await Refused(await s.Post(s.Accountant, $"/budgets/{id}/close", new { }), "status", "FL 11.2");

        // FL 11.3: the annual report by a decision, then published.
        await Refused(await s.Post(s.Accountant, $"/budgets/{id}/execution-report", new { }), "decisionId", "FL 11.3");
        var d = await s.DecisionAsync(new DateOnly(2026, 3, 1));
        var r = await Json(await s.Post(s.Accountant, $"/budgets/{id}/execution-report", new { decisionId = d.Id, publishedOn = new DateOnly(2026, 3, 5) }));
        Assert.Equal("2026-03-05", r.GetProperty("executionReportPublishedOn").GetString());
    }

    [Fact]
    public async Task FL_13_1_audits_are_recorded_edited_and_listed()
    {
        var s = await CreateAsync(App);
        var a = await Json(await s.Post(s.Accountant, "/audits", new { year = 2026, auditor = "Audit MMC", engagedOn = new DateOnly(2026, 11, 1) }), HttpStatusCode.Created);
        var id = a.GetProperty("id").GetInt32();
        var put = await s.Accountant.PutAsJsonAsync($"{s.Api}/audits/{id}", new { year = 2026, auditor = "Audit MMC", engagedOn = new DateOnly(2026, 11, 1),
            reportedOn = new DateOnly(2026, 11, 30), findings = "Qüsur yoxdur", version = a.GetProperty("version").GetInt64() }, Taxes.TaxJson.Options);
        Assert.Equal("Qüsur yoxdur", (await Json(put)).GetProperty("findings").GetString());
        Assert.Equal(1, (await Json(await s.Member.GetAsync($"{s.Api}/audits?year=2026"))).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Post(s.Member, "/audits", new { year = 2026, auditor = "X", engagedOn = new DateOnly(2026, 11, 1) })).StatusCode);
    }

    [Fact]
    public async Task Roles_a_resident_and_a_tax_officer_cannot_draft_a_member_reads_but_cannot_change()
    {
        var s = await CreateAsync(App);
        var resident = await s.UserAsync(Role.Resident);
        var officer = await s.UserAsync(Role.TaxOfficer);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Post(resident, "/budgets", new { year = 2027 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync($"{s.Api}/budgets")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Post(officer, "/budgets", new { year = 2027 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Post(s.Member, "/budgets", new { year = 2027 })).StatusCode);
        var id = (await s.BudgetAsync(2027)).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await s.Member.GetAsync($"{s.Api}/budgets/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await s.Member.GetAsync($"{s.Api}/budgets/{id}/calendar")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Post(s.Member, $"/budgets/{id}/lines", Spending("E", ExpenditureArea.Other, 1))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Post(officer, $"/budgets/{id}/lines", Spending("E", ExpenditureArea.Other, 1))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync($"{s.Api}/budgets/{id}/reports/approved.pdf")).StatusCode);
        Assert.Empty(await App.WithDbAsync(db => db.BudgetLines.Where(l => l.BudgetId == id).ToListAsync()));
    }
}

public sealed class PlanningApiTests_Sqlite(SqliteFixture f) : PlanningApiTests(f), IClassFixture<SqliteFixture>;
public sealed class PlanningApiTests_Postgres(PostgresFixture f) : PlanningApiTests(f), IClassFixture<PostgresFixture>;
