using Zhaoshang.Load;

namespace Zhaoshang.FaultInjection;

/// <summary>
/// The full run (default) or the short one the test command runs (--short): fewer projects, a shorter broker outage,
/// one instance of each service killed (all at once) rather than every instance in turn, and the broker restarted once (for its outage)
/// rather than twice: the same kinds of fault. --instances N runs N instances of every service side by side (2); --late SERVICE
/// starts that service's instances only after the others have published to it (Approval). --cluster runs on the local
/// cluster (infra.sh faults --fresh --cluster): three broker nodes, the PostgreSQL primary and its standby, with the
/// cluster's faults (<see cref="FaultPlan"/>).
/// </summary>
internal sealed record FaultOptions(
    int Projects, int Concurrency, TimeSpan BrokerOutage, string Suffix, int FirstPort, int Seed, string RepositoryRoot, int Instances,
    string LateService, bool Short, bool Cluster)
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
            Value("--root") ?? LocalSystem.RepositoryRoot(),
            int.Parse(Value("--instances") ?? "2"),
            Value("--late") ?? "Approval",
            quick,
            args.Contains("--cluster"));
    }
}
