using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Contracts;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Project.Lifecycle;

public static class ProjectsApi
{
    public static IEndpointRouteBuilder MapProjectsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/projects").WithTags("Projects (项目)");
        api.MapGet("/{id:guid}", GetProjectAsync).WithName("GetProject").AllowRoles(Roles.Staff);
        api.MapPost("/{id:guid}/sign", SignProjectAsync).WithName("SignProject")
            .WithSummary("Records the signed investment agreement (签约): Negotiating → Signed.")
            .AllowRoles(Roles.Bureau, Roles.District);
        return app;
    }

    public sealed record SignProjectRequest(string? AgreementNo, DateOnly? SignedOn, decimal? ContractedInvestment, string? Park);

    internal static async Task<Results<Ok<ProjectView>, ProblemHttpResult>> GetProjectAsync(
        Guid id, ClaimsPrincipal user, Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ProjectRow>(ProjectRow.Select + " WHERE id = @id", new { id });
        return row is null || !Actor.From(user).CanSee(row.Scope) ? Problems.NotFound("Project", id) : TypedResults.Ok(row.ToView());
    }

    internal static async Task<Results<Ok<ProjectView>, ValidationProblem, ProblemHttpResult>> SignProjectAsync(
        Guid id, SignProjectRequest request, ClaimsPrincipal user, Database database, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var errors = new ValidationErrors()
            .RequireText("agreementNo", request.AgreementNo, 64)
            .RequireDate("signedOn", request.SignedOn)
            .RequireAmount("contractedInvestment", request.ContractedInvestment)
            .RequireText("park", request.Park, 100);
        if (request.SignedOn > DateOnly.FromDateTime(now.UtcDateTime.AddHours(8)))
            errors.Add("signedOn", "'signedOn' cannot be in the future.");
        if (!errors.IsValid)
            return errors.ToProblem();

        using var activity = ProjectTelemetry.Source.StartActivity("sign project");
        activity?.SetTag("zhaoshang.project.id", id);
        await using var work = await database.BeginAsync(Actor.From(user), cancellationToken);
        var project = await work.QuerySingleOrDefaultAsync<ProjectRow>(ProjectRow.Select + " WHERE id = @id", new { id });
        if (project is null || !work.Actor.CanChange(project.Scope))
            return Problems.NotFound("Project", id);
        if (!ProjectTransitions.CanMove(project.State, ProjectState.Signed))
            return Problems.IllegalTransition("Project", project.State.ToString(), "signed");

        var signed = project with
        {
            State = ProjectState.Signed, AgreementNo = request.AgreementNo!.Trim(), SignedOn = request.SignedOn,
            ContractedInvestment = request.ContractedInvestment, Park = request.Park!.Trim(),
        };
        var updated = await work.ExecuteAsync(
            """
            UPDATE projects
            SET state = @State, agreement_no = @AgreementNo, signed_on = @SignedOn,
                contracted_investment = @ContractedInvestment, park = @Park, version = version + 1, updated_at = @now
            WHERE id = @id AND version = @Version
            """,
            new
            {
                State = signed.State.ToString(), signed.AgreementNo, signed.SignedOn, signed.ContractedInvestment,
                signed.Park, now, id, project.Version,
            });
        if (updated == 0)
            return Problems.Conflict("The project was changed meanwhile.", "Reload the project and try again.");

        await Timeline.RecordAsync(work, id, project.State, ProjectState.Signed, $"签约 {signed.AgreementNo}", now);
        await work.AuditAsync("Project", id, "signed",
            new { project.State },
            new { signed.State, signed.AgreementNo, signed.SignedOn, signed.ContractedInvestment, signed.Park });
        await work.PublishAsync(new ProjectSigned(
            id, signed.AgreementNo, signed.SignedOn!.Value, signed.ContractedInvestment!.Value,
            project.Industry, project.District, signed.Park, now));
        await work.CommitAsync(cancellationToken);

        var current = await work.Connection.QuerySingleAsync<ProjectRow>(ProjectRow.Select + " WHERE id = @id", new { id });
        return TypedResults.Ok(current.ToView());
    }
}
