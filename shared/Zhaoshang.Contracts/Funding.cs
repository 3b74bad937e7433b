namespace Zhaoshang.Contracts;

/// <summary>The funding service opened a signed project's ledger for funds in place (到位资金) and incentives.</summary>
public sealed record FundingLedgerOpened(
    Guid ProjectId,
    Guid LedgerId,
    decimal ContractedInvestment,
    DateTimeOffset OpenedAt);

/// <summary>Finance verified a funds-in-place report (到位资金核实); the project shows its verified total.</summary>
public sealed record FundsVerified(
    Guid ProjectId, Guid ReportId, decimal AmountCny, decimal ProjectVerifiedTotalCny, DateOnly ReportedOn, DateTimeOffset VerifiedAt);
