using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace Zhaoshang.Benchmark;

/// <summary>
/// A fixed background read load during a phase: GET /api/projects/{id} at a steady rate, timing each answer — what a
/// member of staff opening a project feels while the flow runs. It runs in a process of its own (this program with
/// <c>--probe</c>), as staff's browsers would: inside the driver its timings would also count the driver's own queue of
/// 200 flows' continuations and its garbage collections, which are not the system's. It reads the warm-up's projects,
/// which exist throughout; one project costs a read as much as another.
/// </summary>
internal sealed class ReadProbe
{
    private const string StopLine = "stop";
    private readonly Process _process;
    private readonly Task<string> _output;

    private ReadProbe(Process process)
    {
        _process = process;
        _output = process.StandardOutput.ReadToEndAsync();
    }

    public static ReadProbe Start(Uri projectService, string token, IEnumerable<Guid> projects, int requestsPerSecond)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("The benchmark's own path is unknown.");
        var start = new ProcessStartInfo(self)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false,
            Environment = { ["ZS_PROBE_TOKEN"] = token },
        };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
            start.ArgumentList.Add(typeof(ReadProbe).Assembly.Location);
        foreach (var argument in new[] { "--probe", projectService.ToString(), requestsPerSecond.ToString(CultureInfo.InvariantCulture), string.Join(',', projects) })
            start.ArgumentList.Add(argument);
        return new ReadProbe(Process.Start(start) ?? throw new InvalidOperationException("The read probe did not start."));
    }

    /// <summary>Stops the probe and returns what it measured: the answered reads' latencies and how many failed.</summary>
    public async Task<(IReadOnlyList<TimeSpan> Latencies, int Failures)> StopAsync()
    {
        await _process.StandardInput.WriteLineAsync(StopLine);
        _process.StandardInput.Close();
        var lines = (await _output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        await _process.WaitForExitAsync();
        return (lines.Where(l => l != "failed").Select(l => TimeSpan.FromMilliseconds(double.Parse(l, CultureInfo.InvariantCulture))).ToList(),
            lines.Count(l => l == "failed"));
    }

    /// <summary>The probe process: reads until its standard input says stop, then writes one line per read.</summary>
    public static async Task<int> RunProcessAsync(string[] args)
    {
        var at = Array.IndexOf(args, "--probe");
        var service = new Uri(args[at + 1]);
        var interval = TimeSpan.FromSeconds(1.0 / int.Parse(args[at + 2], CultureInfo.InvariantCulture));
        var projects = args[at + 3].Split(',').Select(Guid.Parse).ToArray();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = service, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            Environment.GetEnvironmentVariable("ZS_PROBE_TOKEN") ?? throw new InvalidOperationException("ZS_PROBE_TOKEN is not set."));
        // Console.In reads synchronously even when asked asynchronously: its own thread waits for the stop line.
        var stop = Task.Run(Console.In.ReadLine);
        var reads = new List<Task<double?>>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; !stop.IsCompleted; i++)
        {
            var due = interval * i - clock.Elapsed;
            if (due > TimeSpan.Zero)
                await Task.WhenAny(Task.Delay(due), stop);
            if (!stop.IsCompleted)
                reads.Add(ReadAsync(http, projects[i % projects.Length]));
        }

        foreach (var took in await Task.WhenAll(reads))
            Console.WriteLine(took is { } ms ? ms.ToString("0.000", CultureInfo.InvariantCulture) : "failed");
        return 0;
    }

    private static async Task<double?> ReadAsync(HttpClient http, Guid project)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.GetAsync($"api/projects/{project}", HttpCompletionOption.ResponseContentRead);
            return response.StatusCode == HttpStatusCode.OK ? Stopwatch.GetElapsedTime(started).TotalMilliseconds : null;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }
}
