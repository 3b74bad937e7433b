using System.Diagnostics;
using Xunit.Abstractions;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Resilience;

/// <summary>
/// The short fault-injection run (deploy/local/faults.sh --short) as part of the suite: its own services, databases
/// and vhost, while it kills services and restarts RabbitMQ and PostgreSQL. It runs in the system collection so no
/// other test runs meanwhile; the shared system's services must come through those restarts by themselves.
/// </summary>
[Collection(SystemCollection.Name)]
public class FaultInjectionTests(SystemFixture system, ITestOutputHelper output)
{
    [Fact]
    public async Task The_short_fault_injection_run_loses_nothing_and_applies_nothing_twice()
    {
        var program = Path.Combine(TestEnvironment.RepositoryRoot, "tools", "Zhaoshang.FaultInjection", "bin", TestEnvironment.Configuration, "net10.0",
            "Zhaoshang.FaultInjection.dll");
        var start = new ProcessStartInfo("dotnet", [program, "--short", "--root", TestEnvironment.RepositoryRoot,
            "--suffix", TestEnvironment.FaultsSuffix, "--first-port", TestEnvironment.FaultsFirstPort.ToString()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var run = Process.Start(start)!;
        var stdout = run.StandardOutput.ReadToEndAsync();
        var stderr = run.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await run.WaitForExitAsync(patience.Token);
        output.WriteLine(await stdout);
        output.WriteLine(await stderr);

        system.ForgetDatabaseConnections();
        await Eventually.AssertAsync(
            async () => await Task.WhenAll(new[] { system.Lead, system.Project, system.Approval, system.Funding }.Select(async s =>
            {
                using var client = system.Client(s, token: null);
                return (await client.GetAsync("/health/ready")).IsSuccessStatusCode;
            })),
            ready => ready.All(r => r), "the suite's own services are healthy again after the restarts");
        Assert.True(run.ExitCode == 0, $"The fault-injection run failed:\n{await stdout}\n{await stderr}");
        Assert.Contains("fault injection: PASSED", await stdout);
    }
}
