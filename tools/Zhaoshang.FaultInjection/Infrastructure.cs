using System.Diagnostics;

namespace Zhaoshang.FaultInjection;

/// <summary>
/// Stops and starts the machine's own RabbitMQ and PostgreSQL, as infra.sh installed them, or kills the local cluster's
/// broker nodes and PostgreSQL primary and brings them back as an operator would, through cluster.sh.
/// </summary>
internal static class Infrastructure
{
    private static readonly bool IsRoot = Environment.UserName == "root";

    /// <summary>The whole RabbitMQ node down (not just its application) for <paramref name="downtime"/>, then up again.</summary>
    public static async Task RestartRabbitMqAsync(string repositoryRoot, TimeSpan downtime)
    {
        await RunAsync("rabbitmqctl", "-q", "stop");
        await Task.Delay(downtime);
        // As infra.sh starts it. The node daemonizes; its streams go to /dev/null so that it holds no pipe of ours (or of
        // whoever reads our output).
        await RunAsync("bash", "-c", $"'{Path.Combine(repositoryRoot, "deploy", "local", "rabbitmq-start.sh")}' >/dev/null 2>&1 </dev/null");
        // await_startup fails at once while the starting node is not yet registered with epmd, so it is asked again.
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await RunAsync("rabbitmqctl", "-q", "await_startup", "--timeout", "30");
                return;
            }
            catch (InvalidOperationException) when (clock.Elapsed < TimeSpan.FromMinutes(2))
            {
                await Task.Delay(1000);
            }
        }
    }

    /// <summary>A fast restart: PostgreSQL disconnects every session and aborts open transactions.</summary>
    public static Task RestartPostgresAsync() => RunAsync("pg_ctlcluster", "15", "main", "restart", "-m", "fast");

    /// <summary>kill -9 of broker nodes (1–3) of the cluster.</summary>
    public static async Task KillBrokerNodesAsync(string repositoryRoot, IEnumerable<int> nodes)
    {
        foreach (var node in nodes)
            await RunAsync("kill", "-9", await ClusterPidAsync(repositoryRoot, node.ToString()));
    }

    /// <summary>
    /// cluster.sh start: the nodes that are down start and rejoin. Its output goes to a file, not to pipes of ours, which
    /// the daemonized nodes would hold open.
    /// </summary>
    public static Task StartClusterAsync(string repositoryRoot, string logPath) => LoggedClusterAsync(repositoryRoot, logPath, "start");

    /// <summary>kill -9 of the PostgreSQL primary's postmaster.</summary>
    public static async Task KillPostgresPrimaryAsync(string repositoryRoot) =>
        await RunAsync("kill", "-9", await ClusterPidAsync(repositoryRoot, "primary"));

    /// <summary>cluster.sh promote: the standby takes over (the former primary fenced).</summary>
    public static Task PromoteStandbyAsync(string repositoryRoot, string logPath) => LoggedClusterAsync(repositoryRoot, logPath, "promote");

    private static Task LoggedClusterAsync(string repositoryRoot, string logPath, string command) =>
        RunAsync("bash", "-c", $"'{ClusterScript(repositoryRoot)}' {command} >>'{logPath}' 2>&1 </dev/null");

    private static async Task<string> ClusterPidAsync(string repositoryRoot, string what) =>
        (await RunAsync(ClusterScript(repositoryRoot), "pid", what)).Trim();

    private static string ClusterScript(string repositoryRoot) => Path.Combine(repositoryRoot, "deploy", "local", "cluster.sh");

    private static async Task<string> RunAsync(string command, params string[] arguments)
    {
        var start = IsRoot ? new ProcessStartInfo(command, arguments) : new ProcessStartInfo("sudo", [command, .. arguments]);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{command} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await errors}");
        return await output;
    }
}
