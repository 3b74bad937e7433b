using Zhaoshang.Contracts;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Messaging;

namespace Zhaoshang.Project.Lifecycle;

/// <summary>
/// Shows on the project that its approval case (审批) is open. Information only: it leaves the version staff send alone.
/// </summary>
public sealed class ApprovalCaseOpenedConsumer(Database database) : InboxConsumer<ApprovalCaseOpened>(database)
{
    protected override async Task HandleAsync(ApprovalCaseOpened message, UnitOfWork work, CancellationToken cancellationToken)
    {
        var updated = await work.ExecuteAsync(
            """
            UPDATE projects
            SET approval_case_id = @CaseId, approval_item_count = @ItemCount, approval_case_opened_at = @OpenedAt, updated_at = now()
            WHERE id = @ProjectId
            """,
            message);
        if (updated == 0)
            throw new InvalidOperationException($"Approval case {message.CaseId} refers to unknown project {message.ProjectId}.");
        await work.AuditAsync("Project", message.ProjectId, "approval case opened", null, new { message.CaseId, message.ItemCount, message.OpenedAt });
    }
}

/// <summary>Up to 16 at once; three retries (0.1 s, 0.5 s, 1 s), then the <c>_error</c> queue.</summary>
public sealed class ApprovalCaseOpenedConsumerDefinition() : InboxConsumerDefinition<ApprovalCaseOpenedConsumer>(16, [100, 500, 1000]);
