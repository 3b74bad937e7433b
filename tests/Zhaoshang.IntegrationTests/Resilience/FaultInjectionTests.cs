using System.Diagnostics;
using Xunit.Abstractions;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Resilience;

/// <summary>
/// The short cluster fault run (deploy/local/cluster-faults.sh --short) as part of the suite: its own services, databases
/// and vhost on the local cluster (test.sh starts it: infra.sh faults --fresh --cluster), while it kills service
/// instances, one broker node and then all three, and the PostgreSQL primary (its standby promoted); the load of two
/// instances of every service is why test.sh runs it alone, after the others. It covers the single-node run's faults
/// too (instances killed, the broker gone for an outage, every database session cut), so the suite runs only this one.
/// It needs no system of the suite's: the run checks that its own instances come through by themselves.
/// </summary>
public class FaultInjectionTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_short_cluster_fault_run_loses_nothing_and_applies_nothing_twice()
    {
        var program = Path.Combine(TestEnvironment.RepositoryRoot, "tools", "Zhaoshang.FaultInjection", "bin", TestEnvironment.Configuration, "net10.0",
            "Zhaoshang.FaultInjection.dll");
        var start = new ProcessStartInfo("dotnet", [program, "--short", "--cluster", "--root", TestEnvironment.RepositoryRoot,
            "--suffix", TestEnvironment.FaultsSuffix, "--first-port", TestEnvironment.FaultsFirstPort.ToString()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var run = Process.Start(start)!;
        var stdout = run.StandardOutput.ReadToEndAsync();
        var stderr = run.StandardError.ReadToEndAsync();
        // Restarting broker nodes takes a minute or two on a busy machine (cluster.sh start waits for each to boot and rejoin).
        var patience = TimeSpan.FromMinutes(12);
        using var deadline = new CancellationTokenSource(patience);
        var finished = true;
        try
        {
            await run.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            // Its journal so far says which step it was waiting on; the tree holds its service instances.
            finished = false;
            run.Kill(entireProcessTree: true);
            await run.WaitForExitAsync();
        }

        output.WriteLine(await stdout);
        output.WriteLine(await stderr);
        Assert.True(finished, $"The fault-injection run did not finish in {patience.TotalMinutes:0} minutes and was killed; its output so far:\n{await stdout}\n{await stderr}");
        Assert.True(run.ExitCode == 0, $"The fault-injection run failed:\n{await stdout}\n{await stderr}");
        Assert.Contains("fault injection: PASSED", await stdout);
    }
}
