using Zhaoshang.Contracts;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Data;
using Zhaoshang.Project.NodePlans.Fulfilment;
using Zhaoshang.Project.NodePlans.Templates;

namespace Zhaoshang.Project.NodePlans.Plans;

/// <summary>
/// Makes a project's plan from the template for its sector, dated from the signing day, in the signing's transaction.
/// The task team's leading official and department answer for it (双轨包保) until staff assign others; their name is
/// known, their username not yet, so reminders reach them once assigned. Facts already on file complete their nodes.
/// </summary>
internal static class NodePlanning
{
    public static async Task CreateAsync(
        UnitOfWork work, Guid projectId, string industry, IntentTaskTeam? team, DateOnly signedOn, WorkCalendar calendar, TimeProvider clock)
    {
        await work.LockRecordAsync(projectId);
        var templates = (await work.QueryAsync<TemplateRow>(TemplateRow.Select)).Select(r => r.ToTemplate()).ToList();
        var sector = await work.QuerySingleOrDefaultAsync<string?>(ProjectSectors.SectorOfIndustry, new { industry });
        var template = ProjectSectors.Choose(templates, sector);
        var created = await work.ExecuteAsync(
            """
            INSERT INTO project_node_plans (project_id, template_id, template_name, leader, leader_name, department, created_at)
            VALUES (@projectId, @Id, @Name, NULL, @LeaderName, @Department, @now)
            ON CONFLICT (project_id) DO NOTHING
            """,
            new { projectId, template.Id, template.Name, LeaderName = team?.LeadOfficial, team?.Department, now = clock.GetUtcNow() });
        if (created == 0)
            return;

        var nodes = template.Nodes().ToList();
        var planned = PlanDating.Date(nodes.Select(n => n.Node), signedOn, calendar);
        for (var i = 0; i < nodes.Count; i++)
        {
            var (phase, step, node) = nodes[i];
            await work.ExecuteAsync(
                """
                INSERT INTO project_nodes (id, project_id, position, phase, step, code, name, owner, owner_name, department, anchor,
                                           offset_working_days, planned_on, fulfilled_by, evidence_required)
                VALUES (@Id, @projectId, @i, @phase, @step, @Code, @Name, NULL, @OwnerName, @Department, @Anchor,
                        @Offset, @PlannedOn, @FulfilledBy, @Evidence)
                """,
                new
                {
                    Id = Guid.CreateVersion7(), projectId, i, phase, step, node.Code, node.Name, OwnerName = team?.LeadOfficial,
                    Department = node.Department ?? team?.Department, node.Anchor, Offset = node.OffsetWorkingDays ?? 0,
                    PlannedOn = planned[node.Code!], node.FulfilledBy, Evidence = (node.EvidenceRequired ?? []).ToArray(),
                });
        }

        await NodeHistory.RecordAsync(work, projectId, null, "plan created", null, null,
            new { TemplateId = template.Id, Template = template.Name, SignedOn = signedOn }, clock);
        await work.AuditAsync("NodePlan", projectId, "created", null, new { TemplateId = template.Id, Nodes = nodes.Count });
        await NodeFacts.ApplyAsync(work, projectId, clock);
    }
}
