using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OpenBams.Platform.Data;

/// <summary>
/// A counter per municipality, raised in this process each time a transaction that changed one of its records commits.
/// Caches of public views (the portal) put it in their keys, so a reader never gets a page older than the last change that
/// committed here: the chairman who approves the budget sees it approved on the portal at once, not after the cache expires.
/// Other processes of a farm keep the caches' own expiry.
/// </summary>
public static class CommittedChanges
{
    private static readonly ConcurrentDictionary<int, long> Versions = new();

    public static long VersionOf(int municipalityId) => Versions.TryGetValue(municipalityId, out var v) ? v : 0;

    internal static void Raise(IEnumerable<int> municipalityIds)
    {
        foreach (var m in municipalityIds) Versions.AddOrUpdate(m, 1, (_, v) => v + 1);
    }
}

/// <summary>Raises the counters of what a context changed when its transaction commits, and forgets them on rollback.</summary>
internal sealed class CommittedChangesInterceptor : DbTransactionInterceptor
{
    public static readonly CommittedChangesInterceptor Instance = new();

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => (eventData.Context as AppDb)?.RaiseCommitted();

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as AppDb)?.RaiseCommitted();
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => (eventData.Context as AppDb)?.ForgetUncommitted();

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as AppDb)?.ForgetUncommitted();
        return Task.CompletedTask;
    }
}
