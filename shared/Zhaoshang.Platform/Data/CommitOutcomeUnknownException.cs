using Npgsql;

namespace Zhaoshang.Platform.Data;

/// <summary>
/// The connection failed while a transaction was committing: it may have been kept or not. Transient, like the failure
/// under it, so callers that retry (the inbox consumers, whose inbox row commits with the effects) still do.
/// </summary>
public sealed class CommitOutcomeUnknownException(NpgsqlException failure)
    : NpgsqlException("The database connection failed during the commit; the transaction may or may not have been kept.", failure)
{
    public override bool IsTransient => true;
}
