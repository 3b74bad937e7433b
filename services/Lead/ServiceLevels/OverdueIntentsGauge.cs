using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Observability;

namespace Zhaoshang.Lead.ServiceLevels;

/// <summary>
/// <c>zhaoshang.intents.overdue</c>: open cooperation intents that miss a service level today, by the same rules as
/// <c>GET /api/intents/overdue</c>.
/// </summary>
internal sealed class OverdueIntentsGauge(Database database, WorkCalendar calendar, TimeProvider clock) : IGaugeSample
{
    public async Task SampleAsync(CancellationToken cancellationToken)
    {
        var today = clock.TodayInChina();
        await using var connection = await database.OpenAsync(cancellationToken);
        var due = await OpenIntents.DueAsync(connection, calendar, today, -1, []);
        OperationalMetrics.Set("zhaoshang.intents.overdue", "{intent}", "Open cooperation intents that miss a service level.",
            due.LongCount(i => ServiceLevelRules.Breaches(i, today, calendar).Any()));
    }
}
