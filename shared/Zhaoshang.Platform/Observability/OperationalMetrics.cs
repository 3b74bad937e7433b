using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Zhaoshang.Platform.Observability;

/// <summary>
/// The metrics an operator watches beside the standard ones (requests per endpoint from ASP.NET Core, messages per
/// consumer from MassTransit, SQL and pool from Npgsql): inbox duplicates as a counter, and gauges that are sampled
/// (<see cref="GaugeSampler"/>) or set when a scanner runs, each reported with its last value.
/// </summary>
public static class OperationalMetrics
{
    public const string MeterName = "Zhaoshang";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Duplicates = Meter.CreateCounter<long>(
        "zhaoshang.inbox.duplicates", "{message}", "Deliveries the inbox absorbed because the consumer had already handled the message.");

    private static readonly ConcurrentDictionary<string, IReadOnlyList<Measurement<long>>> Gauges = new();

    public static void DuplicateAbsorbed(string consumer) => Duplicates.Add(1, new KeyValuePair<string, object?>("consumer", consumer));

    /// <summary>A scanner finished a run: <c>zhaoshang.scanner.last_run</c>, in Unix seconds, per scanner.</summary>
    public static void ScannerRan(string scanner, TimeProvider clock) =>
        Set("zhaoshang.scanner.last_run", "s", "When each scanner last finished a run (Unix time).",
            [new(clock.GetUtcNow().ToUnixTimeSeconds(), new KeyValuePair<string, object?>("scanner", scanner))]);

    /// <summary>
    /// Replaces every value of one gauge (a gauge per state drops the states that have no project left). The gauge is
    /// created on its first value.
    /// </summary>
    public static void Set(string name, string unit, string description, IReadOnlyList<Measurement<long>> values)
    {
        if (Gauges.TryAdd(name, values))
            Meter.CreateObservableGauge(name, () => Gauges[name], unit, description);
        else
            Gauges[name] = values;
    }

    public static void Set(string name, string unit, string description, long value) => Set(name, unit, description, [new(value)]);
}
