namespace Zhaoshang.Load.MessagingCore;

/// <summary>
/// What one run of the messaging core measured: wall time from the first publish to the last effect committed, the
/// database's committed transactions and this process's CPU over that time, and exactly-once: every message's effect
/// present (none <see cref="Missing"/>), none twice (the effects table's key refuses a second, which would end in the
/// endpoint's <c>_error</c> queue: <see cref="SetAside"/>).
/// </summary>
public sealed record MessagingCoreResult(int Messages, TimeSpan Wall, long Transactions, TimeSpan ProcessCpu, long Missing, long Redelivered, long SetAside)
{
    public double MessagesPerSecond => Messages / Wall.TotalSeconds;
    public double TransactionsPerSecond => Transactions / Wall.TotalSeconds;
    public double TransactionsPerMessage => (double)Transactions / Messages;
}
