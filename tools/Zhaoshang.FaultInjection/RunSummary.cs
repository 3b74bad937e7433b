using Zhaoshang.Load;

namespace Zhaoshang.FaultInjection;

/// <summary>The run in a few lines at its end: projects, losses, double effects, how long each fault took to heal, restarts.</summary>
internal static class RunSummary
{
    public static void Print(FaultJournal journal, Checks checks, FaultPlan faults, ServiceHost[] hosts, int projects)
    {
        Console.WriteLine("summary:");
        Console.WriteLine($"  projects completed  {checks.Completed} of {projects}");
        Console.WriteLine($"  messages lost       {checks.Lost}");
        Console.WriteLine($"  applied twice       {checks.AppliedTwice}");
        Console.WriteLine("  healed (from the fault to the first project completing after it):");
        foreach (var (what, healed) in journal.HealTimes())
            Console.WriteLine($"    {(healed is { } took ? $"{took.TotalSeconds,6:0.0} s" : "  never"),-9} {what}");
        Console.WriteLine("  restarts per service (after the run's kill -9 / by themselves, the broker watchdog):");
        foreach (var service in hosts.GroupBy(h => h.Name))
            Console.WriteLine($"    {service.Key.ToLowerInvariant(),-13} {faults.Kills.GetValueOrDefault(service.Key)} / {service.Sum(h => h.UnexpectedExits)}");
    }
}
