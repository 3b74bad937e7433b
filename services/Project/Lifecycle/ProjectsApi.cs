using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Contracts;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Project;

namespace Zhaoshang.Project.Lifecycle;

public static class ProjectsApi
{
    public static IEndpointRouteBuilder MapProjectsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/projects").WithTags("Projects (项目)");
        api.MapGet("/{id:guid}", GetProjectAsync).WithName("GetProject");
        api.MapPost("/{id:guid}/sign", SignProjectAsync).WithName("SignProject")
            .WithSummary("Records the signed investment agreement (签约): Negotiating → Signed.");
        return app;
    }

    public sealed record SignProjectRequest(string? AgreementNo, DateOnly? SignedOn, decimal? ContractedInvestment);

    internal static async Task<Results<Ok<ProjectView>, ProblemHttpResult>> GetProjectAsync(
        Guid id, Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ProjectRow>(ProjectRow.Select + " WHERE id = @id", new { id });
        return row is null ? Problems.NotFound("Project", id) : TypedResults.Ok(row.ToView());
    }

    internal static async Task<Results<Ok<ProjectView>, ValidationProblem, ProblemHttpResult>> SignProjectAsync(
        Guid id, SignProjectRequest request, Database database, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var errors = new ValidationErrors()
            .RequireText("agreementNo", request.AgreementNo, 64)
            .RequireDate("signedOn", request.SignedOn)
            .RequireAmount("contractedInvestment", request.ContractedInvestment);
        if (request.SignedOn > DateOnly.FromDateTime(now.UtcDateTime.AddHours(8)))
            errors.Add("signedOn", "'signedOn' cannot be in the future.");
        if (!errors.IsValid)
            return errors.ToProblem();

        using var activity = ProjectTelemetry.Source.StartActivity("sign project");
        activity?.SetTag("zhaoshang.project.id", id);
        await using var work = await database.BeginAsync(cancellationToken);
        var project = await work.QuerySingleOrDefaultAsync<ProjectRow>(ProjectRow.Select + " WHERE id = @id", new { id });
        if (project is null)
            return Problems.NotFound("Project", id);
        if (!ProjectTransitions.CanMove(project.State, ProjectState.Signed))
            return Problems.IllegalTransition("Project", project.State.ToString(), "signed");

        var updated = await work.ExecuteAsync(
            """
            UPDATE projects
            SET state = @State, agreement_no = @AgreementNo, signed_on = @SignedOn,
                contracted_investment = @ContractedInvestment, version = version + 1, updated_at = @now
            WHERE id = @id AND version = @Version
            """,
            new
            {
                State = nameof(ProjectState.Signed), AgreementNo = request.AgreementNo!.Trim(), request.SignedOn,
                request.ContractedInvestment, now, id, project.Version,
            });
        if (updated == 0)
            return Problems.Conflict("The project was changed meanwhile.", "Reload the project and try again.");

        await Timeline.RecordAsync(work, id, project.State, ProjectState.Signed, $"签约 {request.AgreementNo!.Trim()}", now);
        await work.PublishAsync(new ProjectSigned(
            id, request.AgreementNo.Trim(), request.SignedOn!.Value, request.ContractedInvestment!.Value,
            project.Industry, project.District, now));
        await work.CommitAsync(cancellationToken);

        var signed = await work.Connection.QuerySingleAsync<ProjectRow>(ProjectRow.Select + " WHERE id = @id", new { id });
        return TypedResults.Ok(signed.ToView());
    }
}
