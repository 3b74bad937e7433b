namespace Zhaoshang.FaultInjection;

/// <summary>
/// The full run (default) or the short one the test command runs (--short): fewer projects and a shorter broker
/// outage, the same kinds of fault.
/// </summary>
internal sealed record FaultOptions(int Projects, int Concurrency, TimeSpan BrokerOutage, string Suffix, int FirstPort, int Seed, string RepositoryRoot)
{
    public static FaultOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var quick = args.Contains("--short");
        return new FaultOptions(
            int.Parse(Value("--projects") ?? (quick ? "30" : "500")),
            int.Parse(Value("--concurrency") ?? (quick ? "8" : "40")),
            TimeSpan.FromSeconds(int.Parse(Value("--broker-outage") ?? (quick ? "5" : "30"))),
            Value("--suffix") ?? "_faults",
            int.Parse(Value("--first-port") ?? "5401"),
            int.Parse(Value("--seed") ?? Environment.TickCount.ToString()),
            Value("--root") ?? FindRepositoryRoot());
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Zhaoshang.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException("Zhaoshang.sln not found above the program's output directory; pass --root.");
    }
}
