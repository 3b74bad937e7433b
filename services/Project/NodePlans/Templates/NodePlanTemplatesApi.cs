using System.Security.Claims;
using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Hosting;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Project.NodePlans.Templates;

/// <summary>The node plan templates the bureau keeps; a plan is made from one at signing, so edits shape later plans only.</summary>
public static class NodePlanTemplatesApi
{
    public static IEndpointRouteBuilder MapNodePlanTemplatesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/node-plan-templates").WithTag("Node plans (节点计划)",
            "Node plan templates, each project's plan with its owners, deadlines, evidence and graded warnings, and 我的待办.");
        api.MapGet("/", ListAsync).WithName("ListNodePlanTemplates").AllowRoles(Roles.Staff)
            .WithSummary("Every node plan template, the default first.");
        api.MapGet("/{id:guid}", GetAsync).WithName("GetNodePlanTemplate").AllowRoles(Roles.Staff)
            .WithSummary("One template: phases → steps → nodes.");
        api.MapPost("/", CreateAsync).WithName("CreateNodePlanTemplate").AllowRoles(Roles.Bureau)
            .WithSummary("Adds a template for the sectors (一产/二产/三产) it names; isDefault makes it the default instead of the current one.");
        api.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateNodePlanTemplate").AllowRoles(Roles.Bureau)
            .WithSummary("Replaces a template (plans made already keep their nodes); send the version you read.");
        return app;
    }

    public sealed record TemplateRequest(
        string? Name, IReadOnlyList<string>? Sectors, bool? IsDefault, IReadOnlyList<TemplatePhase>? Phases, int? Version);

    internal static async Task<Ok<IReadOnlyList<NodePlanTemplate>>> ListAsync(Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<TemplateRow>(TemplateRow.Select + " ORDER BY is_default DESC, name");
        return TypedResults.Ok<IReadOnlyList<NodePlanTemplate>>(rows.Select(r => r.ToTemplate()).ToList());
    }

    internal static async Task<Results<Ok<NodePlanTemplate>, ProblemHttpResult>> GetAsync(
        Guid id, Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<TemplateRow>(TemplateRow.Select + " WHERE id = @id", new { id });
        return row is null ? Problems.NotFound("NodePlanTemplate", id) : TypedResults.Ok(row.ToTemplate());
    }

    internal static async Task<Results<Created<NodePlanTemplate>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        TemplateRequest request, ClaimsPrincipal user, Database database, CancellationToken cancellationToken)
    {
        var errors = TemplateRules.Check(request.Name, request.Sectors, request.Phases);
        if (!errors.IsValid)
            return errors.ToProblem();
        var template = ToTemplate(Guid.CreateVersion7(), request, 1);
        await using var work = await database.BeginAsync(Actor.From(user), cancellationToken);
        if (await SaveAsync(work, template, insert: true) is { } conflict)
            return conflict;
        await work.AuditAsync("NodePlanTemplate", template.Id, "created", null, template);
        await work.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/node-plan-templates/{template.Id}", template);
    }

    internal static async Task<Results<Ok<NodePlanTemplate>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, TemplateRequest request, ClaimsPrincipal user, Database database, CancellationToken cancellationToken)
    {
        var errors = TemplateRules.Check(request.Name, request.Sectors, request.Phases);
        if (request.Version is null)
            errors.Add("version", "'version' is required: send the version you read.");
        if (!errors.IsValid)
            return errors.ToProblem();
        await using var work = await database.BeginAsync(Actor.From(user), cancellationToken);
        var current = (await work.QuerySingleOrDefaultAsync<TemplateRow>(TemplateRow.Select + " WHERE id = @id FOR UPDATE", new { id }))?.ToTemplate();
        if (current is null)
            return Problems.NotFound("NodePlanTemplate", id);
        if (current.Version != request.Version)
            return Problems.Conflict("The template was changed meanwhile.", $"It is at version {current.Version}; reload it and try again.");
        if (current.IsDefault && request.IsDefault == false)
            return Problems.Conflict("The default template stays the default.", "Make another template the default instead (isDefault: true on it).");
        var template = ToTemplate(id, request with { IsDefault = request.IsDefault ?? current.IsDefault }, current.Version + 1);
        if (await SaveAsync(work, template, insert: false) is { } conflict)
            return conflict;
        await work.AuditAsync("NodePlanTemplate", id, "updated", current, template);
        await work.CommitAsync(cancellationToken);
        return TypedResults.Ok(template);
    }

    private static NodePlanTemplate ToTemplate(Guid id, TemplateRequest request, int version) => new(
        id, request.Name!.Trim(), (request.Sectors ?? []).Distinct().ToArray(), request.IsDefault ?? false, request.Phases!, version);

    private static async Task<ProblemHttpResult?> SaveAsync(UnitOfWork work, NodePlanTemplate template, bool insert)
    {
        // One default: a new default takes over from the old one in the same transaction.
        if (template.IsDefault)
            await work.ExecuteAsync("UPDATE node_plan_templates SET is_default = false WHERE is_default AND id <> @Id", new { template.Id });
        var parameters = new
        {
            template.Id, template.Name, Sectors = template.Sectors.ToArray(), template.IsDefault,
            Phases = JsonSerializer.Serialize(template.Phases, JsonSerializerOptions.Web), template.Version,
        };
        try
        {
            await work.ExecuteAsync(insert
                ? """
                  INSERT INTO node_plan_templates (id, name, sectors, is_default, phases, version)
                  VALUES (@Id, @Name, @Sectors, @IsDefault, @Phases::jsonb, @Version)
                  """
                : """
                  UPDATE node_plan_templates SET name = @Name, sectors = @Sectors, is_default = @IsDefault, phases = @Phases::jsonb,
                                                 version = @Version, updated_at = now()
                  WHERE id = @Id
                  """, parameters);
            return null;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return Problems.Conflict("Duplicate template.", $"A template named {template.Name} exists already.");
        }
    }
}
