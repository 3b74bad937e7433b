using Microsoft.AspNetCore.Http;
using Zhaoshang.Platform.Errors;

namespace Zhaoshang.UnitTests;

public class ValidationErrorsTests
{
    [Theory]
    [InlineData(null, "is required")]
    [InlineData("-0.01", "greater than zero")]
    [InlineData("0", "greater than zero")]
    [InlineData("10.001", "fen")]
    [InlineData("10000000000000000", "at most 9999999999999999.99")]
    public void Amounts_must_be_positive_and_exact_to_the_fen(string? amount, string message)
    {
        var errors = new ValidationErrors().RequireAmount("contractedInvestment", amount is null ? null : decimal.Parse(amount));
        Assert.False(errors.IsValid);
        var problem = errors.ToProblem().ProblemDetails;
        Assert.Equal(StatusCodes.Status400BadRequest, problem.Status);
        Assert.Contains(message, Assert.Single(problem.Errors["contractedInvestment"]));
    }

    [Theory]
    [InlineData("1999-12-31")]
    [InlineData("2101-01-01")]
    [InlineData("9999-12-31")]
    public void Dates_outside_the_records_years_are_refused(string day)
    {
        var problem = new ValidationErrors()
            .RequireDate("signedOn", DateOnly.Parse(day))
            .CheckDate("asOf", DateOnly.Parse(day))
            .ToProblem().ProblemDetails;
        Assert.Equal(["signedOn", "asOf"], problem.Errors.Keys);
        Assert.Contains("between 2000-01-01 and 2100-12-31", problem.Errors["asOf"][0]);
    }

    [Fact]
    public void Valid_values_leave_no_errors()
    {
        var errors = new ValidationErrors()
            .RequireAmount("contractedInvestment", 1_000_000_000.50m)
            .RequireText("agreementNo", "AN-2026-001")
            .RequireId("projectId", Guid.NewGuid())
            .RequireDate("signedOn", new DateOnly(2026, 11, 20))
            .RequireAmount("budgetCny", ValidationErrors.MaxAmount)
            .CheckDate("asOf", null)
            .CheckDate("endsOn", ValidationErrors.LastDay);
        Assert.True(errors.IsValid);
    }

    [Fact]
    public void Every_bad_field_is_named()
    {
        var problem = new ValidationErrors()
            .RequireText("name", " ")
            .RequireText("district", new string('区', 51), 50)
            .RequireId("enterpriseId", Guid.Empty)
            .ToProblem().ProblemDetails;
        Assert.Equal(["name", "district", "enterpriseId"], problem.Errors.Keys);
    }
}
