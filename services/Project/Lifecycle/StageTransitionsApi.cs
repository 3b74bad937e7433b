using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Contracts;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Identifiers;
using Zhaoshang.Platform.Security;
using Zhaoshang.Project.NodePlans.Fulfilment;
using Zhaoshang.Project.NodePlans.Plans;
using Zhaoshang.Project.Parks;

namespace Zhaoshang.Project.Lifecycle;

/// <summary>The stages forward: 签约, 注册, 拿地, 开工 by hand and 投产.</summary>
public static partial class StaffTransitionsApi
{
    private static readonly string[] Filings = ["Filing", "Verification"];
    private static readonly string[] EiaKinds = ["Report", "Form", "Exempt"];

    /// <summary>What <c>projects.area_mu</c> (numeric(12,2), 亩) holds.</summary>
    private const decimal MaxAreaMu = 9_999_999_999.99m;

    internal static async Task<Results<Ok<ProjectView>, ValidationProblem, ProblemHttpResult>> SignAsync(
        Guid id, SignRequest request, ClaimsPrincipal user, Database database, WorkCalendar calendar, TimeProvider clock,
        CancellationToken cancellationToken)
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
        var (project, refusal) = await ProjectLifecycle.FindForChangeAsync(work, id);
        if (refusal is not null)
            return refusal;
        var named = request.Park!.Trim();
        // Key-share lock: the park cannot be removed while a project is being placed in it.
        var park = await work.QuerySingleOrDefaultAsync<Park>(
            Park.Select + " WHERE name = @named OR id::text = @named FOR KEY SHARE", new { named });
        if (park is null)
            return errors.Add("park", $"There is no park named {named}.").ToProblem();
        if (park.District != project!.District && !(request.ParkOutsideDistrict == true && work.Actor.Role == Roles.Bureau))
            return errors.Add("park",
                $"{park.Name} is in {park.District}, outside the project's district {project.District}; only the bureau may place it there, " +
                "with 'parkOutsideDistrict': true.").ToProblem();
        return await TransitionAsync(work, id, ProjectState.Signed, $"签约 {request.AgreementNo!.Trim()}", request.Version, clock, cancellationToken,
            async signing =>
            {
                await work.ExecuteAsync(
                    """
                    UPDATE projects SET agreement_no = @AgreementNo, signed_on = @SignedOn, contracted_investment = @ContractedInvestment,
                                        park_id = @ParkId
                    WHERE id = @id
                    """,
                    new { AgreementNo = request.AgreementNo!.Trim(), request.SignedOn, request.ContractedInvestment, ParkId = park.Id, id });
                await work.PublishAsync(new ProjectSigned(
                    id, request.AgreementNo!.Trim(), request.SignedOn!.Value, request.ContractedInvestment!.Value, signing.Industry,
                    signing.District, park.Name, profile, signing.Team, clock.GetUtcNow(), signing.NextVersion, park.Id));
                await NodeFacts.RecordAsync(work, id, FactKeys.Signed, request.SignedOn!.Value, clock);
                await NodePlanning.CreateAsync(work, id, signing.Industry, signing.Team, request.SignedOn!.Value, calendar, clock);
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
                "UPDATE projects SET company_name = @CompanyName, company_uscc = @CompanyUscc, registered_on = coalesce(registered_on, @today) WHERE id = @id",
                new { CompanyName = request.CompanyName!.Trim(), request.CompanyUscc, today = clock.TodayInChina(), id }));
    }

    internal static async Task<Results<Ok<ProjectView>, ValidationProblem, ProblemHttpResult>> AcquireLandAsync(
        Guid id, LandRequest request, ClaimsPrincipal user, Database database, TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = clock.TodayInChina();
        var errors = new ValidationErrors()
            .RequireText("parcelId", request.ParcelId, 64)
            .RequireAmount("areaMu", request.AreaMu, max: MaxAreaMu)
            .RequireDate("contractDate", request.ContractDate);
        if (request.ContractDate > today)
            errors.Add("contractDate", "'contractDate' cannot be in the future.");
        if (!errors.IsValid)
            return errors.ToProblem();

        await using var work = await database.BeginAsync(Actor.From(user), cancellationToken);
        return await TransitionAsync(work, id, ProjectState.LandAcquired, $"拿地 {request.ParcelId!.Trim()}", request.Version, clock, cancellationToken,
            async landing =>
            {
                await work.ExecuteAsync(
                    """
                    UPDATE projects SET parcel_id = @ParcelId, area_mu = @AreaMu, land_contract_date = @ContractDate,
                                        land_acquired_on = @today
                    WHERE id = @id
                    """,
                    new { ParcelId = request.ParcelId!.Trim(), request.AreaMu, request.ContractDate, today, id });
                await work.PublishAsync(new ProjectLandAcquired(
                    id, request.ParcelId!.Trim(), request.AreaMu!.Value, request.ContractDate!.Value, clock.GetUtcNow(), landing.NextVersion));
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
        if (NotBefore(request.On, project.LandAcquiredOn, "the land was acquired") is { } early)
            return early.ToProblem();
        var startedOn = request.On ?? clock.TodayInChina();
        return await TransitionAsync(work, id, ProjectState.UnderConstruction, "开工（人工登记）", request.Version, clock, cancellationToken,
            async _ =>
            {
                await work.ExecuteAsync("UPDATE projects SET construction_started_on = @startedOn WHERE id = @id", new { startedOn, id });
                await NodeFacts.RecordAsync(work, id, FactKeys.ConstructionStart, startedOn, clock);
            });
    }

    internal static async Task<Results<Ok<ProjectView>, ValidationProblem, ProblemHttpResult>> GoLiveAsync(
        Guid id, DateRequest request, ClaimsPrincipal user, Database database, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (CheckDay(request, clock) is { IsValid: false } errors)
            return errors.ToProblem();
        var day = request.On ?? clock.TodayInChina();
        await using var work = await database.BeginAsync(Actor.From(user), cancellationToken);
        var (project, refusal) = await ProjectLifecycle.FindForChangeAsync(work, id);
        if (refusal is not null)
            return refusal;
        if (NotBefore(request.On, project!.ConstructionStartedOn, "construction started") is { } early)
            return early.ToProblem();
        return await TransitionAsync(work, id, ProjectState.InProduction, "投产", request.Version, clock, cancellationToken,
            async _ =>
            {
                await work.ExecuteAsync("UPDATE projects SET production_started_on = @day WHERE id = @id", new { day, id });
                await NodeFacts.RecordAsync(work, id, FactKeys.Production, day, clock);
            });
    }
}
