using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Approval.Cases;
using Zhaoshang.Approval.Integrations;
using Zhaoshang.Approval.Parks;
using Zhaoshang.Contracts;
using Zhaoshang.OrderingTests.Infrastructure;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.OrderingTests.Approval;

/// <summary>
/// The approval service's real consumers on the test database, the messages the other services send it, and its end
/// state read back: the case, its items, its decisions, its parked messages and the events it published.
/// </summary>
internal sealed class ApprovalHarness(ServiceDatabase db)
{
    public const string Anning = "安宁市";
    public const string AnningPark = "安宁工业园区";

    /// <summary>Friday 20 November 2026, 10:00 in China.</summary>
    public FixedClock Clock { get; } = new(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero));

    public WorkCalendar Calendar { get; } = new([], []);

    public ServiceDatabase Db => db;

    public static readonly ProjectApprovalProfile Profile = new("Filing", "Form", true);

    /// <summary>The pre-land items of <see cref="Profile"/> in an order their prerequisites allow, then the land-dependent ones.</summary>
    public static readonly string[] ItemsInOrder =
    [
        "filing", "land-pre-review", "eia-form", "energy-review", "design-review", "land-planning-permit", "real-estate-title",
        "engineering-planning-permit", "construction-permit",
    ];

    /// <summary>The approval system of <see cref="Decision"/> may decide every item of the catalogue.</summary>
    private static readonly ApprovalSystemItems DecidingEverything = new(
        new Dictionary<string, string?> { ["yunnan-tzxm"] = string.Join(',', ApprovalCatalogue.Default.Items.Select(i => i.Code)) },
        ApprovalCatalogue.Default);

    public Consumers Consumers() => new Consumers()
        .Add(new ProjectSignedConsumer(db.Database, ApprovalCatalogue.Default, Calendar, Clock))
        .Add(new ProjectTransferredConsumer(db.Database))
        .Add(new ProjectLandAcquiredConsumer(db.Database, Calendar, Clock))
        .Add(new ApprovalDecisionReportedConsumer(db.Database, ApprovalCatalogue.Default, DecidingEverything, Calendar, Clock))
        .Add(new ParkRenamedConsumer(db.Database));

    public ProjectSigned Signed(
        Guid projectId, decimal investment = 100_000_000m, string district = Anning, int version = 2, Guid? parkId = null,
        string park = AnningPark, ProjectApprovalProfile? profile = null) =>
        new(projectId, $"KM-{projectId.ToString()[..8]}", new DateOnly(2026, 11, 20), investment, "新材料", district, park,
            profile ?? Profile, null, Clock.Now, version, parkId);

    public ProjectTransferred Transferred(Guid projectId, string from, string to, int version) =>
        new(projectId, from, to, Anning, "项目流转", Clock.Now, version);

    public ProjectLandAcquired LandAcquired(Guid projectId, int version) =>
        new(projectId, $"KCZ-{projectId.ToString()[..6]}", 120.5m, new DateOnly(2026, 11, 20), Clock.Now, version);

    public ApprovalDecisionReported Decision(
        Guid projectId, string itemCode, int minute, string outcome = "Granted", string? remarks = null, string? decisionId = null) =>
        new("yunnan-tzxm", decisionId ?? $"{projectId:N}-{itemCode}-{minute}", projectId, itemCode, outcome, Clock.Now.AddMinutes(minute),
            itemCode == "filing" ? "2611-530181-04-01-654321" : null, remarks);

    /// <summary>Every item granted by its approval system, one minute apart, in an order the prerequisites allow.</summary>
    public IEnumerable<ApprovalDecisionReported> AllGranted(Guid projectId) =>
        ItemsInOrder.Select((code, i) => Decision(projectId, code, i + 1));

    public static ClaimsPrincipal Staff(string role = Roles.Bureau, string? district = null, string? park = null) =>
        new(new ClaimsIdentity(
            new[] { new Claim(Actor.SubjectClaim, "ordering-test"), new Claim(Actor.RoleClaim, role) }
                .Concat(district is null ? [] : [new Claim(Actor.DistrictClaim, district)])
                .Concat(park is null ? [] : [new Claim(Actor.ParkClaim, park)]),
            "test"));

    public async Task<ApprovalCase?> CaseAsync(Guid projectId) =>
        (await db.QueryAsync<ApprovalCase>($"{ApprovalCase.Select} WHERE c.project_id = @projectId", new { projectId })).SingleOrDefault();

    public async Task<Dictionary<string, ApprovalItem>> ItemsAsync(Guid projectId) =>
        (await db.QueryAsync<ApprovalItem>(
            $"SELECT {ApprovalItem.Columns} FROM approval_items WHERE case_id = (SELECT id FROM approval_cases WHERE project_id = @projectId)",
            new { projectId }))
        .ToDictionary(i => i.Code);

    /// <summary>The events published about the project, oldest first, as (type, body).</summary>
    public async Task<IReadOnlyList<(string Type, JsonObject Body)>> EventsAsync(Guid projectId) =>
        (await db.QueryAsync<(string Type, string Body)>(
            """
            SELECT message_type, body::text FROM outbox_messages WHERE body->>'projectId' = @Id ORDER BY created_at, id
            """,
            new { Id = projectId.ToString() }))
        .Select(e => (e.Type[(e.Type.LastIndexOf('.') + 1)..], JsonNode.Parse(e.Body)!.AsObject()))
        .ToList();

    public async Task<IReadOnlyList<T>> EventsAsync<T>(Guid projectId) =>
        (await EventsAsync(projectId)).Where(e => e.Type == typeof(T).Name)
        .Select(e => e.Body.Deserialize<T>(JsonSerializerOptions.Web)!).ToList();

    public Task<long> ParkedAsync(Guid projectId) =>
        db.ScalarAsync<long>("SELECT count(*) FROM parked_messages WHERE record_key = @projectId", new { projectId });

    public async Task<Dictionary<string, string>> DecisionStatusesAsync(Guid projectId) =>
        (await db.QueryAsync<(string DecisionId, string Status)>(
            "SELECT decision_id, status FROM external_decisions WHERE project_id = @projectId", new { projectId }))
        .ToDictionary(d => d.DecisionId, d => d.Status);

    /// <summary>Staff resubmit an item after 补正, through the endpoint's own method.</summary>
    public Task<Results<Ok<ApprovalItem>, ValidationProblem, ProblemHttpResult>> ResubmitAsync(
        Guid projectId, string code, string? reason, ClaimsPrincipal? user = null) =>
        ApprovalItemsApi.ResubmitAsync(projectId, code, new ApprovalItemsApi.ReasonRequest(reason), user ?? Staff(), db.Database, Calendar,
            Clock, CancellationToken.None);

    public Task<Results<Ok<ApprovalItem>, ValidationProblem, ProblemHttpResult>> RejectAsync(Guid projectId, string code, string reason) =>
        ApprovalItemsApi.RejectAsync(projectId, code, new ApprovalItemsApi.ReasonRequest(reason), Staff(), db.Database, Calendar, Clock,
            CancellationToken.None);
}
