using Zhaoshang.Contracts;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Messaging;

namespace Zhaoshang.Project.Lifecycle;

/// <summary>Shows the project's verified funds in place (到位资金); the total only grows, so late messages cannot lower it.</summary>
public sealed class FundsVerifiedConsumer(Database database) : InboxConsumer<FundsVerified>(database)
{
    protected override async Task HandleAsync(FundsVerified message, UnitOfWork work, CancellationToken cancellationToken)
    {
        var updated = await work.ExecuteAsync(
            "UPDATE projects SET verified_funds_cny = greatest(verified_funds_cny, @ProjectVerifiedTotalCny), updated_at = now() WHERE id = @ProjectId",
            new { message.ProjectVerifiedTotalCny, message.ProjectId });
        if (updated == 0)
            throw new InvalidOperationException($"Verified funds for unknown project {message.ProjectId}.");
        await work.AuditAsync("Project", message.ProjectId, "funds verified", null, new { message.ReportId, message.AmountCny, message.ProjectVerifiedTotalCny });
    }
}

/// <summary>Up to 16 at once; three retries (0.1 s, 0.5 s, 1 s), then the <c>_error</c> queue.</summary>
public sealed class FundsVerifiedConsumerDefinition() : InboxConsumerDefinition<FundsVerifiedConsumer>(16, [100, 500, 1000]);
