using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Security;
using Zhaoshang.Project.Lifecycle;

namespace Zhaoshang.Project.MasterData;

/// <summary>
/// Correcting a project's master data in any state. The version it requires is the project's own, so an edit made on a
/// stale copy of the project is refused; nothing is published, as no other service keeps these fields.
/// </summary>
public static class MasterDataApi
{
    public static IEndpointRouteBuilder MapMasterDataApi(this IEndpointRouteBuilder app)
    {
        app.MapPut("/api/projects/{id:guid}/master-data", UpdateMasterDataAsync).WithTags("Projects (项目)")
            .WithName("UpdateProjectMasterData").AllowRoles(StaffTransitionsApi.Changers)
            .WithSummary("项目基本信息: name, 建设内容, 地点, planned start and finish, 就业人数, committed 投资强度 and 亩均税收 (万元/亩); send the project's version you read (stale → 409 with the project as it is).");
        return app;
    }

    internal static async Task<Results<Ok<ProjectView>, ValidationProblem, ProblemHttpResult>> UpdateMasterDataAsync(
        Guid id, MasterDataRequest request, ClaimsPrincipal user, Database database, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = request.Validate();
        if (!errors.IsValid)
            return errors.ToProblem();

        await using var work = await database.BeginAsync(Actor.From(user), cancellationToken);
        var (project, refusal) = await ProjectLifecycle.FindForChangeAsync(work, id);
        if (refusal is not null)
            return refusal;
        if (project!.Version != request.Version)
            return Problems.StaleVersion("Project", project.Version, project.ToView());

        var data = request.ToMasterData();
        await work.ExecuteAsync(
            """
            UPDATE projects
            SET name = @Name, construction_content = @ConstructionContent, location = @Location,
                planned_start_on = @PlannedStartOn, planned_finish_on = @PlannedFinishOn, jobs = @Jobs,
                committed_investment_intensity = @CommittedInvestmentIntensity, committed_tax_per_mu = @CommittedTaxPerMu,
                version = @NextVersion, updated_at = @now
            WHERE id = @id
            """,
            new
            {
                data.Name, data.ConstructionContent, data.Location, data.PlannedStartOn, data.PlannedFinishOn, data.Jobs,
                data.CommittedInvestmentIntensity, data.CommittedTaxPerMu, project.NextVersion, now = clock.GetUtcNow(), id,
            });
        await work.AuditAsync("Project", id, "master data corrected", project.MasterData, data);
        var updated = (await ProjectLifecycle.FindAsync(work, id))!.ToView();
        await work.CommitAsync(cancellationToken);
        return TypedResults.Ok(updated);
    }
}
