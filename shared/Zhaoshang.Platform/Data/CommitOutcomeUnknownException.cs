using Npgsql;

namespace Zhaoshang.Platform.Data;

/// <summary>
/// The connection failed while a transaction was committing: it may have been kept or not. Always transient (the
/// database failed, not the work), so a request gets 503 and the inbox consumers retry, which their inbox row makes safe.
/// </summary>
public sealed class CommitOutcomeUnknownException(NpgsqlException failure)
    : NpgsqlException("The database connection failed during the commit; the transaction may or may not have been kept.", failure)
{
    public override bool IsTransient => true;
}
