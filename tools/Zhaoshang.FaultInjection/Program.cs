using System.Collections.Concurrent;
using System.Security.Cryptography;
using Zhaoshang.FaultInjection;
using Zhaoshang.Load;

// Drives projects through the whole flow, with two instances of every service side by side, while killing instances,
// restarting RabbitMQ and PostgreSQL and injecting duplicate and malformed messages; one service starts only after the
// others have published to it, an outbox holds a row of a type nobody knows, and the approval system's submission
// queue has no consumer throughout. Then checks that nothing was lost or applied twice. Exits 1 on any problem.
// With --cluster the same on three broker nodes and a PostgreSQL primary with its standby, which the faults kill.
var options = FaultOptions.Parse(args);
var infrastructure = options.Cluster ? await LocalHosts.ClusterAsync(options.RepositoryRoot) : LocalHosts.SingleNode;
var random = new Random(options.Seed);
var journal = new FaultJournal();
var names = LocalSystem.Services;
string ConnectionString(string service) => LocalSystem.ConnectionString(service, options.Suffix, hosts: infrastructure);

// The run has its own provider, keys, client secret and webhook secret: nothing of it is shared with a development
// or test system. The provider listens after every instance's ports and is never a target of the faults.
var cliSecret = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
var demoPassword = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
var webhookSecret = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
var virtualHost = $"zhaoshang{options.Suffix}";
var logDirectory = Directory.CreateDirectory(Path.Combine(options.RepositoryRoot, ".run", $"fault-logs{options.Suffix}")).FullName;
var authority = new Uri($"http://127.0.0.1:{options.FirstPort + names.Length * options.Instances}/");
var keyDirectory = Path.Combine(logDirectory, "identity-keys");
if (Directory.Exists(keyDirectory))
    Directory.Delete(keyDirectory, recursive: true);
await using var identity = new ServiceHost("Identity", options.RepositoryRoot, authority.Port,
    LocalSystem.IdentityEnvironment(options.Suffix, authority, keyDirectory, cliSecret, demoPassword, infrastructure), Path.Combine(logDirectory, "identity.log"));
await identity.StartAsync();
var tokens = await DriverTokens.SignInAsync(authority, cliSecret, demoPassword);
// Instance n of service i listens on FirstPort + i + 4n: the first instances keep the ports a single-instance run had.
var hosts = Enumerable.Range(0, options.Instances).SelectMany(n => names.Select((name, i) => new ServiceHost(
    name, options.RepositoryRoot, options.FirstPort + i + names.Length * n,
    LocalSystem.Environment(name, options.Suffix, authority, webhookSecret, infrastructure),
    Path.Combine(logDirectory, $"{name.ToLowerInvariant()}-{n + 1}.log"), $"{name.ToLowerInvariant()}#{n + 1}"))).ToArray();
var databases = new ServiceDatabases(names.ToDictionary(n => n, ConnectionString));
var late = hosts.Where(h => h.Name == options.LateService).ToArray();

journal.Did($"fault injection: seed {options.Seed}, at least {options.Projects} projects, {options.Concurrency} at a time, " +
            $"{options.Instances} instances of each service, broker outage {options.BrokerOutage.TotalSeconds:0} s" +
            $"{(options.Cluster ? " on the cluster (three broker nodes, the PostgreSQL primary and its synchronous standby)" : "")}; " +
            $"databases zs_*{options.Suffix}, vhost {virtualHost}, logs in {logDirectory}");
// One after another: eight processes starting at once on a busy machine outlast each one's 120 s to become ready.
foreach (var host in hosts.Except(late))
    await host.StartAsync();
journal.Did($"started every instance but {options.LateService.ToLowerInvariant()}'s, which starts once the others have published to it");
await using var tap = new BrokerTap(virtualHost, infrastructure);
try
{
    // Each project talks to one instance of each service (alternating), so the instances share the work over HTTP too.
    var targets = Enumerable.Range(0, options.Instances).Select(n => SystemUnderLoad.OnLoopback(
        options.FirstPort + names.Length * n, tokens, "tzxm", webhookSecret)).ToArray();
    var clients = targets.Select(t => new FlowClient(t, TimeSpan.FromMinutes(3))).ToArray();
    var flowOptions = new FlowOptions { StepTimeout = TimeSpan.FromMinutes(4), PayIncentives = true };
    // The run keeps starting projects until every fault is injected, however long the broker and database take to come
    // back: a budget no run spends (a short run on a busy machine once started 304 projects against a budget for 121).
    var policyId = await IncentivePolicies.OpenForRunAsync(clients[0], 100_000);
    var flows = clients.Select(c => new ProjectFlow(c, flowOptions, policyId)).ToArray();
    await tap.StartCopyingAsync([
        "CooperationIntentConverted", "ProjectOpened", "ProjectSigned", "ApprovalCaseOpened", "FundingLedgerOpened", "FundsVerified",
        "PreLandApprovalsCompleted", "ProjectLandAcquired", "ConstructionPermitIssued", "ProjectStateChanged",
    ]);
    var unknownRow = await UnknownOutboxRow.InsertAsync(databases["Project"]);
    journal.Did($"an outbox row of a message type nobody knows ({UnknownOutboxRow.Type}) written into the project service's outbox");

    // Projects keep starting until both the minimum is reached and every fault has been injected.
    var records = new ConcurrentQueue<ProjectRecord>();
    var faultsDone = false;
    var number = 0;
    var driving = Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(async () =>
    {
        while (true)
        {
            var next = Interlocked.Increment(ref number);
            if (next > options.Projects && Volatile.Read(ref faultsDone))
                return;
            var record = new ProjectRecord(next);
            records.Enqueue(record);
            await flows[next % flows.Length].RunAsync(record);
            if (record.Failure is null)
                journal.ProjectCompleted();
        }
    })));

    var faults = new FaultPlan(hosts, late, databases, tap, journal, random, options.BrokerOutage, options.Short,
        options.RepositoryRoot, options.Cluster ? Path.Combine(logDirectory, "cluster.log") : null);
    await faults.RunAsync();
    Volatile.Write(ref faultsDone, true);
    await driving;
    journal.Did($"driving done: {records.Count} projects started");

    var checks = new Checks(hosts, tap, databases, journal, clients[0]);
    await checks.RunAsync(records.ToList(), flowOptions, policyId, faults, unknownRow);
    RunSummary.Print(journal, checks, faults, hosts, records.Count);
    foreach (var client in clients)
        client.Dispose();
}
finally
{
    foreach (var host in hosts)
        await host.DisposeAsync();
}

Console.WriteLine(journal.Problems.Count == 0
    ? "fault injection: PASSED — every accepted change kept, applied once and visible"
    : $"fault injection: FAILED — {journal.Problems.Count} problem(s)");
return journal.Problems.Count == 0 ? 0 : 1;
