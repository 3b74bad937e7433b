using System.Text.Json;
using Zhaoshang.Contracts;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Messaging;
using Zhaoshang.Project;

namespace Zhaoshang.Project.Lifecycle;

/// <summary>Creates the project, in Negotiating (在谈), for a converted cooperation intent.</summary>
public sealed class CooperationIntentConvertedConsumer(Database database)
    : InboxConsumer<CooperationIntentConverted>(database)
{
    protected override async Task HandleAsync(
        CooperationIntentConverted message, UnitOfWork work, CancellationToken cancellationToken)
    {
        if (message.ProjectId == Guid.Empty || message.IntendedInvestment <= 0 || string.IsNullOrWhiteSpace(message.District))
            throw new InvalidMessageException($"Conversion of intent {message.IntentId} lacks a project id, a positive investment or a district.");

        using var activity = ProjectTelemetry.Source.StartActivity("open project");
        activity?.SetTag("zhaoshang.project.id", message.ProjectId).SetTag("zhaoshang.intent.id", message.IntentId);
        await work.LockRecordAsync(message.ProjectId);
        await work.ExecuteAsync(
            """
            INSERT INTO projects (id, intent_id, enterprise_id, enterprise_name, enterprise_uscc, enterprise_hq_region, industry,
                                  intended_investment, district, first_district, task_team, state, state_entered_at, created_at, updated_at,
                                  opened_on, verified_funds_cny)
            VALUES (@ProjectId, @IntentId, @EnterpriseId, @EnterpriseName, @EnterpriseUscc, @EnterpriseHqRegion, @Industry,
                    @IntendedInvestment, @District, @FirstDistrict, @TaskTeam::jsonb, @State, @ConvertedAt, @ConvertedAt, @ConvertedAt,
                    (@ConvertedAt AT TIME ZONE 'Asia/Shanghai')::date,
                    -- Verified reports that arrived first (FundsVerifiedConsumer) already give the total.
                    coalesce((SELECT max(project_verified_total_cny) FROM statistics_funds WHERE project_id = @ProjectId), 0))
            """,
            new
            {
                message.ProjectId, message.IntentId, message.EnterpriseId, message.EnterpriseName, message.EnterpriseUscc,
                EnterpriseHqRegion = string.IsNullOrWhiteSpace(message.EnterpriseHqRegion) ? null : message.EnterpriseHqRegion.Trim(), message.Industry, message.IntendedInvestment, message.District, message.FirstDistrict,
                TaskTeam = message.TaskTeam is null ? null : JsonSerializer.Serialize(message.TaskTeam, JsonSerializerOptions.Web),
                State = nameof(ProjectState.Negotiating),
                message.ConvertedAt,
            });
        await Timeline.RecordAsync(work, message.ProjectId, null, ProjectState.Negotiating, "合作意向转化", message.ConvertedAt);
        await work.AuditAsync("Project", message.ProjectId, "created from intent", null, message);
        await work.PublishAsync(new ProjectOpened(
            message.ProjectId, message.IntentId, nameof(ProjectState.Negotiating), message.ConvertedAt));
    }
}

/// <summary>Up to 16 at once; three retries (0.1 s, 0.5 s, 1 s), then the <c>_error</c> queue.</summary>
public sealed class CooperationIntentConvertedConsumerDefinition() : InboxConsumerDefinition<CooperationIntentConvertedConsumer>(16, [100, 500, 1000]);
