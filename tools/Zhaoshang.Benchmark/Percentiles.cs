namespace Zhaoshang.Benchmark;

internal sealed record Percentiles(int Count, double P50, double P95, double P99, double Max)
{
    /// <summary>Nearest-rank percentiles of a sample, in milliseconds.</summary>
    public static Percentiles Of(IEnumerable<TimeSpan> sample)
    {
        var sorted = sample.Select(s => s.TotalMilliseconds).Order().ToArray();
        if (sorted.Length == 0)
            return new Percentiles(0, double.NaN, double.NaN, double.NaN, double.NaN);
        double Rank(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Percentiles(sorted.Length, Rank(0.50), Rank(0.95), Rank(0.99), sorted[^1]);
    }

    public override string ToString() =>
        Count == 0 ? "no samples" : $"p50 {P50,7:0.0}  p95 {P95,7:0.0}  p99 {P99,7:0.0}  max {Max,7:0.0} ms  (n={Count})";
}
