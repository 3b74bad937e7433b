using System.Diagnostics;
using System.Globalization;
using Dapper;
using Npgsql;
using Zhaoshang.Load;
using Zhaoshang.ProvinceData;

namespace Zhaoshang.Benchmark.Province;

/// <summary>
/// The read benchmark at a province's size (README "Performance"): the five services as Release processes on
/// zs_*_province, migrated by a first start, the province loaded straight into their databases, the services started
/// again and left to announce what is due (their scanners' catch-up), then every staff read timed as the bureau and as
/// 安宁市's district officer.
/// </summary>
internal static class ProvinceRun
{
    private const string Suffix = "_province";

    public static async Task<int> RunAsync(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var scale = double.Parse(Value("--scale") ?? "1.0", CultureInfo.InvariantCulture);
        var firstPort = int.Parse(Value("--first-port") ?? "5701");
        var requests = int.Parse(Value("--requests") ?? "40");
        var root = Value("--root") ?? LocalSystem.RepositoryRoot();
        var load = !args.Contains("--no-load");
        var settle = !args.Contains("--no-settle");
        var cliSecret = Secret("Identity__CliClientSecret");
        var demoPassword = Secret("Identity__DemoPassword");
        var webhookSecret = Secret("ApprovalSystems__Secrets__tzxm");

        var logs = Directory.CreateDirectory(Path.Combine(root, ".run", "province-logs")).FullName;
        var authority = new Uri($"http://127.0.0.1:{firstPort + LocalSystem.Services.Length}/");
        await using var identity = new ServiceHost("Identity", root, authority.Port,
            LocalSystem.IdentityEnvironment(Suffix, authority, Path.Combine(logs, "identity-keys"), cliSecret, demoPassword), Path.Combine(logs, "identity.log"));
        var hosts = LocalSystem.Services.Select((name, i) => new ServiceHost(name, root, firstPort + i,
            LocalSystem.Environment(name, Suffix, authority, webhookSecret), Path.Combine(logs, $"{name.ToLowerInvariant()}.log"))).ToArray();
        var databases = LocalSystem.Services.ToDictionary(s => s, s => LocalSystem.ConnectionString(s, Suffix, 4));
        Console.WriteLine($"Zhaoshang province read benchmark — {Environment.ProcessorCount} cores, {DateTime.Now:yyyy-MM-dd HH:mm}, scale {scale}, " +
                          $"services on ports {firstPort}–{firstPort + 4} (Release), databases zs_*{Suffix}; logs in {logs}");
        try
        {
            await identity.StartAsync();
            await StartOneByOneAsync(hosts);
            if (load)
            {
                // Started once, the services have migrated their databases; stopped, they leave the load to the generator alone.
                foreach (var host in hosts)
                    host.Kill();
                var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
                var loaded = await ProvinceLoader.LoadAsync(ProvinceShape.Of(scale, today), databases, line => Console.WriteLine($"[load] {line}"));
                Console.WriteLine($"[load] {loaded.Rows.Values.Sum(t => t.Values.Sum()):N0} rows in {loaded.Took.TotalSeconds:0.0} s");
                await StartOneByOneAsync(hosts);
            }

            if (settle)
            {
                var catchUp = await SettleAsync(databases);
                Console.WriteLine($"[scanners] what is due announced and consumed in {catchUp.Took.TotalSeconds:0} s after the start ({catchUp.Messages:N0} messages)");
            }

            var tokens = new Dictionary<string, string>
            {
                ["bureau"] = await StaffTokens.SignInAsync(authority, cliSecret, "bureau", demoPassword),
                ["district 安宁市"] = await StaffTokens.SignInAsync(authority, cliSecret, "anning", demoPassword),
            };
            var samples = await SamplesAsync(databases, "安宁市");
            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
            var timer = new ReadTimer(http, requests, Math.Max(3, requests / 8));
            var figures = new List<ReadFigures>();
            foreach (var read in StaffReads.All)
            {
                var host = hosts[Array.IndexOf(LocalSystem.Services, read.Service)];
                foreach (var (caller, token) in tokens)
                {
                    var path = read.Path.Replace("{project}", samples.Project.ToString()).Replace("{intent}", samples.Intent.ToString());
                    var result = await timer.TimeAsync(read, host.BaseAddress, path, caller, token, host.ProcessId);
                    figures.Add(result);
                    Console.WriteLine(ReadTable.Line(result));
                }
            }

            ReadTable.Summary(figures);
            return figures.Any(f => f.Status >= 500) ? 1 : 0;
        }
        finally
        {
            foreach (var host in hosts)
                await host.DisposeAsync();
        }
    }

    /// <summary>One after another: started together on a loaded province, their scanners' first runs starve each other's start.</summary>
    private static async Task StartOneByOneAsync(IEnumerable<ServiceHost> hosts)
    {
        foreach (var host in hosts)
            await host.StartAsync();
    }

    private static string Secret(string name) => Environment.GetEnvironmentVariable(name)
        ?? throw new InvalidOperationException($"{name} is not set (province-benchmark.sh sources deploy/local/dev.env).");

    /// <summary>
    /// Waits until every outbox is sent and no service's outbox or inbox has grown for 10 s: the scanners' first runs have
    /// announced what the loaded data has due and the consumers have taken it.
    /// </summary>
    private static async Task<(TimeSpan Took, long Messages)> SettleAsync(IReadOnlyDictionary<string, string> databases)
    {
        var clock = Stopwatch.StartNew();
        var last = (-1L, -1L);
        var stableSince = clock.Elapsed;
        while (clock.Elapsed < TimeSpan.FromMinutes(20))
        {
            long rows = 0, unsent = 0, consumed = 0;
            foreach (var connectionString in databases.Values)
            {
                await using var connection = new NpgsqlConnection(connectionString);
                var counts = await connection.QuerySingleAsync<(long Rows, long Unsent, long Consumed)>(
                    """
                    SELECT (SELECT count(*) FROM outbox_messages),
                           (SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL AND dead_lettered_at IS NULL),
                           (SELECT count(*) FROM inbox_messages)
                    """);
                rows += counts.Rows;
                unsent += counts.Unsent;
                consumed += counts.Consumed;
            }

            if ((rows, consumed) != last || unsent > 0)
            {
                last = (rows, consumed);
                stableSince = clock.Elapsed;
            }
            else if (clock.Elapsed - stableSince >= TimeSpan.FromSeconds(10))
            {
                return (stableSince, rows);
            }

            await Task.Delay(1000);
        }

        throw new TimeoutException("The services did not settle within 20 minutes of their start.");
    }

    /// <summary>A signed project and an intent with follow-ups of the district, for the reads of one record.</summary>
    private static async Task<(Guid Project, Guid Intent)> SamplesAsync(IReadOnlyDictionary<string, string> databases, string district)
    {
        await using var project = new NpgsqlConnection(databases["Project"]);
        await using var lead = new NpgsqlConnection(databases["Lead"]);
        return (await project.QueryFirstAsync<Guid>("SELECT id FROM projects WHERE district = @district AND state = 'UnderConstruction' LIMIT 1", new { district }),
                await lead.QueryFirstAsync<Guid>("SELECT id FROM cooperation_intents WHERE district = @district AND status = 'Following' LIMIT 1", new { district }));
    }
}
