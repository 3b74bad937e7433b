using System.Diagnostics;
using Dapper;
using Npgsql;
using Zhaoshang.Load;

namespace Zhaoshang.FaultInjection;

/// <summary>
/// The faults, at random moments while projects are in flight: the late service started once projects wait for it,
/// each instance killed (kill -9) and restarted, duplicate deliveries of one real message of each type, RabbitMQ
/// restarted, a malformed message into every service queue, RabbitMQ stopped for the outage, PostgreSQL restarted, and
/// one more instance killed. The short run kills one instance of each service, all at once, and restarts RabbitMQ only for its outage.
/// On the cluster (<paramref name="clusterLog"/>: cluster.sh's log) the broker faults are kill -9 of one node
/// of three, brought back by cluster.sh start after the outage, then of all three for the outage; the database fault is
/// kill -9 of the PostgreSQL primary and cluster.sh promote, as an operator tool would.
/// </summary>
internal sealed class FaultPlan(
    ServiceHost[] hosts, ServiceHost[] late, ServiceDatabases databases, BrokerTap tap, FaultJournal journal, Random random,
    TimeSpan brokerOutage, bool isShort, string repositoryRoot, string? clusterLog)
{
    private readonly Dictionary<string, int> _kills = [];

    public IReadOnlyList<Guid> Duplicated { get; private set; } = [];
    public IReadOnlyDictionary<string, Guid> Poisoned { get; private set; } = new Dictionary<string, Guid>();

    /// <summary>How often the run killed an instance of each service (by name).</summary>
    public IReadOnlyDictionary<string, int> Kills => _kills;

    public async Task RunAsync()
    {
        await StartLateServiceAsync();
        await PauseAsync();
        if (isShort)
        {
            // One instance of each service at the same moment: the others carry the flow while these come back.
            await Task.WhenAll(hosts.GroupBy(h => h.Name).Select(g => KillAndRestartAsync(g.OrderBy(_ => random.Next()).First())));
            await PauseAsync();
        }
        else
        {
            foreach (var host in hosts.OrderBy(_ => random.Next()))
            {
                await KillAndRestartAsync(host);
                await PauseAsync();
            }
        }

        Duplicated = await tap.PublishDuplicatesAsync();
        journal.Did($"published again, same MessageId, one real message of each of {Duplicated.Count} types ({string.Join(", ", tap.CopiedTypes.Order())})");
        await PauseAsync();

        if (clusterLog is { } log)
        {
            // One node of three: every quorum queue keeps its majority, and the services move to the other nodes.
            var killed = random.Next(1, 4);
            journal.Struck($"kill -9 RabbitMQ node {killed} of 3");
            await Infrastructure.KillBrokerNodesAsync(repositoryRoot, [killed]);
            await Task.Delay(brokerOutage);
            await TimedAsync($"RabbitMQ node {killed} started again and rejoined after {brokerOutage.TotalSeconds:0} s (cluster.sh start)",
                () => Infrastructure.StartClusterAsync(repositoryRoot, log));
            await PauseAsync();
        }
        else if (!isShort)
        {
            journal.Struck("RabbitMQ restarting (node stopped and started)");
            await TimedAsync("RabbitMQ restarted", () => Infrastructure.RestartRabbitMqAsync(repositoryRoot, TimeSpan.Zero));
            await PauseAsync();
        }

        var queues = (await tap.QueuesAsync())
            .Where(q => !q.Name.StartsWith("amq.", StringComparison.Ordinal) && !q.Name.EndsWith("_error", StringComparison.Ordinal)
                        && !q.Name.EndsWith("_skipped", StringComparison.Ordinal)
                        // The approval system's queue has no consumer here: it is checked on its own at the end.
                        && q.Name != BrokerTap.ApprovalSystemQueue)
            .Select(q => q.Name).Order().ToList();
        Poisoned = await tap.PoisonAsync(queues);
        journal.Did($"a malformed message put into each of {Poisoned.Count} service queues");
        await PauseAsync();

        await BrokerOutageAsync();
        await PauseAsync();
        await DatabaseFaultAsync();
        // The run's own pooled connections (the checks' and the late start's) died with the sessions.
        NpgsqlConnection.ClearAllPools();
        await PauseAsync();
        await KillAndRestartAsync(hosts[random.Next(hosts.Length)]);
    }

    /// <summary>No broker at all for the outage: the single node stopped, or every node of the cluster killed.</summary>
    private async Task BrokerOutageAsync()
    {
        if (clusterLog is not { } log)
        {
            journal.Struck($"RabbitMQ stopping for {brokerOutage.TotalSeconds:0} s");
            await TimedAsync("RabbitMQ started again", () => Infrastructure.RestartRabbitMqAsync(repositoryRoot, brokerOutage));
            return;
        }

        journal.Struck($"kill -9 all three RabbitMQ nodes for {brokerOutage.TotalSeconds:0} s");
        await Infrastructure.KillBrokerNodesAsync(repositoryRoot, [1, 2, 3]);
        await Task.Delay(brokerOutage);
        await TimedAsync("the three RabbitMQ nodes started again (cluster.sh start)", () => Infrastructure.StartClusterAsync(repositoryRoot, log));
    }

    private async Task DatabaseFaultAsync()
    {
        if (clusterLog is not { } log)
        {
            journal.Struck("PostgreSQL restarting (fast: every session cut)");
            await TimedAsync("PostgreSQL restarted", Infrastructure.RestartPostgresAsync);
            return;
        }

        journal.Struck("kill -9 the PostgreSQL primary");
        await Infrastructure.KillPostgresPrimaryAsync(repositoryRoot);
        await TimedAsync("the standby promoted to primary (cluster.sh promote)", () => Infrastructure.PromoteStandbyAsync(repositoryRoot, log));
    }

    /// <summary>Once several projects are signed (so their events are waiting for it), the late service's instances start.</summary>
    private async Task StartLateServiceAsync()
    {
        if (late.Length == 0)
            return;
        var clock = Stopwatch.StartNew();
        long signed;
        await using (var project = new NpgsqlConnection(databases["Project"]))
        {
            while ((signed = await project.ExecuteScalarAsync<long>("SELECT count(*) FROM projects WHERE signed_on IS NOT NULL")) < 3
                   && clock.Elapsed < TimeSpan.FromMinutes(2))
                await Task.Delay(500);
        }

        await TimedAsync($"{signed} projects signed while {late[0].Name.ToLowerInvariant()} was not running; its {late.Length} instances started and ready",
            () => Task.WhenAll(late.Select(h => h.StartAsync())));
    }

    private async Task KillAndRestartAsync(ServiceHost host)
    {
        host.Kill();
        lock (_kills)
            _kills[host.Name] = _kills.GetValueOrDefault(host.Name) + 1;
        journal.Struck($"kill -9 {host.Label}");
        await Task.Delay(TimeSpan.FromMilliseconds(random.Next(300, 1500)));
        try
        {
            await TimedAsync($"{host.Label} started again and ready", () => host.StartAsync());
        }
        catch (TimeoutException slow)
        {
            // Its process runs on; the run goes on to its checks (which wait for every instance's health) and its summary.
            journal.Problem(slow.Message);
        }
    }

    private async Task TimedAsync(string what, Func<Task> action)
    {
        var clock = Stopwatch.StartNew();
        await action();
        journal.Did($"{what} ({clock.Elapsed.TotalSeconds:0.0} s)");
    }

    private Task PauseAsync() => Task.Delay(TimeSpan.FromMilliseconds(random.Next(1500, 4000)));
}
