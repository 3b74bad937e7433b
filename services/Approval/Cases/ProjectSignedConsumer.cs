using System.Text.Json;
using Zhaoshang.Approval.Integrations;
using Zhaoshang.Contracts;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Messaging;
using Zhaoshang.Platform.Parks;

namespace Zhaoshang.Approval.Cases;

/// <summary>
/// Opens the approval case of a newly signed project: the items its profile needs, limits shortened by the green
/// channel, items without prerequisites open at once; what arrived before the case (decisions, transfers, land) is
/// applied now, through the same code as when it arrives later. A second signing of the project changes nothing. An
/// imported project's items of the stages it passed are granted outside the system first (<see cref="ImportedStages"/>).
/// </summary>
public sealed class ProjectSignedConsumer(Database database, ApprovalCatalogue catalogue, WorkCalendar calendar, TimeProvider clock)
    : InboxConsumer<ProjectSigned>(database)
{
    protected override async Task HandleAsync(ProjectSigned message, UnitOfWork work, CancellationToken cancellationToken)
    {
        await work.LockRecordAsync(message.ProjectId);
        var caseId = Guid.CreateVersion7();
        using var activity = ApprovalTelemetry.Source.StartActivity("open approval case");
        activity?.SetTag("zhaoshang.project.id", message.ProjectId).SetTag("zhaoshang.approval.case.id", caseId);
        var tier = GreenChannel.TierFor(message.ContractedInvestment);
        var items = catalogue.SelectFor(message.ApprovalProfile);
        var opened = await work.ExecuteAsync(
            """
            INSERT INTO approval_cases (id, project_id, contracted_investment, district, district_version, park, park_id,
                                        green_channel, agent_service, task_team, opened_at)
            VALUES (@caseId, @ProjectId, @ContractedInvestment, @District, @ProjectVersion, @Park, @ParkId, @GreenChannel,
                    @AgentService, @TaskTeam::jsonb, @OpenedAt)
            ON CONFLICT (project_id) DO NOTHING
            """,
            new
            {
                caseId, message.ProjectId, message.ContractedInvestment, message.District, message.ProjectVersion, message.Park,
                message.ParkId,
                GreenChannel = tier.ToString(), AgentService = tier == GreenChannelTier.MajorProject,
                TaskTeam = tier == GreenChannelTier.MajorProject && message.TaskTeam is not null
                    ? JsonSerializer.Serialize(message.TaskTeam, JsonSerializerOptions.Web) : null,
                OpenedAt = clock.GetUtcNow(),
            });
        if (opened == 0)
            return;
        if (message.ParkId is { } parkId)
            await ParkNames.AddAsync(work, parkId, message.Park);
        await work.ExecuteAsync(
            """
            INSERT INTO approval_items (id, case_id, code, name, stage, statutory_working_days, limit_working_days,
                                        land_dependent, prerequisites, status, opened_at)
            VALUES (@Id, @CaseId, @Code, @Name, @Stage, @StatutoryWorkingDays, @LimitWorkingDays, @LandDependent,
                    @Prerequisites, 'Pending', @OpenedAt)
            """,
            items.Select(item => new
            {
                Id = Guid.CreateVersion7(), CaseId = caseId, item.Code, item.Name, Stage = item.Stage.ToString(),
                item.StatutoryWorkingDays, LimitWorkingDays = GreenChannel.LimitFor(item.StatutoryWorkingDays, tier),
                item.LandDependent, item.Prerequisites, OpenedAt = clock.GetUtcNow(),
            }));
        await work.AuditAsync("ApprovalCase", caseId, "opened", null, new
        {
            message.ProjectId, message.ContractedInvestment, GreenChannel = tier, message.ApprovalProfile,
            Items = items.Select(i => i.Code),
        });
        await work.PublishAsync(new ApprovalCaseOpened(message.ProjectId, caseId, items.Count, clock.GetUtcNow()));

        var workflow = (await CaseWorkflow.LockAsync(work, message.ProjectId, calendar, clock))!;
        await ImportedStages.GrantPassedAsync(workflow, message.ImportedAtStage);
        await workflow.AdvanceAsync();
        await DecisionIntake.ApplyParkedAsync(work, workflow, clock);
        foreach (var transfer in await ParkedMessages.TakeAsync<ProjectTransferred>(work, message.ProjectId))
            await ProjectTransferredConsumer.ApplyAsync(work, transfer);
        foreach (var land in await ParkedMessages.TakeAsync<ProjectLandAcquired>(work, message.ProjectId))
            await ProjectLandAcquiredConsumer.ApplyAsync(workflow, land);
    }
}

/// <summary>Up to 16 at once; three retries (0.1 s, 0.5 s, 1 s), then the <c>_error</c> queue.</summary>
public sealed class ProjectSignedConsumerDefinition() : InboxConsumerDefinition<ProjectSignedConsumer>(16, [100, 500, 1000]);
