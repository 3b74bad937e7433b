using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Zhaoshang.IntegrationTests.Infrastructure;

/// <summary>One service running as its own process, from its build output, as run.sh starts it.</summary>
internal sealed class ServiceProcess(string name, IReadOnlyDictionary<string, string> environment) : IAsyncDisposable
{
    private Process? _process;
    private StreamWriter? _log;

    public string Name => name;
    public int Port => TestEnvironment.Ports[name];
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");
    public bool IsRunning => _process is { HasExited: false };

    public async Task StartAsync(IReadOnlyDictionary<string, string>? overrides = null)
    {
        if (IsRunning)
            throw new InvalidOperationException($"{name} is already running.");
        _process = Launch(overrides);
        await WaitUntilReadyAsync(_process);
    }

    /// <summary>
    /// Runs a second instance with a configuration it cannot start with (it fails before it listens, so the running
    /// instance keeps its port) and returns its exit code; its output goes to the same log.
    /// </summary>
    public async Task<int> RunFailingStartAsync(IReadOnlyDictionary<string, string> overrides)
    {
        using var process = Launch(overrides);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{name} with this configuration was expected to fail on start, but it kept running.");
        }

        return process.ExitCode;
    }

    /// <summary>
    /// SIGTERM, as stop.sh or an orchestrator stops the service, then waits for it to exit. Returns how long that took
    /// and the exit code; one still running after <paramref name="patience"/> is killed (exit code 137).
    /// </summary>
    public async Task<(TimeSpan Elapsed, int ExitCode)> TerminateAsync(TimeSpan patience)
    {
        var process = _process is { HasExited: false } running ? running : throw new InvalidOperationException($"{name} is not running.");
        WriteLog($"===== SIGTERM {DateTime.UtcNow:O}");
        var watch = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)])!)
            await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
        }

        var elapsed = watch.Elapsed;
        process.WaitForExit();
        WriteLog($"===== exited with {process.ExitCode} after {elapsed.TotalSeconds:F2} s");
        return (elapsed, process.ExitCode);
    }

    private Process Launch(IReadOnlyDictionary<string, string>? overrides)
    {
        var binDirectory = Path.Combine(TestEnvironment.RepositoryRoot, "services", name, "bin", TestEnvironment.Configuration, "net10.0");
        var start = new ProcessStartInfo("dotnet", [$"Zhaoshang.{name}.dll", "--urls", BaseAddress.ToString()])
        {
            WorkingDirectory = binDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
            start.Environment[key] = value;

        _log ??= new StreamWriter(Path.Combine(TestEnvironment.LogDirectory, $"{name.ToLowerInvariant()}.log"), append: true) { AutoFlush = true };
        var shown = (overrides ?? new Dictionary<string, string>()).Select(o => $"{o.Key}={Redacted(o.Key, o.Value)}");
        WriteLog($"===== start {DateTime.UtcNow:O} {string.Join(' ', shown)}");
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {name}.");
        var log = _log;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>The log is grepped for secrets (LogSecretsTests), so the harness keeps them out of it as well.</summary>
    private static string Redacted(string key, string value) =>
        key.Contains("Password", StringComparison.OrdinalIgnoreCase) || key.Contains("Secret", StringComparison.OrdinalIgnoreCase)
        || key.Contains("SigningKey", StringComparison.OrdinalIgnoreCase)
            ? "***"
            : Regex.Replace(value, "(?i)(password=)[^;]*", "$1***");

    private void WriteLog(string line)
    {
        lock (_log!)
            _log.WriteLine(line);
    }

    /// <summary>kill -9: the process gets no chance to finish what it holds.</summary>
    public void Kill()
    {
        if (_process is null || _process.HasExited)
            return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async Task RestartAsync(IReadOnlyDictionary<string, string>? overrides = null)
    {
        Kill();
        await StartAsync(overrides);
    }

    private async Task WaitUntilReadyAsync(Process process)
    {
        // test.sh starts two test systems and the browser tests' system at once on two cores: starts take their time.
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(180);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"{name} exited with code {process.ExitCode}; see {TestEnvironment.LogDirectory}.");
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode)
                    return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{name} did not become ready; see {TestEnvironment.LogDirectory}.");
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process?.Dispose();
        _log?.Dispose();
        return ValueTask.CompletedTask;
    }
}
