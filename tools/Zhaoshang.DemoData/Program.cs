using System.Net.Http.Headers;
using System.Text.Json;
using Zhaoshang.DemoData;

string[] names = ["--data", "--token", "--lead", "--project"];
var options = new Dictionary<string, string>();
for (var i = 0; i + 1 < args.Length && names.Contains(args[i]); i += 2)
    options[args[i]] = args[i + 1];
if (options.Count != names.Length || args.Length != 2 * names.Length)
{
    Console.Error.WriteLine(
        "usage: Zhaoshang.DemoData --data demo-data.json --token BEARER_TOKEN --lead LEAD_URL --project PROJECT_URL");
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

using var http = new HttpClient();
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options["--token"]);
var loader = new Loader(new Api(http), options["--lead"].TrimEnd('/'), options["--project"].TrimEnd('/'));
try
{
    if (await loader.LoadAsync(data) is not { } loaded)
    {
        Console.WriteLine("demo data already loaded");
        return 0;
    }

    Console.WriteLine(
        $"loaded {loaded.Enterprises} enterprises, {loaded.Events} events, {loaded.Intents} intents; " +
        $"{loaded.ProjectsSigned} projects signed");
    return 0;
}
catch (Exception ex) when (ex is ApiException or HttpRequestException or TimeoutException or JsonException)
{
    Console.Error.WriteLine(ex.InnerException is null ? ex.Message : $"{ex.Message} {ex.InnerException.Message}");
    return 1;
}
