using System.Diagnostics;
using Xunit.Abstractions;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Resilience;

/// <summary>
/// The short fault-injection run (deploy/local/faults.sh --short) as part of the suite: its own services, databases
/// and vhost, while it kills services and restarts RabbitMQ and PostgreSQL, so test.sh runs it alone, after the others.
/// It needs no system of the suite's: the run checks that its own instances come through the restarts by themselves.
/// </summary>
public class FaultInjectionTests(ITestOutputHelper output)
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

        Assert.True(run.ExitCode == 0, $"The fault-injection run failed:\n{await stdout}\n{await stderr}");
        Assert.Contains("fault injection: PASSED", await stdout);
    }
}
