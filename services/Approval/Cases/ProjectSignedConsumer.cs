using Zhaoshang.Approval;
using Zhaoshang.Contracts;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Messaging;

namespace Zhaoshang.Approval.Cases;

/// <summary>Opens the approval case of a newly signed project with the items it needs.</summary>
public sealed class ProjectSignedConsumer(Database database, TimeProvider clock) : InboxConsumer<ProjectSigned>(database)
{
    protected override async Task HandleAsync(ProjectSigned message, UnitOfWork work, CancellationToken cancellationToken)
    {
        var caseId = Guid.CreateVersion7();
        using var activity = ApprovalTelemetry.Source.StartActivity("open approval case");
        activity?.SetTag("zhaoshang.project.id", message.ProjectId).SetTag("zhaoshang.approval.case.id", caseId);
        var openedAt = clock.GetUtcNow();
        await work.ExecuteAsync(
            """
            INSERT INTO approval_cases (id, project_id, contracted_investment, district, park, opened_at)
            VALUES (@caseId, @ProjectId, @ContractedInvestment, @District, @Park, @openedAt)
            """,
            new { caseId, message.ProjectId, message.ContractedInvestment, message.District, message.Park, openedAt });
        await work.ExecuteAsync(
            """
            INSERT INTO approval_items (id, case_id, code, name, stage, statutory_working_days, land_dependent, status, opened_at)
            VALUES (@Id, @CaseId, @Code, @Name, @Stage, @StatutoryWorkingDays, @LandDependent, @Status, @OpenedAt)
            """,
            ApprovalItemCatalogue.Standard.Select(item => new
            {
                Id = Guid.CreateVersion7(), CaseId = caseId, item.Code, item.Name, Stage = item.Stage.ToString(),
                item.StatutoryWorkingDays, item.LandDependent,
                Status = (item.LandDependent ? ApprovalItemStatus.AwaitingLand : ApprovalItemStatus.Open).ToString(),
                OpenedAt = openedAt,
            }));
        await work.AuditAsync("ApprovalCase", caseId, "opened", null,
            new { message.ProjectId, message.ContractedInvestment, Items = ApprovalItemCatalogue.Standard.Select(i => i.Code) });
        await work.PublishAsync(new ApprovalCaseOpened(message.ProjectId, caseId, ApprovalItemCatalogue.Standard.Count, openedAt));
    }
}

/// <summary>Up to 16 at once; three retries (0.1 s, 0.5 s, 1 s), then the <c>_error</c> queue.</summary>
public sealed class ProjectSignedConsumerDefinition() : InboxConsumerDefinition<ProjectSignedConsumer>(16, [100, 500, 1000]);
