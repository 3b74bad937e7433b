using System.Diagnostics;

namespace Zhaoshang.Load;

/// <summary>
/// Where a run's services and tools find the broker and the database: the single node and PostgreSQL "main" as infra.sh
/// starts them, or the local cluster (every broker node, and the PostgreSQL pair whose primary Npgsql finds) as
/// <c>cluster.sh hosts</c> names it, the one place that spells the cluster's addresses.
/// </summary>
public sealed record LocalHosts(bool IsCluster, IReadOnlyList<string> BrokerNodes, IReadOnlyList<Uri> Management, string Database)
{
    public static readonly LocalHosts SingleNode = new(false, ["127.0.0.1:5672"], [new Uri("http://127.0.0.1:15672")], "Host=127.0.0.1;Port=5432");

    public static async Task<LocalHosts> ClusterAsync(string repositoryRoot)
    {
        var start = new ProcessStartInfo(Path.Combine(repositoryRoot, "deploy", "local", "cluster.sh"), ["hosts"]) { RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var lines = (await process.StandardOutput.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' ', 2)).ToDictionary(l => l[0], l => l[1]);
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"cluster.sh hosts exited with {process.ExitCode}");
        return new LocalHosts(true, lines["rabbitmq"].Split(','), lines["management"].Split(',').Select(u => new Uri(u)).ToList(), lines["postgresql"]);
    }
}
