using System.Diagnostics;
using System.Text.Json;
using Zhaoshang.DemoData;
using Zhaoshang.Load;

// The secrets come as run.sh exports them from dev.env: the provider's client secret and demo password, the
// approval system's webhook secret.
string[] names = ["--data", "--identity", "--lead-port"];
var options = new Dictionary<string, string>();
for (var i = 0; i + 1 < args.Length && names.Contains(args[i]); i += 2)
    options[args[i]] = args[i + 1];
var secrets = new[] { "Identity__CliClientSecret", "Identity__DemoPassword", $"ApprovalSystems__Secrets__{ApprovalSystems.Demo}" }
    .ToDictionary(name => name, name => Environment.GetEnvironmentVariable(name));
if (options.Count != names.Length || args.Length != 2 * names.Length || !int.TryParse(options["--lead-port"], out var leadPort)
    || !Uri.TryCreate(options["--identity"], UriKind.Absolute, out var identity) || secrets.Values.Any(string.IsNullOrEmpty))
{
    Console.Error.WriteLine(
        "usage: Zhaoshang.DemoData --data demo-data.json --identity PROVIDER_URL --lead-port PORT (project, approval and funding " +
        $"on the next three ports); environment: {string.Join(", ", secrets.Keys)}");
    return 2;
}

SeedData data;
try
{
    data = SeedData.Load(options["--data"]);
}
catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
{
    Console.Error.WriteLine($"cannot read {options["--data"]}: {ex.Message}");
    return 1;
}

var problems = data.Problems().ToList();
if (problems.Count > 0)
{
    problems.ForEach(Console.Error.WriteLine);
    return 1;
}

try
{
    var tokens = await DriverTokens.SignInAsync(identity, secrets["Identity__CliClientSecret"]!, secrets["Identity__DemoPassword"]!);
    using var client = new FlowClient(
        SystemUnderLoad.OnLoopback(leadPort, tokens, ApprovalSystems.Demo, secrets[$"ApprovalSystems__Secrets__{ApprovalSystems.Demo}"]!),
        TimeSpan.FromSeconds(30));
    var days = DemoDays.LoadedAt(DateTimeOffset.UtcNow);
    var clock = Stopwatch.StartNew();
    if (await new Loader(client, days).LoadAsync(data) is not { } loaded)
    {
        Console.WriteLine("demo data already loaded");
        return 0;
    }

    Console.WriteLine(
        $"loaded {loaded.Enterprises} enterprises, {loaded.Events} events, {loaded.Intents.Count} intents and {loaded.Projects.Count} " +
        $"projects dated from {days.Today:yyyy-MM-dd} in {clock.Elapsed.TotalSeconds:0} s");
    return 0;
}
catch (Exception ex) when (ex is UnexpectedReplyException or HttpRequestException or TimeoutException or InvalidOperationException)
{
    Console.Error.WriteLine(ex.Message);
    return 1;
}

/// <summary>The approval system whose decisions the demo data brings (投资项目在线审批监管平台, as walkthrough.sh).</summary>
internal static class ApprovalSystems
{
    public const string Demo = "tzxm";
}
