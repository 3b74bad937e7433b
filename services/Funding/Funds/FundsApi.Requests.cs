using Zhaoshang.Funding.Money;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;

namespace Zhaoshang.Funding.Funds;

public static partial class FundsApi
{
    /// <summary>What funds may be reported in; every currency but CNY needs finance's rate of the report's day.</summary>
    public static readonly string[] Currencies = ["CNY", "USD", "HKD", "EUR", "JPY", "GBP"];

    /// <summary>A funds-in-place report as staff send it, to report funds or (with the version read) to correct a report.</summary>
    public sealed record FundsReportRequest(
        decimal? Amount, string? Currency, FundsSource? Source, FundsUse? Use, DateOnly? ReportedOn, string? EvidenceRef)
    {
        public ValidationErrors Validate(DateOnly today)
        {
            var errors = new ValidationErrors()
                .RequireAmount("amount", Amount)
                .RequireDate("reportedOn", ReportedOn)
                .RequireText("evidenceRef", EvidenceRef, 200);
            if (Currency is null || !Currencies.Contains(Currency))
                errors.Add("currency", $"'currency' is one of {string.Join(", ", Currencies)}.");
            if (Source is null)
                errors.Add("source", "'source' is OutsideProvince (省外境内), OutsideCityInProvince (市外省内) or Abroad (境外).");
            if (Use is null)
                errors.Add("use", "'use' is FixedAssets or WorkingCapital.");
            if (ReportedOn > today)
                errors.Add("reportedOn", "'reportedOn' cannot be in the future.");
            return errors;
        }

        /// <summary>The report date's rate and the amount in 元; adds to <paramref name="errors"/> when either is missing or too large.</summary>
        public async Task<(decimal Rate, decimal AmountCny)> ToCnyAsync(UnitOfWork work, ValidationErrors errors)
        {
            var rate = Currency == "CNY" ? 1m : await work.QuerySingleOrDefaultAsync<decimal?>(
                "SELECT cny_per_unit FROM exchange_rates WHERE currency = @Currency AND rate_date = @ReportedOn",
                new { Currency, ReportedOn });
            if (rate is null)
            {
                errors.Add("reportedOn", $"There is no {Currency} rate for {ReportedOn:yyyy-MM-dd}; finance enters it first.");
                return (0, 0);
            }

            var amountCny = MoneyRules.ToCny(Amount!.Value, rate.Value);
            if (amountCny > ValidationErrors.MaxAmount)
                errors.Add("amount", $"'amount' in 元 must be at most {ValidationErrors.MaxAmount}.");
            return (rate.Value, amountCny);
        }
    }

    public sealed record UpdateFundsReportRequest(
        decimal? Amount, string? Currency, FundsSource? Source, FundsUse? Use, DateOnly? ReportedOn, string? EvidenceRef, int? Version)
    {
        // A method, not a property: a property would show in the API description as a field callers may send.
        public FundsReportRequest ToReport() => new(Amount, Currency, Source, Use, ReportedOn, EvidenceRef);
    }
}
