using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Contracts;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Project.Lifecycle;

/// <summary>Stalls, resumptions, terminations and transfers (项目流转).</summary>
public static partial class StaffTransitionsApi
{
    internal static Task<Results<Ok<ProjectView>, ValidationProblem, ProblemHttpResult>> StallAsync(
        Guid id, ReasonRequest request, ClaimsPrincipal user, Database database, TimeProvider clock, CancellationToken cancellationToken) =>
        WithReasonAsync(id, request, ProjectState.Stalled, user, database, clock, cancellationToken);

    internal static Task<Results<Ok<ProjectView>, ValidationProblem, ProblemHttpResult>> TerminateAsync(
        Guid id, ReasonRequest request, ClaimsPrincipal user, Database database, TimeProvider clock, CancellationToken cancellationToken) =>
        WithReasonAsync(id, request, ProjectState.Terminated, user, database, clock, cancellationToken);

    internal static async Task<Results<Ok<ProjectView>, ValidationProblem, ProblemHttpResult>> ResumeAsync(
        Guid id, ReasonRequest request, ClaimsPrincipal user, Database database, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request.Reason?.Length > 2000)
            return new ValidationErrors().Add("reason", "'reason' must be at most 2000 characters.").ToProblem();
        await using var work = await database.BeginAsync(Actor.From(user), cancellationToken);
        var (project, refusal) = await ProjectLifecycle.FindForChangeAsync(work, id);
        if (refusal is not null)
            return refusal;
        if (project!.State != ProjectState.Stalled)
            return Problems.IllegalTransition("Project", project.State.ToString(), "resumed");
        return await TransitionAsync(work, id, project.StalledFrom!.Value, request.Reason?.Trim() ?? "恢复推进", request.Version, clock,
            cancellationToken, async _ =>
            {
                // 拿地即开工 still holds when the permit came while the project was stalled: it starts the day it resumes.
                var resumed = await ProjectLifecycle.FindForUpdateAsync(work, id);
                await ApprovalOutcomes.StartOnPermitAsync(work, resumed!, clock, clock.TodayInChina());
            });
    }

    internal static async Task<Results<Ok<ProjectView>, ValidationProblem, ProblemHttpResult>> TransferAsync(
        Guid id, TransferRequest request, ClaimsPrincipal user, Database database, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().RequireText("toDistrict", request.ToDistrict, 50).RequireText("reason", request.Reason, 2000);
        if (!errors.IsValid)
            return errors.ToProblem();
        await using var work = await database.BeginAsync(Actor.From(user), cancellationToken);
        var (project, refusal) = await ProjectLifecycle.FindForChangeAsync(work, id);
        if (refusal is not null)
            return refusal;
        if (project!.State is ProjectState.InProduction or ProjectState.Terminated)
            return Problems.IllegalTransition("Project", project.State.ToString(), "transferred");
        var toDistrict = request.ToDistrict!.Trim();
        if (toDistrict == project.District)
            return errors.Add("toDistrict", $"The project is already in {toDistrict}.").ToProblem();
        if (request.Version is not null && request.Version != project.Version)
            return Problems.Conflict("The project was changed meanwhile.", $"Reload it (now at version {project.Version}) and try again.");

        var now = clock.GetUtcNow();
        var reason = $"流转至{toDistrict}：{request.Reason!.Trim()}";
        await work.ExecuteAsync(
            "UPDATE projects SET district = @toDistrict, version = @NextVersion, updated_at = @now WHERE id = @id",
            new { toDistrict, project.NextVersion, now, id });
        await Timeline.RecordAsync(work, id, project.State, project.State, reason, now);
        await work.AuditAsync("Project", id, "transferred", new { project.District }, new { District = toDistrict, project.FirstDistrict, Reason = request.Reason });
        await work.PublishAsync(new ProjectTransferred(
            id, project.District, toDistrict, project.FirstDistrict, request.Reason.Trim(), now, project.NextVersion));
        await work.CommitAsync(cancellationToken);
        return TypedResults.Ok(await CommittedViewAsync(work, id));
    }

    private static async Task<Results<Ok<ProjectView>, ValidationProblem, ProblemHttpResult>> WithReasonAsync(
        Guid id, ReasonRequest request, ProjectState to, ClaimsPrincipal user, Database database, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().RequireText("reason", request.Reason, 2000);
        if (!errors.IsValid)
            return errors.ToProblem();
        await using var work = await database.BeginAsync(Actor.From(user), cancellationToken);
        return await TransitionAsync(work, id, to, request.Reason!.Trim(), request.Version, clock, cancellationToken, _ => Task.CompletedTask);
    }
}
