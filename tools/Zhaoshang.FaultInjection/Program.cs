using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using Zhaoshang.FaultInjection;
using Zhaoshang.Load;

// Drives projects through the whole flow while killing services, restarting RabbitMQ and PostgreSQL and injecting
// duplicate and malformed messages; then checks that nothing was lost or applied twice. Exits 1 on any problem.
var options = FaultOptions.Parse(args);
var random = new Random(options.Seed);
var journal = new FaultJournal();
var names = LocalSystem.Services;
string ConnectionString(string service) => LocalSystem.ConnectionString(service, options.Suffix);

// The run signs its own tokens and webhooks: nothing of it is shared with a development or test system.
var signingKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
var webhookSecret = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
var virtualHost = $"zhaoshang{options.Suffix}";
var logDirectory = Directory.CreateDirectory(Path.Combine(options.RepositoryRoot, ".run", $"fault-logs{options.Suffix}")).FullName;
var hosts = names.Select((name, i) => new ServiceHost(name, options.RepositoryRoot, options.FirstPort + i,
    LocalSystem.Environment(name, options.Suffix, signingKey, webhookSecret), Path.Combine(logDirectory, $"{name.ToLowerInvariant()}.log"))).ToArray();
var databases = new ServiceDatabases(names.ToDictionary(n => n, ConnectionString));

journal.Did($"fault injection: seed {options.Seed}, at least {options.Projects} projects, {options.Concurrency} at a time, " +
            $"broker outage {options.BrokerOutage.TotalSeconds:0} s; databases zs_*{options.Suffix}, vhost {virtualHost}, logs in {logDirectory}");
await Task.WhenAll(hosts.Select(h => h.StartAsync()));
await using var tap = new BrokerTap(virtualHost);
try
{
    var target = new SystemUnderLoad(hosts[0].BaseAddress, hosts[1].BaseAddress, hosts[2].BaseAddress, hosts[3].BaseAddress, signingKey, "tzxm", webhookSecret);
    using var client = new FlowClient(target, TimeSpan.FromMinutes(3));
    var flowOptions = new FlowOptions { StepTimeout = TimeSpan.FromMinutes(4), PayIncentives = true };
    var policyId = await IncentivePolicies.OpenForRunAsync(client, options.Projects * 4);
    var flow = new ProjectFlow(client, flowOptions, policyId);
    await tap.StartCopyingAsync([
        "CooperationIntentConverted", "ProjectOpened", "ProjectSigned", "ApprovalCaseOpened", "FundingLedgerOpened", "FundsVerified",
        "PreLandApprovalsCompleted", "ProjectLandAcquired", "ConstructionPermitIssued", "ProjectStateChanged",
    ]);

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
            await flow.RunAsync(record);
        }
    })));

    var faults = new FaultPlan(hosts, tap, journal, random, options.BrokerOutage);
    await faults.RunAsync();
    Volatile.Write(ref faultsDone, true);
    await driving;
    journal.Did($"driving done: {records.Count} projects started");

    await new Checks(hosts, tap, databases, journal, client).RunAsync(records.ToList(), flowOptions, policyId, faults);
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
