using Zhaoshang.Funding.Ledgers;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Funding.Funds;

public enum FundsSource
{
    /// <summary>省外境内</summary>
    OutsideProvince,
    /// <summary>市外省内</summary>
    OutsideCityInProvince,
    /// <summary>境外 (实际利用外资)</summary>
    Abroad,
}

public enum FundsUse
{
    FixedAssets,
    WorkingCapital,
}

public enum FundsReportStatus
{
    Reported,
    Verified,
    Rejected,
}

/// <summary>A funds-in-place report (到位资金) and what finance decided on it.</summary>
public sealed record FundsReport(
    Guid Id, Guid ProjectId, decimal Amount, string Currency, decimal ExchangeRate, decimal AmountCny, FundsSource Source,
    FundsUse Use, DateOnly ReportedOn, string EvidenceRef, FundsReportStatus Status, string? DecidedBy, DateTimeOffset? DecidedAt,
    string? RejectReason, DateTimeOffset CreatedAt, int Version)
{
    public const string Columns =
        """
        id, project_id, amount, currency, exchange_rate, amount_cny, source, use, reported_on, evidence_ref, status, decided_by,
        decided_at, reject_reason, created_at, version
        """;
}

/// <summary>The ledger's district and park (its current name and id), for access.</summary>
internal sealed record LedgerScope(string District, string Park, Guid? ParkId)
{
    public const string ByProject =
        $"SELECT district, {LedgerFacts.CurrentPark} AS park, park_id FROM funding_ledgers l WHERE project_id = @projectId";

    public RecordScope Scope => new(District, Park, ParkId);
}
