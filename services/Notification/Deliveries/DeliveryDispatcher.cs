using Dapper;
using Microsoft.Extensions.Options;
using Zhaoshang.Platform.Data;

namespace Zhaoshang.Notification.Deliveries;

/// <summary>A delivery an instance has claimed to send, with its channel's secret read at sending time.</summary>
internal sealed record ClaimedDelivery(Guid Id, string ChannelKind, string Target, string Subject, string Body, int Attempts, string? Secret);

/// <summary>
/// Sends what the consumers planned. Each instance claims due deliveries with <c>FOR UPDATE SKIP LOCKED</c> and, in the
/// same statement, pushes their next attempt past <see cref="DeliveryOptions.ClaimTimeout"/>, then sends outside any
/// transaction: a second instance never takes the same rows, and rows of an instance that died are taken again once
/// the claim runs out. A failure records the error and the next attempt (exponential backoff up to a cap); after
/// <see cref="DeliveryOptions.MaxAttempts"/> it waits for an operator's retry.
/// </summary>
internal sealed class DeliveryDispatcher(
    Database database, RobotSender robots, EmailSender email, TimeProvider clock, IOptions<DeliveryOptions> options,
    ILogger<DeliveryDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        do
        {
            try
            {
                while (await DispatchAsync(stoppingToken) == options.Value.BatchSize)
                {
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Delivery dispatch failed; trying again at the next interval.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    internal async Task<int> DispatchAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        IReadOnlyList<ClaimedDelivery> claimed;
        await using (var connection = await database.OpenAsync(cancellationToken))
            claimed = (await connection.QueryAsync<ClaimedDelivery>(
                """
                UPDATE deliveries d SET next_attempt_at = @claimUntil, attempts = d.attempts + 1
                FROM (SELECT id FROM deliveries
                      WHERE status IN ('pending', 'failed') AND next_attempt_at <= @now
                      ORDER BY next_attempt_at LIMIT @BatchSize FOR UPDATE SKIP LOCKED) due
                WHERE d.id = due.id
                RETURNING d.id, d.channel_kind, d.target, d.subject, d.body, d.attempts,
                          (SELECT c.secret FROM notification_channels c WHERE c.id = d.channel_id) AS secret
                """,
                new { now, claimUntil = now + options.Value.ClaimTimeout, options.Value.BatchSize })).AsList();
        foreach (var delivery in claimed)
            await SendAsync(delivery, cancellationToken);
        return claimed.Count;
    }

    private async Task SendAsync(ClaimedDelivery delivery, CancellationToken cancellationToken)
    {
        string? error = null;
        try
        {
            if (delivery.ChannelKind == ChannelKinds.Email)
                await email.SendAsync(delivery, cancellationToken);
            else
                await robots.SendAsync(delivery, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            error = $"{ex.GetType().Name}: {ex.Message}";
            logger.LogWarning("Delivery {Id} ({Kind}) failed at attempt {Attempt}: {Error}", delivery.Id, delivery.ChannelKind, delivery.Attempts, error);
        }

        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(CancellationToken.None);
        if (error is null)
            await connection.ExecuteAsync(
                "UPDATE deliveries SET status = 'sent', sent_at = @now, next_attempt_at = NULL, last_error = NULL WHERE id = @Id",
                new { delivery.Id, now });
        else
            await connection.ExecuteAsync(
                "UPDATE deliveries SET status = 'failed', last_error = @error, next_attempt_at = @next WHERE id = @Id",
                new { delivery.Id, error = error.Length <= 1000 ? error : error[..1000], next = now + options.Value.BackoffAfter(delivery.Attempts) });
    }
}
