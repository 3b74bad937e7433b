using System.Net;
using System.Text.Json;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Observability;

/// <summary>
/// Readiness is what the HTTP API needs: with the broker away (cut off by a proxy in front of the shared RabbitMQ, which
/// keeps running for everyone else) or refusing the service's login, /health/ready stays 200 and says what is wrong;
/// staff's changes wait in the outbox and go out when the broker is back. Each test runs services with their own broker
/// settings and starts them normally again at the end.
/// </summary>
[Collection(SystemCollection.Name)]
public class BrokerOutageTests(SystemFixture system)
{
    [Fact]
    public async Task With_the_broker_cut_off_every_api_stays_ready_and_a_conversion_goes_out_when_it_is_back()
    {
        var services = new[] { system.Lead, system.Project, system.Approval, system.Funding };
        await using var proxy = new TcpProxy(5672);
        try
        {
            await Task.WhenAll(services.Select(s => s.RestartAsync(new Dictionary<string, string> { ["RabbitMq__Port"] = $"{proxy.Port}" })));
            var journey = new Journey(system);
            var intentId = await journey.CreateIntentAsync(await journey.CreateEnterpriseAsync());
            await journey.QualifyAsync(intentId);

            proxy.Cut();
            foreach (var service in services)
            {
                var ready = await Eventually.AssertAsync(() => ReadinessAsync(service), r => r.Broker == "Degraded",
                    $"the {service.Name} service's readiness shows the broker as degraded", TimeSpan.FromSeconds(30));
                Assert.Equal(HttpStatusCode.OK, ready.Status);
                Assert.Contains("not reachable", ready.BrokerDescription);
            }

            var projectId = await journey.ConvertAsync(intentId);
            Assert.Equal(1, await system.ScalarAsync<int>(system.Lead,
                "SELECT count(*)::int FROM outbox_messages WHERE sent_at IS NULL AND (body->>'projectId')::uuid = @projectId",
                new { projectId }));
            Assert.All(await Task.WhenAll(services.Select(ReadinessAsync)), r => Assert.Equal(HttpStatusCode.OK, r.Status));

            proxy.Restore();
            // The buses reconnect with a back-off of their own: given up to the watchdog's recovery timeout.
            await Eventually.AssertAsync(
                () => system.ScalarAsync<int>(system.Project, "SELECT count(*)::int FROM projects WHERE id = @projectId", new { projectId }),
                n => n == 1, "the conversion made during the outage creates the project once the broker is back", TimeSpan.FromSeconds(60));
            foreach (var service in services)
                await Eventually.AssertAsync(() => ReadinessAsync(service), r => r.Broker == "Healthy", $"the {service.Name} service's broker is healthy again");
        }
        finally
        {
            await Task.WhenAll(services.Select(s => s.RestartAsync()));
        }
    }

    [Fact]
    public async Task With_several_nodes_in_RabbitMq_Hosts_a_service_consumes_through_another_when_its_node_goes()
    {
        // Two "nodes" (proxies in front of the one broker), the second refusing at first: the service can only have
        // connected through the first; then the first goes and the second answers.
        await using var first = new TcpProxy(5672);
        await using var second = new TcpProxy(5672);
        var journey = new Journey(system);
        try
        {
            second.Cut();
            await system.Project.RestartAsync(new Dictionary<string, string>
            {
                ["RabbitMq__Hosts"] = $"127.0.0.1:{first.Port}, 127.0.0.1:{second.Port}",
                // Hosts replaces Host and Port: nothing listens here.
                ["RabbitMq__Port"] = "1",
            });
            Assert.Equal(1, await ProjectsCreatedAsync(await journey.StartProjectAsync()));

            second.Restore();
            first.Cut();
            Assert.Equal(1, await ProjectsCreatedAsync(await journey.StartProjectAsync()));
            await Eventually.AssertAsync(() => ReadinessAsync(system.Project), r => r.Broker == "Healthy",
                "the project service's broker probe is healthy through the second node");
        }
        finally
        {
            await system.Project.RestartAsync();
        }
    }

    /// <summary>How many projects the project service created from the conversion of this project (once it has consumed it).</summary>
    private Task<int> ProjectsCreatedAsync(Guid projectId) =>
        Eventually.AssertAsync(
            () => system.ScalarAsync<int>(system.Project, "SELECT count(*)::int FROM projects WHERE id = @projectId", new { projectId }),
            n => n > 0, "the project service consumes the conversion", TimeSpan.FromSeconds(60));

    [Theory]
    [InlineData("RabbitMq__Password", "not-the-password", "refused the service's credentials")]
    [InlineData("RabbitMq__VirtualHost", "zhaoshang_no_such_vhost", "does not let the user into the vhost")]
    public async Task A_refused_login_reads_as_what_it_is_and_the_api_stays_ready(string setting, string value, string reads)
    {
        try
        {
            await system.Lead.RestartAsync(new Dictionary<string, string> { [setting] = value });
            var ready = await Eventually.AssertAsync(() => ReadinessAsync(system.Lead), r => r.Broker == "Degraded",
                "readiness shows the broker as degraded");
            Assert.Equal(HttpStatusCode.OK, ready.Status);
            Assert.Contains(reads, ready.BrokerDescription);
            var live = await system.Client(system.Lead, token: null).GetAsync("/health/live");
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }
        finally
        {
            await system.Lead.RestartAsync();
        }
    }

    private sealed record Readiness(HttpStatusCode Status, string? Broker, string BrokerDescription);

    private async Task<Readiness> ReadinessAsync(ServiceProcess service)
    {
        using var client = system.Client(service, token: null);
        using var response = await client.GetAsync("/health/ready");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var broker = body.GetProperty("checks").TryGetProperty("broker", out var check) ? check : default;
        return new Readiness(response.StatusCode,
            broker.ValueKind == JsonValueKind.Object ? broker.GetProperty("status").GetString() : null,
            broker.ValueKind == JsonValueKind.Object ? broker.GetProperty("description").GetString() ?? "" : "");
    }
}
