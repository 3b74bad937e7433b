using Npgsql;

namespace Zhaoshang.Platform.Data;

/// <summary>
/// Whether a failure is the database's passing outage — a server restarting or unreachable, or, with a standby, no server
/// answering as primary yet — so the work waits and tries again instead of failing.
/// </summary>
public static class DatabaseOutage
{
    private const string NoSuitableHost = "No suitable host";

    public static bool IsDatabaseOutage(this Exception exception) => exception switch
    {
        NpgsqlException { IsTransient: true } => true,
        // Several servers (Target Session Attributes=primary) that all failed to connect: Npgsql gathers their failures
        // and calls the whole not transient, although each was.
        NpgsqlException { InnerException: AggregateException every } => every.InnerExceptions.All(IsDatabaseOutage),
        // None tried, because each is known to be down or a standby until its Host Recheck Seconds pass: between the
        // primary's loss and the first look at the promoted standby.
        NpgsqlException { InnerException: null } plain when plain.GetType() == typeof(NpgsqlException) =>
            plain.Message.StartsWith(NoSuitableHost, StringComparison.Ordinal),
        _ => exception.InnerException is NpgsqlException inner && inner.IsDatabaseOutage(),
    };
}
