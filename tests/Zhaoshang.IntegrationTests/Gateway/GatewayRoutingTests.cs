using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Gateway;

/// <summary>
/// Staff reach every service through the gateway at the path it has on the service, with their own token and trace;
/// the audit trail, which every service has, as <c>/api/&lt;service&gt;/audit</c>.
/// </summary>
[Collection(SystemCollection.Name)]
public class GatewayRoutingTests(SystemFixture system)
{
    /// <summary>No project has it: the owning service answers its own 404, which another service's would not match.</summary>
    private static readonly Guid UnknownProject = Guid.NewGuid();

    public static TheoryData<string, string> ServicePaths() => new()
    {
        { "Lead", "/api/enterprises" },
        { "Lead", "/api/intents/overdue" },
        { "Project", "/api/projects" },
        { "Project", $"/api/projects/{UnknownProject}" },
        { "Project", "/api/kpis" },
        { "Project", "/api/working-calendar?year=2026" },
        { "Project", "/api/dictionaries" },
        { "Approval", "/api/approval-items/overdue" },
        { "Approval", $"/api/projects/{UnknownProject}/approval-case" },
        { "Funding", "/api/incentive-policies" },
        { "Funding", $"/api/projects/{UnknownProject}/ledger" },
        { "Funding", $"/api/projects/{UnknownProject}/funds-reports" },
        { "Identity", "/api/users" },
        { "Notification", "/api/warnings/summary?asOf=2026-11-09" },
        { "Notification", "/api/notification-channels" },
    };

    [Theory]
    [MemberData(nameof(ServicePaths))]
    public async Task A_service_answers_through_the_gateway_at_its_own_path_with_the_callers_token(string service, string path)
    {
        using var direct = system.Client(Service(service));
        using var gateway = system.Client(system.Gateway);
        using var anonymous = system.Client(system.Gateway, token: null);

        var expected = await Answer(await direct.GetAsync(path));
        var answer = await Answer(await gateway.GetAsync(path));

        Assert.True(expected.Status is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{service} {path}: {expected}");
        Assert.Equal(expected.Status, answer.Status);
        Assert.Equal(expected.Title, answer.Title);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Each_services_audit_trail_is_reached_under_its_name_and_the_change_shows_the_callers_token_and_trace()
    {
        var staff = new Journey(system, Tokens.For("district", district: Journey.District));
        var enterprise = await staff.ExpectAsync(HttpStatusCode.Created, system.Gateway, HttpMethod.Post, "/api/enterprises", new
        {
            name = "网关测试企业", uscc = TestData.NewUscc(), hqRegion = "长三角", industryChain = "绿色铝", chainRole = "ChainLeader",
        });
        var id = enterprise.GetProperty("id").GetGuid();
        using var auditor = system.Client(system.Gateway, Tokens.For("auditor"));

        var trail = await auditor.GetFromJsonAsync<JsonElement>($"/api/lead/audit?recordId={id}");
        var created = Assert.Single(trail.EnumerateArray());
        // The lead service saw the district officer's own token and the request's trace, both through the gateway.
        Assert.Equal("anning", created.GetProperty("actorSubject").GetString());
        Assert.Equal(staff.TraceId, created.GetProperty("traceId").GetString());
        foreach (var other in new[] { "project", "approval", "funding", "identity" })
            Assert.Empty((await auditor.GetFromJsonAsync<JsonElement>($"/api/{other}/audit?recordId={id}")).EnumerateArray());

        using var shared = await auditor.GetAsync($"/api/audit?recordId={id}");
        Assert.Equal(HttpStatusCode.NotFound, shared.StatusCode);
    }

    [Fact]
    public async Task The_services_span_continues_the_callers_trace_under_the_gateways_span()
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var callerSpan = ActivitySpanId.CreateRandom().ToHexString();
        using var gateway = system.Client(system.Gateway);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/enterprises");
        request.Headers.Add("traceparent", $"00-{traceId}-{callerSpan}-01");
        Assert.Equal(HttpStatusCode.OK, (await gateway.SendAsync(request)).StatusCode);

        // The gateway's request span ends after its call to the lead service, and may be exported in a later batch.
        var spans = await Eventually.AssertAsync(
            () => Task.FromResult(system.Traces.Spans.Where(s => s.TraceId == traceId).ToList()),
            found => found.Any(s => s.Service == "zhaoshang-gateway" && s.ParentSpanId == callerSpan)
                && found.Any(s => s.Service == "zhaoshang-lead" && s.Scope.Contains("AspNetCore")),
            "the gateway's span under the caller's and the lead service's span arrive with the caller's trace id");
        var gatewaySpans = spans.Where(s => s.Service == "zhaoshang-gateway").ToList();
        var leadRequest = Assert.Single(spans, s => s.Service == "zhaoshang-lead" && s.Scope.Contains("AspNetCore"));
        Assert.Contains(gatewaySpans, s => s.SpanId == leadRequest.ParentSpanId);
    }

    [Fact]
    public async Task An_unknown_api_path_is_a_404_problem_from_the_gateway()
    {
        using var gateway = system.Client(system.Gateway);
        foreach (var path in new[] { "/api/nope", "/api/outbox/dead-letters", "/openapi/nope.json", "/health/nope" })
        {
            using var response = await gateway.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task A_body_above_the_limit_is_refused_with_413_through_the_gateway()
    {
        using var gateway = system.Client(system.Gateway);
        using var response = await gateway.PostAsync("/api/enterprises", new StringContent(new string('x', 3 * 1024 * 1024), null, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private ServiceProcess Service(string name) => name switch
    {
        "Lead" => system.Lead,
        "Project" => system.Project,
        "Approval" => system.Approval,
        "Funding" => system.Funding,
        "Notification" => system.Notification,
        _ => system.Identity,
    };

    private static async Task<(HttpStatusCode Status, string? Title)> Answer(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            var title = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                ? JsonDocument.Parse(text).RootElement.GetProperty("title").GetString()
                : null;
            return (response.StatusCode, title);
        }
    }
}
