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
        var open = await OpenIntents.ReadAsync(connection, null);
        OperationalMetrics.Set("zhaoshang.intents.overdue", "{intent}", "Open cooperation intents that miss a service level.",
            open.LongCount(i => ServiceLevelRules.Breaches(i, today, calendar).Any()));
    }
}
