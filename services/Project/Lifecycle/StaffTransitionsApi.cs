using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Contracts;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Identifiers;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Project.Lifecycle;

/// <summary>
/// The transitions staff make. Each request may carry the <c>version</c> it read; a stale one is refused with 409.
/// Construction normally starts from the approval service's permit; staff record it by hand only with the permit on file.
/// </summary>
public static class StaffTransitionsApi
{
    public static readonly string[] Changers = [Roles.Bureau, Roles.District];

    public static IEndpointRouteBuilder MapStaffTransitionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/projects/{id:guid}").WithTags("Projects (项目)");
        api.MapPost("/sign", SignAsync).WithName("SignProject").AllowRoles(Changers)
            .WithSummary("签约: agreement no., date, contracted investment, park — Negotiating → Signed.");
        api.MapPost("/register", RegisterAsync).WithName("RegisterProject").AllowRoles(Changers)
            .WithSummary("注册落地: the project company and its USCC — Signed → Registered.");
        api.MapPost("/acquire-land", AcquireLandAsync).WithName("AcquireLand").AllowRoles(Changers)
            .WithSummary("拿地: parcel, area in 亩, land-transfer contract date — Registered → LandAcquired; the certificates follow (四证齐发).");
        api.MapPost("/start-construction", StartConstructionAsync).WithName("StartConstruction").AllowRoles(Changers)
            .WithSummary("开工 by hand, only with the construction permit on file — LandAcquired → UnderConstruction.");
        api.MapPost("/go-live", GoLiveAsync).WithName("GoLive").AllowRoles(Changers)
            .WithSummary("投产 — UnderConstruction → InProduction.");
        api.MapPost("/stall", StallAsync).WithName("StallProject").AllowRoles(Changers)
            .WithSummary("停滞, with the reason; resume returns the project to the stage it stalled in.");
        api.MapPost("/resume", ResumeAsync).WithName("ResumeProject").AllowRoles(Changers)
            .WithSummary("Back to the stage the project stalled in.");
        api.MapPost("/terminate", TerminateAsync).WithName("TerminateProject").AllowRoles(Changers)
            .WithSummary("终止, with the reason; incentives paid within a policy's clawback period are clawed back.");
        api.MapPost("/transfer", TransferAsync).WithName("TransferProject").AllowRoles(Changers)
            .WithSummary("项目流转: moves the project to another district with its history; the first district keeps its 首谈 credit.");
        return app;
    }

    public sealed record ApprovalProfileRequest(string? Filing, string? Eia, bool? EnergyReview);

    public sealed record SignRequest(
        string? AgreementNo, DateOnly? SignedOn, decimal? ContractedInvestment, string? Park, ApprovalProfileRequest? ApprovalProfile,
        int? Version);

    public sealed record RegisterRequest(string? CompanyName, string? CompanyUscc, int? Version);

    public sealed record LandRequest(string? ParcelId, decimal? AreaMu, DateOnly? ContractDate, int? Version);

    public sealed record DateRequest(DateOnly? On, int? Version);

    public sealed record ReasonRequest(string? Reason, int? Version);

    public sealed record TransferRequest(string? ToDistrict, string? Reason, int? Version);

    private static readonly string[] Filings = ["Filing", "Verification"];
    private static readonly string[] EiaKinds = ["Report", "Form", "Exempt"];

    internal static async Task<Results<Ok<ProjectView>, ValidationProblem, ProblemHttpResult>> SignAsync(
        Guid id, SignRequest request, ClaimsPrincipal user, Database database, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .RequireText("agreementNo", request.AgreementNo, 64)
            .RequireDate("signedOn", request.SignedOn)
            .RequireAmount("contractedInvestment", request.ContractedInvestment)
            .RequireText("park", request.Park, 100);
        if (request.SignedOn > clock.TodayInChina())
            errors.Add("signedOn", "'signedOn' cannot be in the future.");
        var profile = new ProjectApprovalProfile(
            request.ApprovalProfile?.Filing ?? "Filing", request.ApprovalProfile?.Eia ?? "Form", request.ApprovalProfile?.EnergyReview ?? true);
        if (!Filings.Contains(profile.Filing))
            errors.Add("approvalProfile.filing", "'approvalProfile.filing' is Filing (备案) or Verification (核准).");
        if (!EiaKinds.Contains(profile.Eia))
            errors.Add("approvalProfile.eia", "'approvalProfile.eia' is Report (报告书), Form (报告表) or Exempt.");
        if (!errors.IsValid)
            return errors.ToProblem();

        using var activity = ProjectTelemetry.Source.StartActivity("sign project");
        activity?.SetTag("zhaoshang.project.id", id);
        await using var work = await database.BeginAsync(Actor.From(user), cancellationToken);
        var park = request.Park!.Trim();
        if (await work.QuerySingleOrDefaultAsync<int>("SELECT count(*) FROM parks WHERE name = @park", new { park }) == 0)
            return errors.Add("park", $"There is no park named {park}.").ToProblem();
        return await TransitionAsync(work, id, ProjectState.Signed, $"签约 {request.AgreementNo!.Trim()}", request.Version, clock, cancellationToken,
            async project =>
            {
                await work.ExecuteAsync(
                    """
                    UPDATE projects SET agreement_no = @AgreementNo, signed_on = @SignedOn, contracted_investment = @ContractedInvestment,
                                        park = @park
                    WHERE id = @id
                    """,
                    new { AgreementNo = request.AgreementNo!.Trim(), request.SignedOn, request.ContractedInvestment, park, id });
                await work.PublishAsync(new ProjectSigned(
                    id, request.AgreementNo!.Trim(), request.SignedOn!.Value, request.ContractedInvestment!.Value, project.Industry,
                    project.District, park, profile, project.Team, clock.GetUtcNow()));
            });
    }

    internal static async Task<Results<Ok<ProjectView>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        Guid id, RegisterRequest request, ClaimsPrincipal user, Database database, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().RequireText("companyName", request.CompanyName);
        if (string.IsNullOrWhiteSpace(request.CompanyUscc))
            errors.Add("companyUscc", "'companyUscc' is required.");
        else if (Uscc.Problem(request.CompanyUscc) is { } problem)
            errors.Add("companyUscc", problem);
        if (!errors.IsValid)
            return errors.ToProblem();

        await using var work = await database.BeginAsync(Actor.From(user), cancellationToken);
        return await TransitionAsync(work, id, ProjectState.Registered, $"注册 {request.CompanyName!.Trim()}", request.Version, clock, cancellationToken,
            _ => work.ExecuteAsync(
                "UPDATE projects SET company_name = @CompanyName, company_uscc = @CompanyUscc WHERE id = @id",
                new { CompanyName = request.CompanyName!.Trim(), request.CompanyUscc, id }));
    }

    internal static async Task<Results<Ok<ProjectView>, ValidationProblem, ProblemHttpResult>> AcquireLandAsync(
        Guid id, LandRequest request, ClaimsPrincipal user, Database database, TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = clock.TodayInChina();
        var errors = new ValidationErrors()
            .RequireText("parcelId", request.ParcelId, 64)
            .RequireAmount("areaMu", request.AreaMu)
            .RequireDate("contractDate", request.ContractDate);
        if (request.ContractDate > today)
            errors.Add("contractDate", "'contractDate' cannot be in the future.");
        if (!errors.IsValid)
            return errors.ToProblem();

        await using var work = await database.BeginAsync(Actor.From(user), cancellationToken);
        return await TransitionAsync(work, id, ProjectState.LandAcquired, $"拿地 {request.ParcelId!.Trim()}", request.Version, clock, cancellationToken,
            async _ =>
            {
                await work.ExecuteAsync(
                    """
                    UPDATE projects SET parcel_id = @ParcelId, area_mu = @AreaMu, land_contract_date = @ContractDate,
                                        land_acquired_on = @today
                    WHERE id = @id
                    """,
                    new { ParcelId = request.ParcelId!.Trim(), request.AreaMu, request.ContractDate, today, id });
                await work.PublishAsync(new ProjectLandAcquired(
                    id, request.ParcelId!.Trim(), request.AreaMu!.Value, request.ContractDate!.Value, clock.GetUtcNow()));
            });
    }

    internal static async Task<Results<Ok<ProjectView>, ValidationProblem, ProblemHttpResult>> StartConstructionAsync(
        Guid id, DateRequest request, ClaimsPrincipal user, Database database, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (CheckDay(request, clock) is { IsValid: false } errors)
            return errors.ToProblem();
        await using var work = await database.BeginAsync(Actor.From(user), cancellationToken);
        var (project, refusal) = await ProjectLifecycle.FindForChangeAsync(work, id);
        if (refusal is not null)
            return refusal;
        if (project!.ConstructionPermitIssuedOn is null)
            return Problems.Conflict("No construction permit on file.", "Construction can start only once the approval service has issued the permit (施工许可证).");
        var startedOn = request.On ?? clock.TodayInChina();
        return await TransitionAsync(work, id, ProjectState.UnderConstruction, "开工（人工登记）", request.Version, clock, cancellationToken,
            _ => work.ExecuteAsync("UPDATE projects SET construction_started_on = @startedOn WHERE id = @id", new { startedOn, id }));
    }

    internal static async Task<Results<Ok<ProjectView>, ValidationProblem, ProblemHttpResult>> GoLiveAsync(
        Guid id, DateRequest request, ClaimsPrincipal user, Database database, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (CheckDay(request, clock) is { IsValid: false } errors)
            return errors.ToProblem();
        var day = request.On ?? clock.TodayInChina();
        await using var work = await database.BeginAsync(Actor.From(user), cancellationToken);
        return await TransitionAsync(work, id, ProjectState.InProduction, "投产", request.Version, clock, cancellationToken,
            _ => work.ExecuteAsync("UPDATE projects SET production_started_on = @day WHERE id = @id", new { day, id }));
    }

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
            cancellationToken, _ => Task.CompletedTask);
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
        if (project!.State is ProjectState.InProduction or ProjectState.Terminated or ProjectState.TransferredOut)
            return Problems.IllegalTransition("Project", project.State.ToString(), "transferred");
        var toDistrict = request.ToDistrict!.Trim();
        if (toDistrict == project.District)
            return errors.Add("toDistrict", $"The project is already in {toDistrict}.").ToProblem();
        if (request.Version is not null && request.Version != project.Version)
            return Problems.Conflict("The project was changed meanwhile.", $"Reload it (now at version {project.Version}) and try again.");

        var now = clock.GetUtcNow();
        var reason = $"流转至{toDistrict}：{request.Reason!.Trim()}";
        if (await work.ExecuteAsync(
                "UPDATE projects SET district = @toDistrict, version = version + 1, updated_at = @now WHERE id = @id AND version = @Version",
                new { toDistrict, now, id, project.Version }) == 0)
            return Problems.Conflict("The project was changed meanwhile.", "Reload it and try again.");
        await Timeline.RecordAsync(work, id, project.State, project.State, reason, now);
        await work.AuditAsync("Project", id, "transferred", new { project.District }, new { District = toDistrict, project.FirstDistrict, Reason = request.Reason });
        await work.PublishAsync(new ProjectTransferred(id, project.District, toDistrict, project.FirstDistrict, request.Reason.Trim(), now));
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

    /// <summary>The day a milestone was reached, when given: not in the future, not before the records begin.</summary>
    private static ValidationErrors CheckDay(DateRequest request, TimeProvider clock)
    {
        var errors = new ValidationErrors().CheckDate("on", request.On);
        return request.On > clock.TodayInChina() ? errors.Add("on", "'on' cannot be in the future.") : errors;
    }

    /// <summary>The project as the committed unit of work left it (read outside the finished transaction).</summary>
    private static async Task<ProjectView> CommittedViewAsync(UnitOfWork work, Guid id) =>
        (await work.Connection.QuerySingleAsync<ProjectRow>(ProjectRow.Select + " WHERE id = @id", new { id })).ToView();

    /// <summary>Checks access and the rule, moves the project, writes what the step adds, commits, and returns the project.</summary>
    private static async Task<Results<Ok<ProjectView>, ValidationProblem, ProblemHttpResult>> TransitionAsync(
        UnitOfWork work, Guid id, ProjectState to, string reason, int? expectedVersion, TimeProvider clock,
        CancellationToken cancellationToken, Func<ProjectRow, Task> details)
    {
        var (project, refusal) = await ProjectLifecycle.FindForChangeAsync(work, id);
        if (refusal is not null)
            return refusal;
        if (await ProjectLifecycle.MoveAsync(work, project!, to, reason, clock, expectedVersion) is { } conflict)
            return conflict;
        await details(project!);
        await work.CommitAsync(cancellationToken);
        return TypedResults.Ok(await CommittedViewAsync(work, id));
    }
}
