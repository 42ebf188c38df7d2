namespace OpenBams.Platform.Jobs;

/// <summary>A kind of long work the runner drives: finds one piece of claimable work and does it, returning whether it found any.</summary>
public interface IJob
{
    string Name { get; }
    Task<bool> RunOnceAsync(IServiceProvider services, CancellationToken ct);
}

/// <summary>Wakes the runner at once when work is queued, instead of at the next poll.</summary>
public sealed class JobSignal
{
    private readonly SemaphoreSlim _signal = new(0);
    public void Wake() { if (_signal.CurrentCount == 0) _signal.Release(); }
    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}

/// <summary>
/// Runs long jobs (the national assessment, statement imports) in the background, one at a time, with their progress in
/// the database. Jobs are resumable: each claims its work with a lease and keeps a cursor, so after a crash or a restart the
/// next runner picks up where the last one stopped.
/// </summary>
public sealed class JobRunner(IServiceProvider services, IEnumerable<IJob> jobs, JobSignal signal, ILogger<JobRunner> log) : BackgroundService
{
    public static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        // Let the host finish starting (migrations run before StartAsync).
        await Task.Yield();
        while (!stop.IsCancellationRequested)
        {
            var worked = false;
            foreach (var job in jobs)
            {
                try
                {
                    worked |= await job.RunOnceAsync(services, stop);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested) { return; }
                catch (Exception e)
                {
                    // The job marks its own failures; this only keeps the runner alive for the next one.
                    log.LogError(e, "Background job {Job} failed", job.Name);
                }
            }
            if (worked) continue;
            try { await signal.WaitAsync(Poll, stop); }
            catch (OperationCanceledException) { return; }
        }
    }
}
