namespace Zhaoshang.Benchmark.Province;

internal static class ReadTable
{
    public const double TargetMs = 100;

    public static string Line(ReadFigures f)
    {
        var memory = f.RssPeakMiB is { } peak ? $"  RSS {f.RssBeforeMiB:0} → peak {peak:0} MiB" : "";
        var size = f.Read.Export ? $"  {f.Bytes / 1024.0:0} KiB" : "";
        var whole = f.FirstByte is null ? "" : $"  whole file p50 {f.Latency.P50:0} p95 {f.Latency.P95:0} ms";
        var mark = f.Status >= 400 ? $"  HTTP {f.Status}" : f.Judged.P95 >= TargetMs ? "  OVER" : "";
        return $"{f.Read.Service,-12} {f.Caller,-14} {f.Read.Path,-80} {(f.FirstByte is null ? "" : "first byte ")}{f.Judged}{whole}{size}{memory}{mark}";
    }

    public static void Summary(IReadOnlyList<ReadFigures> figures)
    {
        var measured = figures.Where(f => f.Status < 400 && f.Latency.Count > 0).ToList();
        var over = measured.Where(f => f.Judged.P95 >= TargetMs).ToList();
        Console.WriteLine($"[reads] {measured.Count} reads measured, {figures.Count - measured.Count} refused to the caller (4xx) or failed (5xx); " +
                          $"{over.Count} with p95 ≥ {TargetMs} ms (exports: to the first byte){(over.Count == 0 ? "" : ": " + string.Join(", ", over.Select(f => $"{f.Read.Service} {f.Read.Path} as {f.Caller} ({f.Judged.P95:0} ms)")))}");
        foreach (var failed in figures.Where(f => f.Status >= 500))
            Console.WriteLine($"[reads] FAILED: {failed.Read.Service} {failed.Read.Path} as {failed.Caller}: HTTP {failed.Status}");
    }
}
