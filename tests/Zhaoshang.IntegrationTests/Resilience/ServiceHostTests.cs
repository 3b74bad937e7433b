using System.Net;
using System.Net.Sockets;
using Zhaoshang.IntegrationTests.Infrastructure;
using Zhaoshang.Load;

namespace Zhaoshang.IntegrationTests.Resilience;

/// <summary>The runs' own service processes (fault run, benchmarks) never mistake a process left on their port for theirs.</summary>
public class ServiceHostTests
{
    [Fact]
    public async Task A_service_does_not_start_on_a_port_another_process_holds()
    {
        var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        try
        {
            var port = ((IPEndPoint)squatter.LocalEndpoint).Port;
            await using var host = new ServiceHost("Identity", TestEnvironment.RepositoryRoot, port, new Dictionary<string, string>(),
                Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.log"));

            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

            Assert.Contains($"127.0.0.1:{port} is taken", refused.Message);
            Assert.Null(host.ProcessId);
        }
        finally
        {
            squatter.Stop();
        }
    }
}
