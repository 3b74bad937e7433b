using Zhaoshang.Contracts;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Messaging;

namespace Zhaoshang.Approval.Cases;

/// <summary>
/// 项目流转: the case follows its project to the new district, whose staff then see and work it. The district of the
/// newest project version wins, whatever order the transfers arrive in; one that comes before the case waits for it.
/// </summary>
public sealed class ProjectTransferredConsumer(Database database) : InboxConsumer<ProjectTransferred>(database)
{
    protected override async Task HandleAsync(ProjectTransferred message, UnitOfWork work, CancellationToken cancellationToken)
    {
        await work.LockRecordAsync(message.ProjectId);
        if (await work.QuerySingleAsync<bool>("SELECT EXISTS (SELECT 1 FROM approval_cases WHERE project_id = @ProjectId)", new { message.ProjectId }))
            await ApplyAsync(work, message);
        else
            await ParkedMessages.ParkAsync(work, message.ProjectId, MessageId, message);
    }

    /// <summary>
    /// Moves the case if the transfer is newer than what set its district (both at version 0: sent before versions
    /// travelled, so arrival order is all there is).
    /// </summary>
    internal static async Task ApplyAsync(UnitOfWork work, ProjectTransferred message)
    {
        var moved = await work.QuerySingleOrDefaultAsync<(Guid Id, string District)?>(
            """
            UPDATE approval_cases c SET district = @ToDistrict, district_version = @ProjectVersion
            FROM (SELECT id, district FROM approval_cases WHERE project_id = @ProjectId) old
            WHERE c.id = old.id AND (@ProjectVersion > c.district_version OR @ProjectVersion = 0 AND c.district_version = 0)
            RETURNING c.id, old.district
            """,
            new { message.ToDistrict, message.ProjectVersion, message.ProjectId });
        if (moved is { } previous)
            await work.AuditAsync("ApprovalCase", previous.Id, "transferred", new { previous.District }, new { District = message.ToDistrict, message.ProjectVersion });
    }
}

/// <summary>Up to 16 at once; three retries (0.1 s, 0.5 s, 1 s), then the <c>_error</c> queue.</summary>
public sealed class ProjectTransferredConsumerDefinition() : InboxConsumerDefinition<ProjectTransferredConsumer>(16, [100, 500, 1000]);
