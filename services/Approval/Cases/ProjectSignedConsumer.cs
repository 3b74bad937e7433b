using System.Text.Json;
using Zhaoshang.Approval.Integrations;
using Zhaoshang.Contracts;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Messaging;

namespace Zhaoshang.Approval.Cases;

/// <summary>
/// Opens the approval case of a newly signed project: the items its profile needs, limits shortened by the green
/// channel, items without prerequisites open at once; decisions that arrived before the case are applied now.
/// </summary>
public sealed class ProjectSignedConsumer(Database database, ApprovalCatalogue catalogue, WorkCalendar calendar, TimeProvider clock)
    : InboxConsumer<ProjectSigned>(database)
{
    protected override async Task HandleAsync(ProjectSigned message, UnitOfWork work, CancellationToken cancellationToken)
    {
        var caseId = Guid.CreateVersion7();
        using var activity = ApprovalTelemetry.Source.StartActivity("open approval case");
        activity?.SetTag("zhaoshang.project.id", message.ProjectId).SetTag("zhaoshang.approval.case.id", caseId);
        var tier = GreenChannel.TierFor(message.ContractedInvestment);
        var items = catalogue.SelectFor(message.ApprovalProfile);
        await work.ExecuteAsync(
            """
            INSERT INTO approval_cases (id, project_id, contracted_investment, district, park, green_channel, agent_service,
                                        task_team, opened_at)
            VALUES (@caseId, @ProjectId, @ContractedInvestment, @District, @Park, @GreenChannel, @AgentService,
                    @TaskTeam::jsonb, @OpenedAt)
            """,
            new
            {
                caseId, message.ProjectId, message.ContractedInvestment, message.District, message.Park,
                GreenChannel = tier.ToString(), AgentService = tier == GreenChannelTier.MajorProject,
                TaskTeam = tier == GreenChannelTier.MajorProject && message.TaskTeam is not null
                    ? JsonSerializer.Serialize(message.TaskTeam, JsonSerializerOptions.Web) : null,
                OpenedAt = clock.GetUtcNow(),
            });
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
        await workflow.AdvanceAsync();
        await DecisionIntake.ApplyParkedAsync(work, workflow, clock);
    }
}

/// <summary>Up to 16 at once; three retries (0.1 s, 0.5 s, 1 s), then the <c>_error</c> queue.</summary>
public sealed class ProjectSignedConsumerDefinition() : InboxConsumerDefinition<ProjectSignedConsumer>(16, [100, 500, 1000]);
