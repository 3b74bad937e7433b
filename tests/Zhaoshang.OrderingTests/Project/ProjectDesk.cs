using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Contracts;
using Zhaoshang.OrderingTests.Infrastructure;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Security;
using Zhaoshang.Project.Lifecycle;
using static Zhaoshang.Project.Lifecycle.StaffTransitionsApi;

namespace Zhaoshang.OrderingTests.Project;

/// <summary>
/// Bureau staff at the project service: creates projects through the real conversion consumer and moves them with the
/// real staff endpoints, then reads what the project service holds.
/// </summary>
public sealed class ProjectDesk(ServiceDatabase db, FixedClock clock)
{
    public const string District = "安宁市";
    public const string Park = "安宁工业园区";

    public static readonly ClaimsPrincipal Bureau = Staff(Roles.Bureau);

    public static ClaimsPrincipal Staff(string role, string? district = null) => new(new ClaimsIdentity(
        new[] { new Claim(Actor.SubjectClaim, $"{role}-tester"), new Claim(Actor.RoleClaim, role) }
            .Concat(district is null ? [] : [new Claim(Actor.DistrictClaim, district)]),
        "test"));

    /// <summary>A new project in Negotiating, created by the conversion consumer.</summary>
    public async Task<Guid> OpenAsync(string district = District)
    {
        var projectId = Guid.CreateVersion7();
        await new CooperationIntentConvertedConsumer(db.Database).DeliverAsync(
            new CooperationIntentConverted(Guid.CreateVersion7(), projectId, Guid.CreateVersion7(), "云南测试企业", null, "新材料",
                500_000_000m, district, district, null, clock.Now),
            Guid.CreateVersion7(), Actor.System, CancellationToken.None);
        return projectId;
    }

    /// <summary>A new project taken by staff to <paramref name="stage"/> (Signed, Registered or LandAcquired).</summary>
    public async Task<Guid> ProjectInAsync(ProjectState stage)
    {
        var projectId = await OpenAsync();
        await SignAsync(projectId);
        if (stage == ProjectState.Signed)
            return projectId;
        await OkAsync(RegisterAsync(projectId, new RegisterRequest("云南测试项目有限公司", "91110000600037341L", null), Bureau, db.Database, clock, default));
        if (stage == ProjectState.Registered)
            return projectId;
        await OkAsync(AcquireLandAsync(projectId, new LandRequest("KCZ-T", 120m, Today, null), Bureau, db.Database, clock, default));
        return projectId;
    }

    /// <summary>签约 by staff: the plan is made in this transaction.</summary>
    public Task<ProjectView> SignAsync(Guid projectId) =>
        OkAsync(StaffTransitionsApi.SignAsync(
            projectId, new SignRequest("KM-T", Today, 200_000_000m, Park, null, null), Bureau, db.Database, WorkCalendar.WeekendsOnly, clock, default));

    public DateOnly Today => DateOnly.FromDateTime(clock.Now.UtcDateTime.AddHours(8));

    public static async Task<ProjectView> OkAsync(Task<Results<Ok<ProjectView>, ValidationProblem, ProblemHttpResult>> request)
    {
        var result = (await request).Result;
        return result is Ok<ProjectView> ok
            ? ok.Value!
            : throw new InvalidOperationException($"Expected 200, got {JsonSerializer.Serialize(result, result.GetType())}");
    }

    public async Task<ProjectView> ViewAsync(Guid projectId) =>
        (await db.QueryAsync<ProjectRow>(ProjectRow.Select + " WHERE id = @projectId", new { projectId })).Single().ToView();

    /// <summary>The timeline as from → to, oldest first.</summary>
    public Task<IReadOnlyList<(string? From, string To, string? Reason)>> TimelineAsync(Guid projectId) =>
        db.QueryAsync<(string? From, string To, string? Reason)>(
            "SELECT from_state, to_state, reason FROM project_timeline WHERE project_id = @projectId ORDER BY id", new { projectId });

    /// <summary>The events the project service published about the project (or park), by transaction: type name and body.</summary>
    public async Task<IReadOnlyList<(string Type, JsonElement Body)>> PublishedAsync(Guid projectId) =>
        (await db.QueryAsync<(string Type, string Body)>(
            """
            SELECT message_type, body::text FROM outbox_messages
            WHERE body ->> 'projectId' = @Id OR body ->> 'parkId' = @Id ORDER BY created_at, id
            """, new { Id = projectId.ToString() }))
        .Select(m => (m.Type[(m.Type.LastIndexOf('.') + 1)..], JsonDocument.Parse(m.Body).RootElement.Clone())).ToList();
}
