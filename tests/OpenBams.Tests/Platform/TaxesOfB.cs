using OpenBams.Lands;
using OpenBams.Law.Taxes;
using OpenBams.Taxes;
using OpenBams.Testing;

namespace OpenBams.Tests.Platform;

/// <summary>
/// One record of municipality B for every route parameter of the taxes module, with the marker in its text, so that the
/// tenancy walk can address each taxes route with B's identifiers. New taxes routes use these parameter names.
/// </summary>
internal static class TaxesOfB
{
    private static int _seeded;

    public static async Task SeedAsync(TestApp app, int b, string marker, IDictionary<string, string> values)
    {
        await app.WithDbAsync(async db =>
        {
            var today = OpenBams.Testing.TestClock.StartDay;
            // The walk seeds once per test against the same database: keep unique values unique.
            var n = Interlocked.Increment(ref _seeded);
            var unique = Guid.NewGuid().ToString("N").ToUpperInvariant();
            var now = DateTime.UtcNow;
            var taxpayer = new Taxpayer { MunicipalityId = b, Kind = TaxpayerKind.NaturalPerson, PersonalId = "MB" + unique[..5], Name = marker, Address = marker,
                RegisteredOn = today, SearchKey = marker.ToLowerInvariant() };
            var plot = new LandPlot { MunicipalityId = b, Address = marker, AreaSqm = 600, Category = LandCategory.Residential, SearchKey = marker.ToLowerInvariant() };
            var building = new Building { MunicipalityId = b, Address = marker, AreaSqm = 120, Value = 40000, SearchKey = marker.ToLowerInvariant() };
            var vehicle = new Vehicle { MunicipalityId = b, Kind = VehicleKind.WaterTransport, RegistrationNumber = "B-MARK", Description = marker, EngineCc = 1500,
                SearchKey = marker.ToLowerInvariant() };
            db.AddRange(taxpayer, plot, building, vehicle);
            await db.SaveChangesAsync();
            var holding = new ObjectHolding { MunicipalityId = b, TaxpayerId = taxpayer.Id, ObjectKind = ObjectKind.LandPlot, ObjectId = plot.Id,
                From = today.AddYears(-2), RegisteredOn = today.AddYears(-2), TitleDocument = marker };
            var decisionId = int.Parse(values["decisionId"]);
            var rate = new TaxRate { MunicipalityId = b, RateClass = RateClasses.Residential("villages"), Rate = 0.1m, ValidFrom = new DateOnly(today.Year, 1, 1).AddDays(n),
                DecisionId = decisionId, DecisionCode = marker[..10], RecordedAt = now, RecordedBy = marker };
            var relief = new TaxRelief { MunicipalityId = b, Tax = LocalTax.LandTax, Category = "mark", CategoryName = marker, Kind = ReliefKind.Exemption, Value = 100,
                ValidFrom = new DateOnly(today.Year, 1, 1), DecisionId = decisionId, DecisionCode = "1/2026", RecordedAt = now };
            var run = new AssessmentRun { MunicipalityId = b, Year = today.Year, Status = JobStatus.Completed, RequestedAt = now, RequestedBy = marker, FinishedAt = now };
            db.AddRange(holding, rate, relief, run);
            await db.SaveChangesAsync();
            var notice = new PaymentNotice { MunicipalityId = b, TaxpayerId = taxpayer.Id, Year = today.Year, Number = n, IsCurrent = true,
                Reference = PaymentReference.Create(today.Year, b, n).Value, LandQepik = 1000, TotalQepik = 1000, FirstQepik = 500, SecondQepik = 500,
                FirstDueOn = TaxCalendar.FirstInstalment(today.Year), SecondDueOn = TaxCalendar.SecondInstalment(today.Year), IssuedOn = today, RunId = run.Id,
                Fingerprint = "0000000000000000", VerificationCode = "N" + unique[..19] };
            db.Add(notice);
            await db.SaveChangesAsync();
            notice.VerificationCode = AssessmentEngine.NewCode(notice.Id);
            db.Add(new AssessmentLine { MunicipalityId = b, NoticeId = notice.Id, TaxpayerId = taxpayer.Id, Tax = LocalTax.LandTax, ObjectKind = ObjectKind.LandPlot,
                ObjectId = plot.Id, ObjectLabel = marker, WeightText = "1/1", Weight = 1, Months = 12, GrossQepik = 1000, NetQepik = 1000, Citation = "LML 18.7" });
            db.Add(new TaxCharge { MunicipalityId = b, TaxpayerId = taxpayer.Id, Tax = LocalTax.LandTax, Year = today.Year, Instalment = 1,
                DueOn = notice.FirstDueOn, AmountQepik = 500, NoticeId = notice.Id, CreatedAt = now, Note = marker });
            var import = new PaymentImport { MunicipalityId = b, FileName = marker + ".csv", FileHash = new string('0', 64), StoredPath = "/nonexistent/" + marker,
                Status = JobStatus.Completed, CreatedAt = now, CreatedBy = marker };
            db.Add(import);
            await db.SaveChangesAsync();
            db.Add(new PaymentImportIssue { ImportId = import.Id, MunicipalityId = b, Line = 2, Field = "reference", Message = marker, Raw = marker });
            var payment = new Payment { MunicipalityId = b, TaxpayerId = taxpayer.Id, AmountQepik = 500, PaidOn = today, RecordedAt = now, Channel = PaymentChannel.Bank,
                Reference = notice.Reference, PayerName = marker, ExternalId = "bank:B:" + Guid.NewGuid().ToString("N"), ImportId = import.Id };
            var certificate = new DebtCertificate { MunicipalityId = b, TaxpayerId = taxpayer.Id, RequestedAt = now, RequestedOn = today, DueOn = today.AddDays(1),
                RequestedBy = marker, Purpose = marker, Status = CertificateStatus.Issued, IssuedAt = now, IssuedBy = marker, Year = today.Year, Number = 100_000 + n, // numbers are unique per municipality and year
                VerificationCode = "C" + unique[..19], AsOf = today, PrincipalQepik = 0, InterestQepik = 0, CreditQepik = 0, Content = "{}" };
            var hotel = new Taxpayer { MunicipalityId = b, Kind = TaxpayerKind.LegalPerson, TaxId = "99" + (10_000_000 + n).ToString(), Name = marker + " MMC", RegisteredOn = today,
                MunicipallyOwned = true, SearchKey = marker.ToLowerInvariant() };
            var project = new VoluntaryProject { MunicipalityId = b, Name = marker, Purpose = marker, PollReference = marker, PollHeldOn = today, OpenedOn = today, TargetQepik = 100000 };
            db.AddRange(payment, certificate, hotel, project);
            await db.SaveChangesAsync();
            var ret = new LocalPaymentReturn { MunicipalityId = b, TaxpayerId = hotel.Id, Tax = LocalTax.HotelPayment, Year = today.Year, Month = 1, Site = marker + n,
                Quantity = 10, RateClass = RateClasses.Hotel, Rate = 1, AmountQepik = 1000, DueOn = LocalPayments.HotelDueOn(today.Year, 1), FiledOn = today, RecordedAt = now };
            var spending = new ProjectSpending { MunicipalityId = b, ProjectId = project.Id, AmountQepik = 100, SpentOn = today, Purpose = marker, Document = marker, RecordedAt = now };
            var audit = new TaxAudit { MunicipalityId = b, Kind = AuditKind.Desk, TaxpayerId = hotel.Id, Taxes = marker, PeriodFrom = today.AddYears(-1), PeriodTo = today,
                StartOn = today, Officials = marker };
            db.AddRange(ret, spending, audit);
            await db.SaveChangesAsync();
            var act = new AuditAct { MunicipalityId = b, AuditId = audit.Id, TaxpayerId = hotel.Id, Year = today.Year, Number = n, DrawnOn = today, Place = marker,
                DrawnBy = marker, PayerInfo = marker, Tax = LocalTax.HotelPayment, Circumstances = marker, Articles = "LTP 9.1.4", Proposal = marker, AmountQepik = 1000 };
            db.Add(act);
            await db.SaveChangesAsync();
            var complaint = new TaxComplaint { MunicipalityId = b, TaxpayerId = hotel.Id, ActId = act.Id, Subject = marker, LearnedOn = today, ReceivedOn = today,
                FileBy = today.AddMonths(3), ReviewDueOn = today.AddDays(30) };
            db.Add(complaint);
            await db.SaveChangesAsync();
            values["taxpayerId"] = taxpayer.Id.ToString();
            values["plotId"] = plot.Id.ToString();
            values["buildingId"] = building.Id.ToString();
            values["vehicleId"] = vehicle.Id.ToString();
            values["holdingId"] = holding.Id.ToString();
            values["rateId"] = rate.Id.ToString();
            values["reliefId"] = relief.Id.ToString();
            values["runId"] = run.Id.ToString();
            values["noticeId"] = notice.Id.ToString();
            values["importId"] = import.Id.ToString();
            values["paymentId"] = payment.Id.ToString();
            values["certificateId"] = certificate.Id.ToString();
            values["returnId"] = ret.Id.ToString();
            values["projectId"] = project.Id.ToString();
            values["auditId"] = audit.Id.ToString();
            values["actId"] = act.Id.ToString();
            values["complaintId"] = complaint.Id.ToString();
            values["code"] = notice.VerificationCode;
            values["kind"] = "plots";
            return 0;
        });
    }
}
