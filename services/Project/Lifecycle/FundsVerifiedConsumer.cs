using Zhaoshang.Contracts;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Messaging;

namespace Zhaoshang.Project.Lifecycle;

/// <summary>
/// Keeps the verified report for the statistics (one row per report, so a redelivery changes nothing) and shows the
/// project's verified funds in place (到位资金); the total only grows, so late messages cannot lower it. A report that
/// arrives before its project waits in its row: the project takes the total when it is created.
/// </summary>
public sealed class FundsVerifiedConsumer(Database database) : InboxConsumer<FundsVerified>(database)
{
    protected override async Task HandleAsync(FundsVerified message, UnitOfWork work, CancellationToken cancellationToken)
    {
        // The conversion takes the same lock: a report is either in the total it reads or applied to the project it made.
        await work.LockRecordAsync(message.ProjectId);
        await work.ExecuteAsync(
            """
            INSERT INTO statistics_funds (report_id, project_id, reported_on, amount_cny, project_verified_total_cny, currency, amount,
                                          amount_usd, source, use, verified_at)
            VALUES (@ReportId, @ProjectId, @ReportedOn, @AmountCny, @ProjectVerifiedTotalCny, @Currency, @Amount, @AmountUsd, @Source,
                    @Use, @VerifiedAt)
            ON CONFLICT (report_id) DO NOTHING
            """,
            message);
        var updated = await work.ExecuteAsync(
            "UPDATE projects SET verified_funds_cny = greatest(verified_funds_cny, @ProjectVerifiedTotalCny), updated_at = now() WHERE id = @ProjectId",
            new { message.ProjectVerifiedTotalCny, message.ProjectId });
        if (updated > 0)
            await work.AuditAsync("Project", message.ProjectId, "funds verified", null, new { message.ReportId, message.AmountCny, message.ProjectVerifiedTotalCny });
    }
}

/// <summary>Up to 16 at once; three retries (0.1 s, 0.5 s, 1 s), then the <c>_error</c> queue.</summary>
public sealed class FundsVerifiedConsumerDefinition() : InboxConsumerDefinition<FundsVerifiedConsumer>(16, [100, 500, 1000]);
