using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Zhaoshang.Platform.Data;

namespace Zhaoshang.Platform.Idempotency;

/// <summary>
/// Deletes the stored answers past their retention, hourly, in every instance (a second instance deleting the same
/// rows is harmless). Lookups already ignore expired rows, so this only keeps the table small.
/// </summary>
internal sealed class IdempotencyKeyPurge(Database database, IOptions<IdempotencyOptions> options, ILogger<IdempotencyKeyPurge> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await using var connection = await database.OpenAsync(stoppingToken);
                var purged = await StoredAnswers.PurgeAsync(connection, options.Value.Retention);
                if (purged > 0)
                    logger.LogInformation("Purged {Count} idempotency keys older than {Retention}", purged, options.Value.Retention);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Purging expired idempotency keys failed; trying again in {Interval}", Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
