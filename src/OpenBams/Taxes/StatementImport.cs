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
using OpenBams.Platform.Tenancy;

namespace OpenBams.Taxes;

/// <summary>How an import runs; tests and the benchmark change the batch size and hook into the batches.</summary>
public sealed class ImportOptions
{
    public int BatchSize { get; init; } = StatementImport.DefaultBatchSize;
    /// <summary>Called after each committed batch of bookings with its number (1, 2, …); a test throws here to simulate a crash.</summary>
    public Func<int, Task>? AfterBatch { get; init; }
    /// <summary>Called after each checked batch of the first pass (1, 2, …).</summary>
    public Func<int, Task>? AfterCheckBatch { get; init; }
}

/// <summary>
/// A bank statement import (SL 43.1: local taxes are paid through banks, the post and non-cash means). Two passes over the
/// stored file, streamed so memory stays flat: (1) every line is checked — format, currency, channel, reference, repeats in
/// the file, lines booked before — and each problem recorded with its line, field and article; the valid lines are staged
/// in a binary file next to the statement; (2) unless an error stops it (and "apply valid lines" was not chosen) or it is a
/// dry run, the staged lines are booked in batches, each batch one transaction with its payments (bulk-written, ids
/// reserved), the settlement of its taxpayers' accounts and the import's cursor. A crash loses nothing (a batch is all or
/// nothing; the cursor says where to go on) and the unique <see cref="Payment.ExternalId"/> makes a line count once, across
/// files and re-imports.
/// </summary>
public static class StatementImport
{
    public const int DefaultBatchSize = 20_000;
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    /// <summary>A statement larger than this is refused (1 GB is about 9 million lines).</summary>
    public const long MaxBytes = 1L << 30;

    private static readonly LegalReference CashRule = new(Acts.SL, "43.1");
    private static readonly LegalReference ProjectRule = new(Acts.LTP, "3.5");

    public static readonly BulkTable PaymentTable = new("Payments",
        ("Id", BulkType.Long), ("MunicipalityId", BulkType.Int), ("TaxpayerId", BulkType.Int), ("ProjectId", BulkType.Int), ("AmountQepik", BulkType.Long),
        ("PaidOn", BulkType.Date), ("RecordedAt", BulkType.TimestampUtc), ("Channel", BulkType.Int), ("Reference", BulkType.Text), ("PayerName", BulkType.Text),
        ("Bank", BulkType.Text), ("ExternalId", BulkType.Text), ("ImportId", BulkType.Int), ("Status", BulkType.Int), ("RecordedBy", BulkType.Text),
        ("PayerId", BulkType.Text));

    private static readonly BulkTable IssueTable = new("PaymentImportIssues",
        ("ImportId", BulkType.Int), ("MunicipalityId", BulkType.Int), ("Line", BulkType.Int), ("Kind", BulkType.Int), ("Field", BulkType.Text),
        ("Message", BulkType.Text), ("Rule", BulkType.Text), ("Raw", BulkType.Text));

    /// <summary>A statement stored under the data directory, with its SHA-256.</summary>
    public sealed record StoredFile(string Path, string Hash, long Size);

    /// <summary>Stores an uploaded statement under the data directory (DataDirectory/imports), hashing it on the way.</summary>
    public static async Task<StoredFile> StoreAsync(DatabaseSettings settings, Stream content, TimeProvider time, CancellationToken ct)
    {
        var dir = Path.Combine(settings.DataDirectory, "imports");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, $"{Clock.UtcNow(time):yyyyMMddHHmmss}-{Guid.NewGuid():N}.csv");
        long size = 0;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                var buffer = new byte[1 << 16];
                int n;
                while ((n = await content.ReadAsync(buffer, ct)) > 0)
                {
                    size += n;
                    if (size > MaxBytes)
                        throw new InputError("file", new Text("Fayl 1 GB-dan böyükdür; çıxarışı hissələrə bölün", "The file is larger than 1 GB; split the statement"),
                            StatusCodes.Status413PayloadTooLarge);
                    hash.AppendData(buffer, 0, n);
                    await file.WriteAsync(buffer.AsMemory(0, n), ct);
                }
            }
            if (size == 0) throw new InputError("file", new Text("Fayl boşdur", "The file is empty"));
        }
        catch
        {
            File.Delete(path);
            throw;
        }
        return new StoredFile(path, Convert.ToHexStringLower(hash.GetHashAndReset()), size);
    }

    /// <summary>Queues the import of a stored statement (202 for the API; the job wakes on <c>JobSignal</c>).</summary>
    /// <param name="holdForCaller">Create it already claimed (Running, leased) so that the caller runs it with <see cref="RunAsync"/> and the background job leaves it alone.</param>
    public static async Task<PaymentImport> CreateAsync(AppDb db, StoredFile file, string? fileName, int? municipalityId, bool applyValidLines, bool dryRun,
        string createdBy, TimeProvider time, CancellationToken ct, bool holdForCaller = false)
    {
        var now = Clock.UtcNow(time);
        var name = Path.GetFileName(string.IsNullOrWhiteSpace(fileName) ? "statement.csv" : fileName.Trim());
        if (name.Length == 0) name = "statement.csv";
        var import = new PaymentImport
        {
            MunicipalityId = municipalityId, FileName = name.Length > 200 ? name[..200] : name, FileHash = file.Hash, StoredPath = file.Path,
            ApplyValidLines = applyValidLines, DryRun = dryRun, CreatedAt = now, CreatedBy = createdBy,
            Status = holdForCaller ? JobStatus.Running : JobStatus.Queued, LeaseUntil = holdForCaller ? now + Lease : null,
        };
        db.PaymentImports.Add(import);
        try { await db.SaveChangesAsync(ct); }
        catch { File.Delete(file.Path); throw; }
        return import;
    }

    /// <summary>Stores and queues in one call (the benchmark and tests).</summary>
    public static async Task<PaymentImport> CreateAsync(AppDb db, DatabaseSettings settings, Stream content, string? fileName, int? municipalityId,
        bool applyValidLines, bool dryRun, string createdBy, TimeProvider time, CancellationToken ct, bool holdForCaller = false) =>
        await CreateAsync(db, await StoreAsync(settings, content, time, ct), fileName, municipalityId, applyValidLines, dryRun, createdBy, time, ct, holdForCaller);

    /// <summary>
    /// Imports a statement file to its end in the caller's task, without HTTP and without the background job (the benchmark,
    /// scripts): stores a copy under the data directory, creates the import already claimed, runs both passes and returns
    /// the finished import row. <paramref name="municipalityId"/> null is a national statement.
    /// </summary>
    public static async Task<PaymentImport> ImportFileAsync(IServiceProvider services, string path, int? municipalityId, bool applyValidLines,
        string createdBy, CancellationToken ct, ImportOptions? options = null)
    {
        var time = services.GetRequiredService<TimeProvider>();
        int id;
        using (var scope = services.CreateScope())
        {
            await using var content = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
            id = (await CreateAsync(System(scope), services.GetRequiredService<DatabaseSettings>(), content, Path.GetFileName(path), municipalityId, applyValidLines,
                dryRun: false, createdBy, time, ct, holdForCaller: true)).Id;
        }
        await RunAsync(services, id, ct, options);
        using (var scope = services.CreateScope())
            return await System(scope).PaymentImports.AsNoTracking().FirstAsync(i => i.Id == id, ct);
    }

    private static AppDb System(IServiceScope scope)
    {
        scope.ServiceProvider.GetRequiredService<TenantAccessor>().Use(TenantContext.System);
        return scope.ServiceProvider.GetRequiredService<AppDb>();
    }

    /// <summary>
    /// Runs (or resumes) an import to its end in the caller's task: validation unless it finished before, then booking after
    /// the cursor. The background job calls this after claiming the import; the benchmark and tests call it directly.
    /// </summary>
    public static async Task RunAsync(IServiceProvider services, int importId, CancellationToken ct, ImportOptions? options = null)
    {
        var o = options ?? new ImportOptions();
        var time = services.GetRequiredService<TimeProvider>();
        PaymentImport import;
        using (var scope = services.CreateScope())
            import = await System(scope).PaymentImports.AsNoTracking().FirstAsync(i => i.Id == importId, ct);
        if (import.Status is JobStatus.Completed or JobStatus.Failed or JobStatus.Cancelled) return;
        var staged = import.StoredPath + ".staged";
        if (import.ValidatedAt is null || !File.Exists(staged))
        {
            if (!await ValidateAsync(services, importId, staged, o, time, ct)) return;
            using var scope = services.CreateScope();
            import = await System(scope).PaymentImports.AsNoTracking().FirstAsync(i => i.Id == importId, ct);
        }
        var apply = !import.DryRun && (import.ErrorLines == 0 || import.ApplyValidLines) && import.ValidLines > 0;
        if (apply && !await ApplyAsync(services, importId, staged, o, time, ct)) return;

        using (var scope = services.CreateScope())
        {
            var db = System(scope);
            var row = await db.PaymentImports.FirstAsync(i => i.Id == importId, ct);
            if (row.Status != JobStatus.Running) return;
            row.Status = JobStatus.Completed;
            row.FinishedAt = Clock.UtcNow(time);
            row.LeaseUntil = null;
            db.SuppressAudit = true;
            db.AuditLog.Add(Audit(row, row.MunicipalityId, row.FinishedAt.Value, "update", new
            {
                status = "Completed", lines = row.Lines, valid = row.ValidLines, errors = row.ErrorLines, duplicates = row.DuplicateLines,
                applied = row.AppliedLines, appliedAmount = Money.FromQepik(row.AppliedQepik).ToString(), dryRun = row.DryRun,
            }, apply ? "SL 43.1 bank statement booked" : "SL 43.1 bank statement checked, nothing booked"));
            await db.SaveChangesAsync(ct);
        }
        File.Delete(staged);
    }

    /// <summary>Marks an import failed with the reason (the job calls this when a run throws).</summary>
    public static async Task FailAsync(IServiceProvider services, int importId, string error, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = System(scope);
        var row = await db.PaymentImports.FirstAsync(i => i.Id == importId, ct);
        row.Status = JobStatus.Failed;
        row.Error = error.Length > 2000 ? error[..2000] : error;
        row.FinishedAt = Clock.UtcNow(services.GetRequiredService<TimeProvider>());
        row.LeaseUntil = null;
        await db.SaveChangesAsync(ct);
    }

    private static AuditEntry Audit(PaymentImport import, int? municipalityId, DateTime at, string action, object after, string reason) => new()
    {
        At = at, UserName = import.CreatedBy, MunicipalityId = municipalityId, Entity = nameof(PaymentImport), EntityId = import.Id.ToString(CultureInfo.InvariantCulture),
        Action = action, After = JsonSerializer.Serialize(after), Reason = reason,
    };

    // ---------------------------------------------------------------- pass 1: validation

    /// <summary>A line that passed every check, as staged for booking.</summary>
    private readonly record struct Staged(int Line, int MunicipalityId, int TaxpayerId, int ProjectId, long AmountQepik, DateOnly PaidOn, PaymentChannel Channel,
        string Bank, string LineId, string Reference, string? PayerId, string? PayerName)
    {
        public void Write(BinaryWriter w)
        {
            w.Write(Line); w.Write(MunicipalityId); w.Write(TaxpayerId); w.Write(ProjectId); w.Write(AmountQepik); w.Write(PaidOn.DayNumber); w.Write((byte)Channel);
            w.Write(Bank); w.Write(LineId); w.Write(Reference); w.Write(PayerId ?? ""); w.Write(PayerName ?? "");
        }

        public static Staged Read(BinaryReader r)
        {
            var line = r.ReadInt32(); var m = r.ReadInt32(); var t = r.ReadInt32(); var p = r.ReadInt32(); var a = r.ReadInt64();
            var d = DateOnly.FromDayNumber(r.ReadInt32()); var c = (PaymentChannel)r.ReadByte();
            var bank = r.ReadString(); var id = r.ReadString(); var reference = r.ReadString(); var payer = r.ReadString(); var name = r.ReadString();
            return new Staged(line, m, t, p, a, d, c, bank, id, reference, payer.Length == 0 ? null : payer, name.Length == 0 ? null : name);
        }

        public string ExternalId => StatementFormat.ExternalId(Bank, LineId);
    }

    /// <summary>One line being checked: what it says so far and what is wrong with it.</summary>
    private sealed class Candidate
    {
        public int Line;
        public required string Raw;
        public string Bank = "", LineId = "";
        public DateOnly PaidOn;
        public long AmountQepik;
        public PaymentChannel Channel;
        public StatementFormat.Target Target;
        public string? PayerId, PayerName;
        public List<(string Field, Text Message, string? Rule)>? Errors;
        public (long PaymentId, int? ImportId)? BookedBefore;
        public int MunicipalityId, TaxpayerId, ProjectId;

        public bool Ok => Errors is null;
        public void Error(string field, Text message, string? rule = null) => (Errors ??= []).Add((field, message, rule));
    }

    private sealed class Validation
    {
        public required PaymentImport Import;
        public required StatementFormat.Header Header;
        public required BinaryWriter Staged;
        public required DateOnly Today;
        public readonly Dictionary<ulong, int> Seen = [];
        public readonly List<string> Fields = new(12);
        public int Lines, Valid, Errors, Duplicates;
    }

    private static async Task<bool> ValidateAsync(IServiceProvider services, int importId, string stagedPath, ImportOptions o, TimeProvider time, CancellationToken ct)
    {
        PaymentImport import;
        using (var scope = services.CreateScope())
        {
            // A validation that was interrupted starts again from the first line: its issues are dropped, its counters reset.
            var db = System(scope);
            db.SuppressAudit = true;
            await db.PaymentImportIssues.Where(i => i.ImportId == importId).ExecuteDeleteAsync(ct);
            import = await db.PaymentImports.FirstAsync(i => i.Id == importId, ct);
            import.Lines = CountLines(import.StoredPath);
            import.LinesRead = import.ValidLines = import.ErrorLines = import.DuplicateLines = 0;
            import.ValidatedAt = null;
            import.LeaseUntil = Clock.UtcNow(time) + Lease;
            await db.SaveChangesAsync(ct);
        }

        using var reader = new StreamReader(import.StoredPath, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var headerLine = await reader.ReadLineAsync(ct) ?? "";
        var (header, missing) = StatementFormat.ReadHeader(headerLine);
        if (header is null)
        {
            var text = new Text($"Başlıq sətrində sütunlar yoxdur: {string.Join(", ", missing)} (docs/payments.md)",
                $"The header row lacks the columns: {string.Join(", ", missing)} (docs/payments.md)");
            using var scope = services.CreateScope();
            var db = System(scope);
            db.PaymentImportIssues.Add(new PaymentImportIssue { ImportId = importId, MunicipalityId = import.MunicipalityId, Line = 1, Kind = ImportIssueKind.Error,
                Field = "header", Message = StatementFormat.Pack(text), Raw = Trim(headerLine, 1000) });
            var row = await db.PaymentImports.FirstAsync(i => i.Id == importId, ct);
            (row.Status, row.Error, row.FinishedAt, row.LeaseUntil, row.ErrorLines) = (JobStatus.Failed, text.En, Clock.UtcNow(time), null, 1);
            db.SuppressAudit = true;
            await db.SaveChangesAsync(ct);
            return false;
        }

        await using (var stagedFile = new FileStream(stagedPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        using (var staged = new BinaryWriter(stagedFile, Encoding.UTF8, leaveOpen: true))
        {
            var v = new Validation { Import = import, Header = header, Staged = staged, Today = Clock.Today(time) };
            var batch = new List<Candidate>(Math.Min(o.BatchSize, 100_000));
            var lineNo = 1;
            var checkedBatches = 0;
            string? line;
            while ((line = await reader.ReadLineAsync(ct)) is not null)
            {
                lineNo++;
                if (line.Length == 0 || string.IsNullOrWhiteSpace(line)) continue;
                batch.Add(Parse(v, lineNo, line));
                if (batch.Count >= o.BatchSize)
                {
                    await CheckBatchAsync(services, v, batch, time, ct);
                    batch.Clear();
                    if (o.AfterCheckBatch is not null) await o.AfterCheckBatch(++checkedBatches);
                }
            }
            if (batch.Count > 0) await CheckBatchAsync(services, v, batch, time, ct);
            staged.Flush();
            stagedFile.Flush(flushToDisk: true);

            using var scope = services.CreateScope();
            var db = System(scope);
            db.SuppressAudit = true;
            var row = await db.PaymentImports.FirstAsync(i => i.Id == importId, ct);
            if (row.Status != JobStatus.Running) return false;
            (row.Lines, row.LinesRead, row.ValidLines, row.ErrorLines, row.DuplicateLines) = (v.Lines, v.Lines, v.Valid, v.Errors, v.Duplicates);
            row.ValidatedAt = Clock.UtcNow(time);
            row.LeaseUntil = row.ValidatedAt + Lease;
            await db.SaveChangesAsync(ct);
        }
        return true;
    }

    /// <summary>Data lines of the file (newlines after the header), for the progress bar before the lines are read.</summary>
    private static int CountLines(string path)
    {
        using var f = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var buffer = new byte[1 << 16];
        long count = 0;
        int n;
        var last = (byte)'\n';
        while ((n = f.Read(buffer, 0, buffer.Length)) > 0)
        {
            count += buffer.AsSpan(0, n).Count((byte)'\n');
            last = buffer[n - 1];
        }
        if (last != '\n') count++;
        return (int)Math.Max(0, count - 1);
    }

    /// <summary>The checks one line needs on its own: every field's format, the currency, the channel (SL 43.1) and repeats in the file.</summary>
    private static Candidate Parse(Validation v, int lineNo, string line)
    {
        var c = new Candidate { Line = lineNo, Raw = line };
        var f = v.Fields;
        if (!StatementFormat.Split(line, v.Header.Delimiter, f))
        {
            c.Error("line", new Text("Dırnaq bağlanmayıb: sətir oxunmur", "A quote is not closed: the line cannot be read"));
            return c;
        }
        string Get(string column)
        {
            var i = v.Header[column];
            return i >= 0 && i < f.Count ? f[i].Trim() : "";
        }

        var bank = Get(StatementFormat.Bank);
        if (!StatementFormat.IsBankCode(bank))
            c.Error(StatementFormat.Bank, bank.Length == 0 ? new Text("Bank göstərilməyib", "The bank is missing")
                : new Text("Bankın kodu hərf, rəqəm, «.», «_», «-» ola bilər (50 simvola qədər)", "A bank code has letters, digits, '.', '_', '-' (up to 50)"));
        var lineId = Get(StatementFormat.LineId);
        if (!StatementFormat.IsLineId(lineId))
            c.Error(StatementFormat.LineId, lineId.Length == 0 ? new Text("Sətrin identifikatoru yoxdur", "The line id is missing")
                : new Text("Sətrin identifikatoru boşluqsuz, 100 simvola qədər olmalıdır", "A line id has no spaces and up to 100 characters"));
        (c.Bank, c.LineId) = (bank, lineId);

        var date = Get(StatementFormat.ValueDate);
        if (!StatementFormat.TryDate(date, out c.PaidOn))
            c.Error(StatementFormat.ValueDate, new Text($"«{Trim(date, 30)}» tarix deyil: iiii-aa-gg və ya gg.aa.iiii", $"'{Trim(date, 30)}' is not a date: yyyy-MM-dd or dd.MM.yyyy"));
        else if (c.PaidOn > v.Today)
            c.Error(StatementFormat.ValueDate, new Text($"Valyuta tarixi {Fmt.Date(c.PaidOn)} gələcəkdədir", $"The value date {Fmt.Date(c.PaidOn)} is in the future"));

        var amount = Get(StatementFormat.Amount);
        if (!TaxInput.TryDecimal(amount, out var value))
            c.Error(StatementFormat.Amount, new Text($"«{Trim(amount, 30)}» məbləğ deyil: manatla, nöqtə və ya vergüllə, ən çox iki onluq rəqəm (12.50)",
                $"'{Trim(amount, 30)}' is not an amount: manat with a dot or a comma and at most two decimals (12.50)"));
        else if (decimal.Round(value, 2) != value)
            c.Error(StatementFormat.Amount, new Text($"«{Trim(amount, 30)}»: ən çox iki onluq rəqəm (qəpik) ola bilər; minlik ayırıcı yazılmır",
                $"'{Trim(amount, 30)}': at most two decimals (qəpik); no thousands separators"));
        else if (value <= 0)
            c.Error(StatementFormat.Amount, new Text("Məbləğ sıfırdan böyük olmalıdır", "The amount must be more than zero"));
        else if (value > 100_000_000m)
            c.Error(StatementFormat.Amount, new Text("Məbləğ 100 milyon manatdan çox ola bilməz", "The amount cannot exceed 100 million manat"));
        else c.AmountQepik = Money.Manat(value).Qepik;

        var currency = Get(StatementFormat.Currency);
        if (!currency.Equals("AZN", StringComparison.OrdinalIgnoreCase))
            c.Error(StatementFormat.Currency, new Text($"Valyuta AZN (manat) olmalıdır, «{Trim(currency, 10)}» deyil", $"The currency must be AZN (manat), not '{Trim(currency, 10)}'"));

        var channelText = Get(StatementFormat.Channel);
        if (PaymentChannels.Parse(channelText) is not { } channel)
            c.Error(StatementFormat.Channel, new Text($"«{Trim(channelText, 20)}» ödəniş kanalı deyil: bank, post, hop, card", $"'{Trim(channelText, 20)}' is not a channel: bank, post, hop, card"));
        else
        {
            try
            {
                PaymentChannels.RequireNonCash(channel, StatementFormat.Channel);
                c.Channel = channel;
            }
            catch (LegalRuleViolation cash)
            {
                c.Error(cash.Field, new Text(cash.MessageAz, cash.MessageEn), cash.Rule.ToString());
            }
        }

        if (!StatementFormat.TryTarget(Get(StatementFormat.Reference), out c.Target, out var refError))
            c.Error(StatementFormat.Reference, refError!);
        else if (v.Import.MunicipalityId is { } m && c.Target.Notice is { } n && n.MunicipalityId != m)
            c.Error(StatementFormat.Reference, new Text($"İstinad başqa bələdiyyənindir (№ {n.MunicipalityId}); onu milli çıxarış və ya həmin bələdiyyə idxal edir",
                $"The reference is another municipality's (No. {n.MunicipalityId}); a national statement or that municipality imports it"));

        if (!StatementFormat.TryPayerId(Get(StatementFormat.PayerId), out c.PayerId))
            c.Error(StatementFormat.PayerId, new Text("Ödəyicinin FİN-i 7 simvol, VÖEN-i 10 rəqəmdir", "The payer's FIN has 7 characters, a VÖEN 10 digits"));
        var name = Get(StatementFormat.PayerName);
        c.PayerName = name.Length == 0 ? null : Trim(name, 300);

        // A line id repeated inside the file: the first one counts, the others are errors.
        if (StatementFormat.IsBankCode(bank) && StatementFormat.IsLineId(lineId))
        {
            var key = StatementFormat.KeyHash(bank, lineId);
            if (v.Seen.TryGetValue(key, out var first))
                c.Error(StatementFormat.LineId, new Text($"«{bank}:{lineId}» bu faylda {first}-ci sətirdə artıq var", $"'{bank}:{lineId}' is already on line {first} of this file"));
            else v.Seen[key] = lineNo;
        }
        return c;
    }

    /// <summary>
    /// The current notices of a batch's references, by reference: one query joining the batch's keys (municipality, year,
    /// number) to the unique index on PaymentNotices — notices have no index on the reference text, and one query per
    /// municipality and year cost a round trip for each of the hundreds a national statement touches.
    /// </summary>
    private static async Task<Dictionary<string, (int M, int T)>> NoticesAsync(AppDb db, List<PaymentReference> keys, CancellationToken ct)
    {
        var found = new Dictionary<string, (int M, int T)>();
        if (keys.Count == 0) return found;
        var byKey = keys.ToDictionary(k => (k.MunicipalityId, k.Year, k.Number), k => k.Value);
        var conn = db.Database.GetDbConnection();
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        if (BulkWriter.IsPostgres(db))
        {
            cmd.CommandText = """
                SELECT n."MunicipalityId", n."Year", n."Number", n."TaxpayerId"
                FROM unnest(@m, @y, @n) AS k(m, y, n)
                JOIN "PaymentNotices" n ON n."MunicipalityId" = k.m AND n."Year" = k.y AND n."Number" = k.n
                WHERE n."IsCurrent"
                """;
            void Add(string name, int[] values)
            {
                var p = cmd.CreateParameter();
                p.ParameterName = name;
                p.Value = values;
                cmd.Parameters.Add(p);
            }
            Add("m", keys.Select(k => k.MunicipalityId).ToArray());
            Add("y", keys.Select(k => k.Year).ToArray());
            Add("n", keys.Select(k => k.Number).ToArray());
        }
        else
        {
            // The keys are parsed integers, so inlining them is safe; SQLite probes the unique index once per VALUES row.
            var values = string.Join(",", keys.Select(k => string.Create(CultureInfo.InvariantCulture, $"({k.MunicipalityId},{k.Year},{k.Number})")));
            cmd.CommandText = $"""
                SELECT n."MunicipalityId", n."Year", n."Number", n."TaxpayerId"
                FROM (VALUES {values}) AS k
                JOIN "PaymentNotices" n ON n."MunicipalityId" = k.column1 AND n."Year" = k.column2 AND n."Number" = k.column3
                WHERE n."IsCurrent"
                """;
        }
        if (conn.State != global::System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            int m = r.GetInt32(0), y = r.GetInt32(1), number = r.GetInt32(2);
            found[byKey[(m, y, number)]] = (m, r.GetInt32(3));
        }
        return found;
    }

    /// <summary>The checks a batch needs from the database, one query each: references, projects, payers and lines booked before.</summary>
    private static async Task CheckBatchAsync(IServiceProvider services, Validation v, List<Candidate> batch, TimeProvider time, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = System(scope);
        db.SuppressAudit = true;
        var ok = batch.Where(c => c.Ok).ToList();

        var notices = await NoticesAsync(db, ok.Where(c => c.Target.Notice is not null).Select(c => c.Target.Notice!.Value).Distinct().ToList(), ct);
        var projectIds = ok.Where(c => c.Target.ProjectId is not null).Select(c => c.Target.ProjectId!.Value).Distinct().ToList();
        var projects = projectIds.Count == 0 ? [] : await db.VoluntaryProjects.AsNoTracking().Where(p => projectIds.Contains(p.Id))
            .Select(p => new { p.Id, p.MunicipalityId, p.Name, p.OpenedOn, p.ClosedOn }).ToDictionaryAsync(p => p.Id, ct);
        // A voluntary payment of a registered taxpayer is linked to them (by FIN or VÖEN in the project's municipality).
        var payerIds = ok.Where(c => c.Target.ProjectId is not null && c.PayerId is not null).Select(c => c.PayerId!).Distinct().ToList();
        // Per project municipality, through the (municipality, FIN) and (municipality, VÖEN) indexes.
        var payers = new List<(int Id, int MunicipalityId, string? PersonalId, string? TaxId)>();
        if (payerIds.Count > 0)
            foreach (var pm in projects.Values.Select(p => p.MunicipalityId).Distinct())
                payers.AddRange((await db.Taxpayers.AsNoTracking()
                    .Where(t => t.MunicipalityId == pm && (payerIds.Contains(t.PersonalId!) || payerIds.Contains(t.TaxId!)))
                    .Select(t => new { t.Id, t.MunicipalityId, t.PersonalId, t.TaxId }).ToListAsync(ct)).Select(t => (t.Id, t.MunicipalityId, t.PersonalId, t.TaxId)));

        foreach (var c in ok)
        {
            if (c.Target.Notice is not null)
            {
                if (!notices.TryGetValue(c.Target.Reference, out var n))
                    c.Error(StatementFormat.Reference, new Text("Bu istinadla ödəniş bildirişi yoxdur", "No payment notice has this reference"));
                else (c.MunicipalityId, c.TaxpayerId) = (n.M, n.T);
            }
            else if (c.Target.ProjectId is { } pid)
            {
                if (!projects.TryGetValue(pid, out var p))
                    c.Error(StatementFormat.Reference, new Text($"{pid} nömrəli könüllü ödəniş layihəsi yoxdur", $"There is no voluntary payment project No. {pid}"));
                else if (v.Import.MunicipalityId is { } m && p.MunicipalityId != m)
                    c.Error(StatementFormat.Reference, new Text("Layihə başqa bələdiyyənindir", "The project is another municipality's"));
                else if (c.PaidOn < p.OpenedOn || (p.ClosedOn is { } closed && c.PaidOn > closed))
                    c.Error(StatementFormat.Reference, new Text($"«{p.Name}» layihəsi ödəniş günü açıq deyil: könüllü ödəniş yalnız öz layihəsinə gedir",
                        $"The project '{p.Name}' is not open on the value date: a voluntary payment goes only to its project"), ProjectRule.ToString());
                else
                {
                    (c.MunicipalityId, c.ProjectId) = (p.MunicipalityId, p.Id);
                    c.TaxpayerId = payers.FirstOrDefault(t => t.MunicipalityId == p.MunicipalityId && (t.PersonalId == c.PayerId || t.TaxId == c.PayerId)).Id;
                }
            }
        }

        // Lines booked before (this file imported again, or another statement with the same line): reported, never booked twice.
        ok = ok.Where(c => c.Ok).ToList();
        var keys = ok.Select(c => StatementFormat.ExternalId(c.Bank, c.LineId)).ToList();
        if (keys.Count > 0)
        {
            var booked = await db.Payments.AsNoTracking().Where(p => keys.Contains(p.ExternalId)).Select(p => new { p.ExternalId, p.Id, p.ImportId })
                .ToDictionaryAsync(p => p.ExternalId, ct);
            // A portal payment's own transaction can also come back on the bank's statement (channel hop, line id = the portal's transaction id).
            var portalIds = ok.Where(c => c.Channel == PaymentChannel.PaymentPortal).Select(c => c.LineId).Distinct().ToList();
            var portal = portalIds.Count == 0 ? [] : await db.Payments.AsNoTracking()
                .Where(p => p.TransactionId != null && portalIds.Contains(p.TransactionId) && p.ExternalId.StartsWith("portal:"))
                .Select(p => new { TransactionId = p.TransactionId!, p.Id, p.ImportId }).ToListAsync(ct);
            var portalBy = portal.GroupBy(p => p.TransactionId).ToDictionary(g => g.Key, g => g.First());
            for (var i = 0; i < ok.Count; i++)
            {
                if (booked.TryGetValue(keys[i], out var b)) ok[i].BookedBefore = (b.Id, b.ImportId);
                else if (ok[i].Channel == PaymentChannel.PaymentPortal && portalBy.TryGetValue(ok[i].LineId, out var p)) ok[i].BookedBefore = (p.Id, p.ImportId);
            }
        }

        var issues = new List<object?[]>();
        foreach (var c in batch)
        {
            v.Lines++;
            if (!c.Ok)
            {
                v.Errors++;
                var raw = Trim(c.Raw, 300);
                foreach (var (field, message, rule) in c.Errors!)
                    issues.Add([v.Import.Id, v.Import.MunicipalityId, c.Line, (int)ImportIssueKind.Error, field, Trim(StatementFormat.Pack(message), 500), rule, raw]);
            }
            else if (c.BookedBefore is { } b)
            {
                v.Duplicates++;
                var text = b.ImportId is { } imp && imp != v.Import.Id
                    ? new Text($"Bu sətir artıq qeyd olunub (ödəniş № {b.PaymentId}, idxal № {imp}); ikinci dəfə sayılmır",
                        $"This line is already booked (payment No. {b.PaymentId}, import No. {imp}); it is not counted twice")
                    : new Text($"Bu sətir artıq qeyd olunub (ödəniş № {b.PaymentId}); ikinci dəfə sayılmır", $"This line is already booked (payment No. {b.PaymentId}); it is not counted twice");
                issues.Add([v.Import.Id, v.Import.MunicipalityId, c.Line, (int)ImportIssueKind.Duplicate, StatementFormat.LineId, StatementFormat.Pack(text), null, Trim(c.Raw, 300)]);
            }
            else
            {
                v.Valid++;
                new Staged(c.Line, c.MunicipalityId, c.TaxpayerId, c.ProjectId, c.AmountQepik, c.PaidOn, c.Channel, c.Bank, c.LineId, c.Target.Reference,
                    c.PayerId, c.PayerName).Write(v.Staged);
            }
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var row = await db.PaymentImports.FirstAsync(i => i.Id == v.Import.Id, ct);
        if (row.Status != JobStatus.Running) throw new OperationCanceledException($"Import {row.Id} is {row.Status}");
        (row.LinesRead, row.ValidLines, row.ErrorLines, row.DuplicateLines) = (v.Lines, v.Valid, v.Errors, v.Duplicates);
        row.LeaseUntil = Clock.UtcNow(time) + Lease;
        await db.SaveChangesAsync(ct);
        if (issues.Count > 0) await BulkWriter.WriteAsync(db, IssueTable, issues, ct);
        await tx.CommitAsync(ct);
    }

    // ---------------------------------------------------------------- pass 2: booking

    private static async Task<bool> ApplyAsync(IServiceProvider services, int importId, string stagedPath, ImportOptions o, TimeProvider time, CancellationToken ct)
    {
        int cursor;
        Ledger.Rules rules;
        using (var scope = services.CreateScope())
        {
            var db = System(scope);
            cursor = (await db.PaymentImports.AsNoTracking().FirstAsync(i => i.Id == importId, ct)).CursorLine;
            rules = await Ledger.Rules.LoadAsync(db, Clock.Today(time), ct);
        }
        await using var file = new FileStream(stagedPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var reader = new BinaryReader(file, Encoding.UTF8);
        var batch = new List<Staged>(Math.Min(o.BatchSize, 100_000));
        var number = 0;
        while (file.Position < file.Length)
        {
            var s = Staged.Read(reader);
            if (s.Line <= cursor) continue;
            batch.Add(s);
            if (batch.Count >= o.BatchSize || file.Position >= file.Length)
            {
                if (!await BookBatchAsync(services, importId, batch, rules, time, ct)) return false;
                batch.Clear();
                number++;
                if (o.AfterBatch is not null) await o.AfterBatch(number);
            }
        }
        return true;
    }

    /// <summary>One batch in one transaction: its payments, the settlement of its taxpayers' accounts, the import's cursor and counters.</summary>
    private static async Task<bool> BookBatchAsync(IServiceProvider services, int importId, List<Staged> batch, Ledger.Rules rules, TimeProvider time, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = System(scope);
        db.SuppressAudit = true; // the import's row changes every batch; the summary entries below are the audit
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await Budget.TaxRevenuePosting.WritingPaymentsAsync(db, ct);
        var now = Clock.UtcNow(time);
        // The import's row is written first: on SQLite that takes the write lock before ids are reserved.
        var import = await db.PaymentImports.FirstAsync(i => i.Id == importId, ct);
        if (import.Status != JobStatus.Running) return false;
        import.LeaseUntil = now + Lease;
        await db.SaveChangesAsync(ct);

        // Booked meanwhile by another statement (the validation saw it free): reported as a duplicate, not booked.
        var keys = batch.Select(s => s.ExternalId).ToList();
        var taken = (await db.Payments.AsNoTracking().Where(p => keys.Contains(p.ExternalId)).Select(p => new { p.ExternalId, p.Id }).ToListAsync(ct))
            .ToDictionary(p => p.ExternalId, p => p.Id);
        var fresh = taken.Count == 0 ? batch : batch.Where(s => !taken.ContainsKey(s.ExternalId)).ToList();
        if (taken.Count > 0)
        {
            var issues = batch.Where(s => taken.ContainsKey(s.ExternalId)).Select(s => (object?[])[import.Id, import.MunicipalityId, s.Line, (int)ImportIssueKind.Duplicate,
                StatementFormat.LineId, StatementFormat.Pack(new Text($"Bu sətir artıq qeyd olunub (ödəniş № {taken[s.ExternalId]}); ikinci dəfə sayılmır",
                    $"This line is already booked (payment No. {taken[s.ExternalId]}); it is not counted twice")), null, $"{s.Bank};{s.LineId}"]).ToList();
            await BulkWriter.WriteAsync(db, IssueTable, issues, ct);
            import.DuplicateLines += issues.Count;
            import.ValidLines -= issues.Count;
        }

        if (fresh.Count > 0)
        {
            var firstId = await BulkWriter.ReserveIdsAsync(db, "Payments", fresh.Count, ct);
            var rows = new List<object?[]>(fresh.Count);
            for (var i = 0; i < fresh.Count; i++)
            {
                var s = fresh[i];
                rows.Add([firstId + i, s.MunicipalityId, s.TaxpayerId == 0 ? null : s.TaxpayerId, s.ProjectId == 0 ? null : s.ProjectId, s.AmountQepik, s.PaidOn, now,
                    (int)s.Channel, s.Reference, s.PayerName, s.Bank, s.ExternalId, import.Id, (int)PaymentStatus.Posted, import.CreatedBy, s.PayerId]);
            }
            await BulkWriter.WriteAsync(db, PaymentTable, rows, ct);
            var taxpayers = fresh.Where(s => s.TaxpayerId != 0 && s.ProjectId == 0).Select(s => s.TaxpayerId).Distinct().ToList();
            await Payments.LockAccountsAsync(db, taxpayers, ct);
            await Ledger.SettleAsync(db, taxpayers, now, rules, ct);
            foreach (var g in fresh.GroupBy(s => s.MunicipalityId))
                db.AuditLog.Add(Audit(import, g.Key, now, "create", new
                {
                    payments = g.Count(), amount = Money.FromQepik(g.Sum(s => s.AmountQepik)).ToString(), firstLine = g.First().Line, lastLine = g.Last().Line,
                }, $"SL 43.1 bank statement, import {import.Id}"));
            import.AppliedLines += fresh.Count;
            import.AppliedQepik += fresh.Sum(s => s.AmountQepik);
        }
        import.CursorLine = batch[^1].Line;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    private static string Trim(string s, int max) => s.Length <= max ? s : s[..max];
}
