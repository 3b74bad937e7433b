namespace Zhaoshang.Contracts;

/// <summary>The funding service opened a signed project's ledger for funds in place (到位资金) and incentives.</summary>
public sealed record FundingLedgerOpened(
    Guid ProjectId,
    Guid LedgerId,
    decimal ContractedInvestment,
    DateTimeOffset OpenedAt);
