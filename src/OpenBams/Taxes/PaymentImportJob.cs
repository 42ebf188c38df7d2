using Microsoft.EntityFrameworkCore;
using OpenBams.Platform;
using OpenBams.Platform.Data;
using OpenBams.Platform.Jobs;
using OpenBams.Platform.Tenancy;

namespace OpenBams.Taxes;

/// <summary>
/// Runs queued statement imports in the background, one at a time, and picks up an import whose worker stopped (its lease
/// ran out): <see cref="StatementImport.RunAsync"/> resumes after the last committed batch.
/// </summary>
public sealed class PaymentImportJob : IJob
{
    public string Name => "payment-import";

    public async Task<bool> RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        var time = services.GetRequiredService<TimeProvider>();
        int importId;
        using (var scope = services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantAccessor>().Use(TenantContext.System);
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            var now = Clock.UtcNow(time);
            var import = await db.PaymentImports.Where(i => i.Status == JobStatus.Queued || (i.Status == JobStatus.Running && i.LeaseUntil < now))
                .OrderBy(i => i.Id).FirstOrDefaultAsync(ct);
            if (import is null) return false;
            import.Status = JobStatus.Running;
            import.LeaseUntil = now + StatementImport.Lease;
            db.SuppressAudit = true;
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException) { return true; } // another worker took it
            importId = import.Id;
        }
        try
        {
            await StatementImport.RunAsync(services, importId, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            services.GetRequiredService<ILogger<PaymentImportJob>>().LogError(e, "Statement import {Import} failed", importId);
            await StatementImport.FailAsync(services, importId, e.Message, CancellationToken.None);
        }
        return true;
    }
}
