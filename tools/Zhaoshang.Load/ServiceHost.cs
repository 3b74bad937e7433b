using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Zhaoshang.Load;

/// <summary>
/// One service as its own process from its Release build output, as run.sh starts it: killed, terminated and
/// restarted on demand, with its peak resident memory and CPU time read from /proc. Like run.sh's supervisor, it
/// starts the service again when it exits on its own (a crash, or the broker watchdog's exit code 1).
/// </summary>
public sealed class ServiceHost(
    string name, string repositoryRoot, int port, IReadOnlyDictionary<string, string> environment, string logPath, string? label = null)
    : IAsyncDisposable
{
    private readonly object _logLock = new();
    private Process? _process;
    private StreamWriter? _log;
    private long _peakKib;
    private volatile bool _stopping;
    private int _unexpectedExits;

    /// <summary>How often the service exited on its own and was started again.</summary>
    public int UnexpectedExits => _unexpectedExits;

    public string Name => name;

    /// <summary>How a run names this process: the service, and which instance where several run side by side.</summary>
    public string Label => label ?? name.ToLowerInvariant();
    public Uri BaseAddress { get; } = new($"http://127.0.0.1:{port}");
    public int? ProcessId => _process is { HasExited: false } p ? p.Id : null;

    /// <summary>The highest resident set any process of this service reached (VmHWM), in MiB.</summary>
    public double PeakMemoryMiB => Math.Max(_peakKib, ReadStatusKib("VmHWM:")) / 1024.0;

    public TimeSpan CpuTime => _process is { HasExited: false } p ? p.TotalProcessorTime : TimeSpan.Zero;

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        EnsurePortIsFree();
        var start = new ProcessStartInfo("dotnet", [$"Zhaoshang.{name}.dll", "--urls", BaseAddress.ToString()])
        {
            WorkingDirectory = Path.Combine(repositoryRoot, "services", name, "bin", "Release", "net10.0"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        _log ??= new StreamWriter(logPath, append: true) { AutoFlush = true };
        _stopping = false;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {name}.");
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => RestartAfterUnexpectedExit(process);
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await WaitUntilReadyAsync(process, cancellationToken);
    }

    /// <summary>kill -9: the process gets no chance to finish what it holds.</summary>
    public void Kill()
    {
        _stopping = true;
        if (_process is not { HasExited: false } process)
            return;
        _peakKib = Math.Max(_peakKib, ReadStatusKib("VmHWM:"));
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    /// <summary>SIGTERM, as systemd or Kubernetes stop a service; returns how long it took to exit and its exit code.</summary>
    public async Task<(TimeSpan Took, int ExitCode)> TerminateAsync(TimeSpan patience)
    {
        _stopping = true;
        if (_process is not { HasExited: false } process)
            return (TimeSpan.Zero, 0);
        _peakKib = Math.Max(_peakKib, ReadStatusKib("VmHWM:"));
        var clock = Stopwatch.StartNew();
        _ = SendSignal(process.Id, 15);
        using var timeout = new CancellationTokenSource(patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            return (clock.Elapsed, -9);
        }

        return (clock.Elapsed, process.ExitCode);
    }

    private void RestartAfterUnexpectedExit(Process process)
    {
        if (_stopping || process != _process)
            return;
        Interlocked.Increment(ref _unexpectedExits);
        Write($"[supervisor] {name} exited with code {process.ExitCode}; starting it again");
        _ = Task.Run(async () =>
        {
            await Task.Delay(2000);
            if (!_stopping)
                await StartAsync();
        });
    }

    private void Write(string? line)
    {
        if (line is null)
            return;
        lock (_logLock)
            _log!.WriteLine(line);
    }

    private long ReadStatusKib(string field)
    {
        if (ProcessId is not { } pid)
            return 0;
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[field.Length..].Trim().Split(' ')[0]);
        }
        catch (IOException)
        {
            return 0; // exited meanwhile
        }
    }

    /// <summary>
    /// A process left behind on the port (by a run that was killed) would answer the readiness probe in this one's place,
    /// and the run would talk to it: its provider refused the run's new client secret.
    /// </summary>
    private void EnsurePortIsFree()
    {
        var probe = new TcpListener(IPAddress.Loopback, port);
        try
        {
            probe.Start();
        }
        catch (SocketException taken)
        {
            throw new InvalidOperationException(
                $"127.0.0.1:{port} is taken by another process (one left behind by an earlier run?), so {Label} cannot listen there.", taken);
        }
        finally
        {
            probe.Stop();
        }
    }

    private async Task WaitUntilReadyAsync(Process process, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (process.HasExited)
                throw new InvalidOperationException($"{name} exited with code {process.ExitCode}; see {logPath}.");
            try
            {
                if ((await http.GetAsync("/health/ready", cancellationToken)).IsSuccessStatusCode)
                    return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // Not listening yet, or its database or broker is not back yet.
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException($"{name} did not become ready within 120 s; see {logPath}.");
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    public ValueTask DisposeAsync()
    {
        Kill();
        _process?.Dispose();
        _log?.Dispose();
        return ValueTask.CompletedTask;
    }
}
