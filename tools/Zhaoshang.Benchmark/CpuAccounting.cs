namespace Zhaoshang.Benchmark;

/// <summary>
/// Where the machine's cores went during a phase: CPU seconds per process group (each service, PostgreSQL,
/// RabbitMQ, this driver, everything else), from /proc/[pid]/stat before and after; a process's figure includes its
/// children that ended meanwhile, so a pool's PostgreSQL backends count under the postmaster once their connections close.
/// </summary>
/// <param name="Name">The process's name.</param>
/// <param name="Parent">Its parent's pid, which reaps it and takes its CPU into its own children's time.</param>
/// <param name="Seconds">Its CPU seconds, its reaped children's included.</param>
internal sealed record ProcessCpu(string Name, int Parent, double Seconds);

internal static class CpuAccounting
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public static Dictionary<int, ProcessCpu> Snapshot()
    {
        var result = new Dictionary<int, ProcessCpu>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
                continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var close = stat.LastIndexOf(')');
                var name = stat[(stat.IndexOf('(') + 1)..close];
                var fields = stat[(close + 2)..].Split(' ');
                // utime + stime, and cutime + cstime: the CPU of children that ended and were reaped (a PostgreSQL
                // backend of a closed connection), which would otherwise vanish with them between two snapshots.
                result[pid] = new ProcessCpu(name, int.Parse(fields[1]),
                    (long.Parse(fields[11]) + long.Parse(fields[12]) + long.Parse(fields[13]) + long.Parse(fields[14])) / TicksPerSecond);
            }
            catch (IOException)
            {
                // the process ended meanwhile
            }
        }

        return result;
    }

    /// <summary>
    /// CPU seconds spent between two snapshots, grouped by <paramref name="group"/>(pid, name). A process that ended
    /// meanwhile, reaped by a parent still there, now counts whole in that parent's children's time, what it had spent
    /// before the first snapshot too: that part is taken off again, or a pool's backend that lived through two phases
    /// would count its first phase's CPU in both.
    /// </summary>
    public static IReadOnlyList<(string Group, double Seconds)> Between(
        Dictionary<int, ProcessCpu> before, Dictionary<int, ProcessCpu> after, Func<int, string, string> group) =>
        after.Select(p => (Group: group(p.Key, p.Value.Name), Seconds: p.Value.Seconds - (before.TryGetValue(p.Key, out var b) ? b.Seconds : 0)))
            .Concat(before.Where(p => !after.ContainsKey(p.Key) && after.ContainsKey(p.Value.Parent))
                .Select(p => (Group: group(p.Key, p.Value.Name), Seconds: -p.Value.Seconds)))
            .GroupBy(p => p.Group)
            .Select(g => (g.Key, g.Sum(p => p.Seconds)))
            .Where(g => g.Item2 > 0.05)
            .OrderByDescending(g => g.Item2)
            .ToList();
}
