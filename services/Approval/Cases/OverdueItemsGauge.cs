using Dapper;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Observability;

namespace Zhaoshang.Approval.Cases;

/// <summary>
/// <c>zhaoshang.approval_items.overdue</c>: items still under review past their statutory limit, as
/// <c>GET /api/approval-items/overdue</c> lists them today.
/// </summary>
internal sealed class OverdueItemsGauge(Database database, TimeProvider clock) : IGaugeSample
{
    public async Task SampleAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var overdue = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM approval_items WHERE status IN ('Open', 'AcceptedWithDeficiency', 'Suspended') AND due_on < @today",
            new { today = clock.TodayInChina() }, cancellationToken: cancellationToken));
        OperationalMetrics.Set("zhaoshang.approval_items.overdue", "{item}", "Approval items under review past their statutory limit.", overdue);
    }
}
