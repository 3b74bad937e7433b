namespace Zhaoshang.Contracts;

/// <summary>The funding service opened a signed project's ledger for funds in place (到位资金) and incentives.</summary>
public sealed record FundingLedgerOpened(
    Guid ProjectId,
    Guid LedgerId,
    decimal ContractedInvestment,
    DateTimeOffset OpenedAt);

/// <summary>
/// Finance verified a funds-in-place report (到位资金核实); the project shows its verified total and the statistics count it.
/// Currency and Amount are as reported; AmountUsd is its USD equivalent at the report's day (实际利用外资); Source and Use
/// are funding's names (Abroad is 境外). All null in messages published before they were added.
/// </summary>
public sealed record FundsVerified(
    Guid ProjectId, Guid ReportId, decimal AmountCny, decimal ProjectVerifiedTotalCny, DateOnly ReportedOn, DateTimeOffset VerifiedAt,
    string? Currency = null, decimal? Amount = null, decimal? AmountUsd = null, string? Source = null, string? Use = null);
