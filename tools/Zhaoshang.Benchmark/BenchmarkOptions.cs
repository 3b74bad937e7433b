using Zhaoshang.Load;

namespace Zhaoshang.Benchmark;

internal sealed record BenchmarkOptions(
    int Projects, int Concurrency, int HalfLoadProjects, int ProbeRate, int FirstPort, bool Ceilings, string RepositoryRoot,
    int CoreMessages, int CoreProducers, bool CoreOnly)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var projects = int.Parse(Value("--projects") ?? "2000");
        return new BenchmarkOptions(
            projects,
            int.Parse(Value("--concurrency") ?? "200"),
            int.Parse(Value("--half-load-projects") ?? (projects / 2).ToString()),
            int.Parse(Value("--probe-rate") ?? "50"),
            int.Parse(Value("--first-port") ?? "5301"),
            !args.Contains("--no-ceilings"),
            Value("--root") ?? LocalSystem.RepositoryRoot(),
            int.Parse(Value("--core-messages") ?? "20000"),
            int.Parse(Value("--core-producers") ?? "16"),
            args.Contains("--core-only"));
    }
}
