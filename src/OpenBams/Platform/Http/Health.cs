using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenBams.Platform.Data;

namespace OpenBams.Platform.Http;

public sealed class DatabaseHealthCheck(AppDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        await db.Database.CanConnectAsync(ct) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("database unreachable");
}
