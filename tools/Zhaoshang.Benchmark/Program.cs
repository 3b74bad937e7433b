using System.Diagnostics;
using RabbitMQ.Client;
using Zhaoshang.Benchmark;
using Zhaoshang.Load;
using Zhaoshang.Platform.Messaging;

// The whole flow on this machine against its own ceilings; see README "Performance". Exits 1 if any project did
// not end as the flow leads. With --province, the staff reads at a province's size instead (province-benchmark.sh).
if (args.Contains("--province"))
    return await Zhaoshang.Benchmark.Province.ProvinceRun.RunAsync(args);
if (args.Contains("--probe"))
    return await ReadProbe.RunProcessAsync(args);

var options = BenchmarkOptions.Parse(args);
var cliSecret = Environment.GetEnvironmentVariable("Identity__CliClientSecret") ?? throw new InvalidOperationException("Identity__CliClientSecret is not set (benchmark.sh sources deploy/local/dev.env).");
var demoPassword = Environment.GetEnvironmentVariable("Identity__DemoPassword") ?? throw new InvalidOperationException("Identity__DemoPassword is not set.");
var webhookSecret = Environment.GetEnvironmentVariable("ApprovalSystems__Secrets__tzxm") ?? throw new InvalidOperationException("ApprovalSystems__Secrets__tzxm is not set.");
var services = LocalSystem.Services;
string ConnectionString(string service, int pool = 20) =>
    LocalSystem.ConnectionString(service, "_bench", pool) + ";Application Name=zhaoshang-benchmark";

var logDirectory = Directory.CreateDirectory(Path.Combine(options.RepositoryRoot, ".run", "bench-logs")).FullName;
// The OpenID Connect provider listens after the four services' ports, with keys of its own for this run.
var authority = new Uri($"http://127.0.0.1:{options.FirstPort + services.Length}/");
await using var identity = new ServiceHost("Identity", options.RepositoryRoot, authority.Port,
    LocalSystem.IdentityEnvironment("_bench", authority, Path.Combine(logDirectory, "identity-keys"), cliSecret, demoPassword),
    Path.Combine(logDirectory, "identity.log"));
var hosts = services.Select((name, i) => new ServiceHost(name, options.RepositoryRoot, options.FirstPort + i,
    LocalSystem.Environment(name, "_bench", authority, webhookSecret), Path.Combine(logDirectory, $"{name.ToLowerInvariant()}.log"))).ToArray();

Console.WriteLine($"Zhaoshang benchmark — {Environment.ProcessorCount} cores, {DateTime.Now:yyyy-MM-dd HH:mm}, N={options.Projects}, concurrency {options.Concurrency}");
Console.WriteLine($"services on ports {options.FirstPort}–{options.FirstPort + 3} (Release), databases zs_*_bench, vhost zhaoshang_bench; logs in {logDirectory}");
var administrator = new RabbitMqOptions
{
    VirtualHost = "zhaoshang_bench", Username = LocalSystem.BrokerAdmin("_bench"), Password = LocalSystem.BrokerPassword(LocalSystem.BrokerAdmin("_bench")),
};
double? brokerCeiling = null;
if (options.Ceilings)
{
    var factory = new ConnectionFactory { HostName = "127.0.0.1", VirtualHost = administrator.VirtualHost, UserName = administrator.Username, Password = administrator.Password };
    brokerCeiling = await BrokerCeiling.MessagesPerSecondAsync(factory, messages: 40_000, bodyBytes: 1024, publishersInFlight: 64);
    Console.WriteLine($"[ceiling] raw RabbitMQ: {brokerCeiling:0} msg/s (persistent 1 KiB, publisher confirms, 64 in flight, one consumer acking)");
}

// The messaging core runs before any service starts, so that nothing else competes with it.
var failed = options.CoreMessages > 0
    && !await CorePhase.RunAsync(LocalSystem.ConnectionString("Lead", "_bench"), administrator, options.CoreMessages, options.CoreProducers, brokerCeiling);
// --core-only: the messaging core (and the ceilings) alone, a minute or two instead of the whole run, to measure a change to it.
if (options.CoreOnly)
    return failed ? 1 : 0;
await identity.StartAsync();
await Task.WhenAll(hosts.Select(h => h.StartAsync()));

try
{
    var tokens = await DriverTokens.SignInAsync(authority, cliSecret, demoPassword);
    var target = new SystemUnderLoad(hosts[0].BaseAddress, hosts[1].BaseAddress, hosts[2].BaseAddress, hosts[3].BaseAddress,
        tokens.Bureau, tokens.Finance, "tzxm", webhookSecret);
    using var client = new FlowClient(target, TimeSpan.FromSeconds(60));
    var flowOptions = new FlowOptions { StepTimeout = TimeSpan.FromMinutes(3) };
    var flow = new ProjectFlow(client, flowOptions);
    var counters = new DatabaseCounters(ConnectionString("Lead", 2), new ServiceDatabases(services.ToDictionary(s => s, s => ConnectionString(s, 2))), "zs_%_bench");
    var self = Environment.ProcessId;
    var pids = hosts.ToDictionary(h => h.ProcessId!.Value, h => h.Name.ToLowerInvariant());
    var phase = new LoadPhase(flow, client, counters, (pid, name) =>
        pids.TryGetValue(pid, out var service) ? service : pid == self ? "driver" : name.StartsWith("postgres") ? "postgres" : name is "beam.smp" or "erl_child_setup" ? "rabbitmq" : "other");
    var policyId = await IncentivePolicies.OpenForRunAsync(client, options.Projects + options.HalfLoadProjects + 20);

    var warmUp = await phase.RunAsync("warm-up", 20, 10, null, [], 0, 1);
    Console.WriteLine($"[warm-up] 20 projects in {warmUp.Wall.TotalSeconds:0.0} s");
    var probed = warmUp.Records.Where(r => r.Failure is null).Select(r => r.ProjectId).ToArray();
    var full = await phase.RunAsync("full load", options.Projects, options.Concurrency, null, probed, options.ProbeRate, 1_001);
    Report.Phase(full, brokerCeiling);
    var halfRate = full.ProjectsPerSecond / 2;
    var half = await phase.RunAsync($"half load ({halfRate:0.0} projects/s)", options.HalfLoadProjects, 10_000, halfRate, probed, options.ProbeRate, 1_001 + options.Projects);
    Report.Phase(half, brokerCeiling);

    var deadline = Stopwatch.StartNew();
    long unsent;
    while ((unsent = await counters.Services.UnsentOutboxAsync()) > 0 && deadline.Elapsed < TimeSpan.FromSeconds(60))
        await Task.Delay(250);
    Console.WriteLine($"[after] outbox rows not yet sent: {unsent}; redelivered messages absorbed by the inboxes: {await counters.Services.RedeliveriesAsync()}; " +
                      $"client retries: {(client.Retries.IsEmpty ? "none" : string.Join(", ", client.Retries.Select(r => $"{r.Key} ×{r.Value}")))}");

    if (options.Ceilings)
    {
        var connections = Math.Max(full.PeakConnections, 1);
        var postgresCeiling = await PostgresCeiling.TransactionsPerSecondAsync(ConnectionString("Lead", connections + 1), connections, TimeSpan.FromSeconds(10));
        Console.WriteLine($"[ceiling] raw PostgreSQL: {postgresCeiling:0} tx/s (single-row INSERT per transaction, {connections} connections = the services' peak)");
        Report.Ratios(full, brokerCeiling!.Value, postgresCeiling);
    }

    Console.WriteLine("[memory] peak resident set: " + string.Join(", ", hosts.Select(h => $"{h.Name.ToLowerInvariant()} {h.PeakMemoryMiB:0} MiB")));
    var verifier = new FlowVerifier(client, flowOptions, policyId);
    var problems = new List<string>();
    foreach (var record in warmUp.Records.Concat(full.Records).Concat(half.Records))
        problems.AddRange((await verifier.VerifyAsync(record)).Select(p => $"project #{record.Number} {record.ProjectId}: {p}"));
    var total = warmUp.Records.Count + full.Records.Count + half.Records.Count;
    var conversions = await counters.ConversionLatenciesAsync();
    foreach (var record in warmUp.Records.Concat(full.Records).Concat(half.Records))
        record.ConversionToVisible = conversions.TryGetValue(record.ProjectId, out var latency) ? latency : null;
    Report.Automatic(full);
    Report.Automatic(half);
    if (problems.Count == 0)
    {
        Console.WriteLine($"[check] all {total} projects are InProduction with exactly the expected timeline ({string.Join(", ", FlowVerifier.ExpectedTimeline)}), their verified funds and one incentive claim each");
    }
    else
    {
        failed = true;
        Console.WriteLine($"[check] FAILED: {problems.Count} problems in {total} projects; the first 20:");
        foreach (var problem in problems.Take(20))
            Console.WriteLine($"  {problem}");
    }
}
finally
{
    foreach (var host in hosts)
        await host.DisposeAsync();
}

return failed ? 1 : 0;
