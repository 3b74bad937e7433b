using System.Diagnostics;

namespace Zhaoshang.FaultInjection;

/// <summary>What the run did and found, each line stamped with the seconds since the start, printed as it happens.</summary>
internal sealed class FaultJournal
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<string> _problems = [];

    public IReadOnlyList<string> Problems => _problems;

    public void Did(string what) => Console.WriteLine($"[{_clock.Elapsed.TotalSeconds,6:0.0} s] {what}");

    public void Found(string what) => Console.WriteLine($"[check] ok: {what}");

    public void Problem(string what)
    {
        _problems.Add(what);
        Console.WriteLine($"[check] PROBLEM: {what}");
    }
}
