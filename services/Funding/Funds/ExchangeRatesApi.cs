using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Funding.Money;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Funding.Funds;

public static class ExchangeRatesApi
{
    public static IEndpointRouteBuilder MapExchangeRatesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/exchange-rates").WithTags("Funds in place (到位资金)");
        api.MapPut("/{currency}/{date}", SetRateAsync).WithName("SetExchangeRate").AllowRoles(Roles.Finance, Roles.Bureau)
            .WithSummary("The day's official rate, CNY per unit (e.g. the PBOC central parity); USD's also converts 境外 funds to 实际利用外资.");
        api.MapGet("/{currency}", ListRatesAsync).WithName("ListExchangeRates").AllowRoles(Roles.Staff)
            .WithSummary("The currency's daily rates, newest first (at most 366).");
        return app;
    }

    public sealed record RateRequest(decimal? CnyPerUnit);

    public sealed record ExchangeRate(string Currency, DateOnly RateDate, decimal CnyPerUnit);

    internal static async Task<Results<Ok<ExchangeRate>, ValidationProblem>> SetRateAsync(
        string currency, DateOnly date, RateRequest request, ClaimsPrincipal user, Database database, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (currency == "CNY" || !FundsApi.Currencies.Contains(currency))
            errors.Add("currency", $"Rates are kept for {string.Join(", ", FundsApi.Currencies.Where(c => c != "CNY"))}; CNY needs none.");
        if (request.CnyPerUnit is not (> 0 and < 1000) || decimal.Round(request.CnyPerUnit.Value, 6) != request.CnyPerUnit)
            errors.Add("cnyPerUnit", "'cnyPerUnit' is a positive rate with at most six decimals.");
        if (!errors.IsValid)
            return errors.ToProblem();
        var rate = new ExchangeRate(currency, date, request.CnyPerUnit!.Value);
        await using var work = await database.BeginAsync(Actor.From(user), cancellationToken);
        var before = await work.QuerySingleOrDefaultAsync<decimal?>(
            "SELECT cny_per_unit FROM exchange_rates WHERE currency = @currency AND rate_date = @date", new { currency, date });
        await work.ExecuteAsync(
            """
            INSERT INTO exchange_rates (currency, rate_date, cny_per_unit) VALUES (@Currency, @RateDate, @CnyPerUnit)
            ON CONFLICT (currency, rate_date) DO UPDATE SET cny_per_unit = excluded.cny_per_unit
            """,
            rate);
        await work.AuditAsync("ExchangeRate", RateId(currency, date), "set", before is null ? null : new { CnyPerUnit = before }, rate);
        await work.CommitAsync(cancellationToken);
        return TypedResults.Ok(rate);
    }

    internal static async Task<Ok<IReadOnlyList<ExchangeRate>>> ListRatesAsync(string currency, Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rates = await connection.QueryAsync<ExchangeRate>(
            "SELECT currency, rate_date, cny_per_unit FROM exchange_rates WHERE currency = @currency ORDER BY rate_date DESC LIMIT 366",
            new { currency });
        return TypedResults.Ok<IReadOnlyList<ExchangeRate>>(rates.AsList());
    }

    /// <summary>
    /// A verified report's USD equivalent (实际利用外资): its amount when reported in USD, else its 元 at the report day's USD
    /// rate, to the cent; null when finance has not entered that day's USD rate.
    /// </summary>
    public static async Task<decimal?> UsdEquivalentAsync(UnitOfWork work, FundsReport report)
    {
        if (report.Currency == "USD")
            return report.Amount;
        var usd = await work.QuerySingleOrDefaultAsync<decimal?>(
            "SELECT cny_per_unit FROM exchange_rates WHERE currency = 'USD' AND rate_date = @ReportedOn", new { report.ReportedOn });
        return usd is { } rate ? MoneyRules.ToFen(report.AmountCny / rate) : null;
    }

    /// <summary>A stable record id for a (currency, day) rate, so its audit trail can be looked up.</summary>
    private static Guid RateId(string currency, DateOnly date) =>
        new(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes($"rate:{currency}:{date:yyyy-MM-dd}")));
}
