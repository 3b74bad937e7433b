namespace Zhaoshang.Benchmark;

internal static class Report
{
    public static void Phase(PhaseResult phase, double? brokerCeiling)
    {
        var records = phase.Records.Where(r => r.Failure is null).ToList();
        Console.WriteLine($"[{phase.Name}] {phase.Records.Count} projects in {phase.Wall.TotalSeconds:0.0} s: {phase.ProjectsPerSecond:0.0} projects/s, " +
                          $"{phase.ConsumedPerSecond:0} messages consumed/s ({phase.Consumed} in all), {phase.TransactionsPerSecond:0} PostgreSQL tx/s, " +
                          $"peak {phase.PeakConnections} connections, {phase.Records.Count - records.Count} failed");
        Console.WriteLine($"  webhook decision → item granted  {Percentiles.Of(records.SelectMany(r => r.WebhookLatencies))}");
        Console.WriteLine($"  GET /api/projects/{{id}} (probe)   {Percentiles.Of(phase.ReadLatencies)}{(phase.ReadFailures > 0 ? $", {phase.ReadFailures} failed" : "")}");
        Console.WriteLine($"  whole project, driver's view     {Percentiles.Of(records.Select(r => r.Elapsed))}");
        Console.WriteLine("  CPU seconds: " + string.Join(", ", phase.Cpu.Select(c => $"{c.Group} {c.Seconds:0.0}")) +
                          $" (of {phase.Wall.TotalSeconds * Environment.ProcessorCount:0} available)");
        // "other" is whatever else this machine runs (the OpenID Connect provider, other users' work), so it is kept apart.
        var system = phase.Cpu.Where(c => c.Group is not ("driver" or "other")).Sum(c => c.Seconds);
        Console.WriteLine($"  cost per project: {system / phase.Records.Count:0.000} CPU-seconds (the four services, PostgreSQL, RabbitMQ; " +
                          $"{phase.Cpu.Sum(c => c.Seconds) / phase.Records.Count:0.000} with the driver and everything else), " +
                          $"{(double)phase.Transactions / phase.Records.Count:0.0} PostgreSQL transactions");
    }

    /// <summary>The automatic steps, timed by the services' own records, so printed once those are read.</summary>
    public static void Automatic(PhaseResult phase)
    {
        Console.WriteLine($"[{phase.Name}] conversion → project visible      {Percentiles.Of(phase.Records.Where(r => r.ConversionToVisible is not null).Select(r => r.ConversionToVisible!.Value))}");
        Console.WriteLine($"[{phase.Name}] land acquired → UnderConstruction {Percentiles.Of(phase.Records.Where(r => r.LandToConstruction is not null).Select(r => r.LandToConstruction!.Value))}");
    }

    public static void Ratios(PhaseResult full, double brokerCeiling, double postgresCeiling) =>
        Console.WriteLine($"[ratios] messages consumed/s ÷ raw RabbitMQ msg/s = {full.ConsumedPerSecond:0} ÷ {brokerCeiling:0} = {full.ConsumedPerSecond / brokerCeiling:0.00}; " +
                          $"PostgreSQL tx/s ÷ raw PostgreSQL tx/s = {full.TransactionsPerSecond:0} ÷ {postgresCeiling:0} = {full.TransactionsPerSecond / postgresCeiling:0.00}");
}
