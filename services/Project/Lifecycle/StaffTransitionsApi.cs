using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Project.Lifecycle;

/// <summary>
/// The transitions staff make. Each request may carry the <c>version</c> it read; a stale one is refused with 409, and one
/// without a version is refused only when its transition is not allowed from the project's state.
/// Construction normally starts from the approval service's permit; staff record it by hand only with the permit on file.
/// </summary>
public static partial class StaffTransitionsApi
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

    /// <summary>
    /// <c>park</c> by name or id; a park outside the project's district only from the bureau, with <c>parkOutsideDistrict</c>.
    /// </summary>
    public sealed record SignRequest(
        string? AgreementNo, DateOnly? SignedOn, decimal? ContractedInvestment, string? Park, ApprovalProfileRequest? ApprovalProfile,
        int? Version, bool? ParkOutsideDistrict = null);

    public sealed record RegisterRequest(string? CompanyName, string? CompanyUscc, int? Version);

    public sealed record LandRequest(string? ParcelId, decimal? AreaMu, DateOnly? ContractDate, int? Version);

    public sealed record DateRequest(DateOnly? On, int? Version);

    public sealed record ReasonRequest(string? Reason, int? Version);

    public sealed record TransferRequest(string? ToDistrict, string? Reason, int? Version);

    /// <summary>The day a milestone was reached, when given: not in the future, not before the records begin.</summary>
    private static ValidationErrors CheckDay(DateRequest request, TimeProvider clock)
    {
        var errors = new ValidationErrors().CheckDate("on", request.On);
        return request.On > clock.TodayInChina() ? errors.Add("on", "'on' cannot be in the future.") : errors;
    }

    /// <summary>
    /// A milestone's day entered after the fact (staff record yesterday's start today) cannot come before the step it
    /// follows: refused naming <c>on</c>.
    /// </summary>
    private static ValidationErrors? NotBefore(DateOnly? on, DateOnly? previous, string previousStep) =>
        on < previous ? new ValidationErrors().Add("on", $"'on' cannot be before {previous:yyyy-MM-dd}, the day {previousStep}.") : null;

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
