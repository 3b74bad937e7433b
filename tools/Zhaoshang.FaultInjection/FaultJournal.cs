using System.Collections.Concurrent;
using System.Diagnostics;

namespace Zhaoshang.FaultInjection;

/// <summary>
/// What the run did and found, each line stamped with the seconds since the start, printed as it happens; and when each
/// fault struck and each project completed, for how long each fault took to heal.
/// </summary>
internal sealed class FaultJournal
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<string> _problems = [];
    private readonly ConcurrentQueue<(string What, TimeSpan At)> _faults = new();
    private readonly ConcurrentBag<TimeSpan> _completions = [];

    public IReadOnlyList<string> Problems => _problems;

    public void Did(string what) => Console.WriteLine($"[{_clock.Elapsed.TotalSeconds,6:0.0} s] {what}");

    /// <summary>A fault strikes now: logged, and timed until the next project completes.</summary>
    public void Struck(string what)
    {
        _faults.Enqueue((what, _clock.Elapsed));
        Did(what);
    }

    public void ProjectCompleted() => _completions.Add(_clock.Elapsed);

    /// <summary>Each fault, and the time from it to the first project completing after it (none: no project completed after it).</summary>
    public IEnumerable<(string What, TimeSpan? Healed)> HealTimes()
    {
        var completions = _completions.Order().ToList();
        foreach (var (what, at) in _faults)
        {
            var next = completions.FirstOrDefault(c => c >= at, TimeSpan.MinValue);
            yield return (what, next == TimeSpan.MinValue ? null : next - at);
        }
    }

    public void Found(string what) => Console.WriteLine($"[check] ok: {what}");

    public void Problem(string what)
    {
        _problems.Add(what);
        Console.WriteLine($"[check] PROBLEM: {what}");
    }
}
