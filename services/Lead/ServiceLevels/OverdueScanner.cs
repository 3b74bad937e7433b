using Dapper;
using Microsoft.Extensions.Options;
using Zhaoshang.Contracts;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Observability;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Lead.ServiceLevels;

public sealed class ServiceLevelOptions
{
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// Announces each missed service level once (<see cref="CooperationIntentOverdue"/>), so that notifications or
/// other services can react. The notice row and the outbox message commit together; several instances may scan,
/// the notice's key lets only one of them announce a given deadline.
/// </summary>
internal sealed class OverdueScanner(
    Database database, WorkCalendar calendar, TimeProvider clock, IOptions<ServiceLevelOptions> options,
    ILogger<OverdueScanner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ScanInterval, clock);
        do
        {
            try
            {
                var announced = await ScanAsync(stoppingToken);
                if (announced > 0)
                    logger.LogInformation("Announced {Count} missed service level(s).", announced);
                OperationalMetrics.ScannerRan("lead-service-levels", clock);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Service-level scan failed; trying again at the next interval.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    internal async Task<int> ScanAsync(CancellationToken cancellationToken)
    {
        var today = clock.TodayInChina();
        IReadOnlyList<Intents.CooperationIntent> open;
        await using (var connection = await database.OpenAsync(cancellationToken))
            open = await OpenIntents.ReadAsync(connection, null);

        var announced = 0;
        foreach (var intent in open)
        {
            foreach (var breach in ServiceLevelRules.Breaches(intent, today, calendar))
            {
                await using var work = await database.BeginAsync(Actor.System, cancellationToken);
                var fresh = await work.ExecuteAsync(
                    """
                    INSERT INTO intent_overdue_notices (intent_id, kind, due_on, notified_at)
                    VALUES (@Id, @Kind, @DueOn, @Now) ON CONFLICT DO NOTHING
                    """,
                    new { intent.Id, Kind = breach.Kind.ToString(), breach.DueOn, Now = clock.GetUtcNow() });
                if (fresh == 0)
                    continue;
                await work.AuditAsync("CooperationIntent", intent.Id, "overdue", null, breach);
                await work.PublishAsync(new CooperationIntentOverdue(
                    intent.Id, breach.Kind.ToString(), breach.DueOn, breach.WorkingDaysLate, intent.District,
                    intent.EnterpriseName, clock.GetUtcNow()));
                await work.CommitAsync(cancellationToken);
                announced++;
            }
        }

        return announced;
    }
}
