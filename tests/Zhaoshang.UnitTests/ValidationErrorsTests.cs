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
    public void Amounts_must_be_positive_and_exact_to_the_fen(string? amount, string message)
    {
        var errors = new ValidationErrors().RequireAmount("contractedInvestment", amount is null ? null : decimal.Parse(amount));
        Assert.False(errors.IsValid);
        var problem = errors.ToProblem().ProblemDetails;
        Assert.Equal(StatusCodes.Status400BadRequest, problem.Status);
        Assert.Contains(message, Assert.Single(problem.Errors["contractedInvestment"]));
    }

    [Fact]
    public void Valid_values_leave_no_errors()
    {
        var errors = new ValidationErrors()
            .RequireAmount("contractedInvestment", 1_000_000_000.50m)
            .RequireText("agreementNo", "AN-2026-001")
            .RequireId("projectId", Guid.NewGuid())
            .RequireDate("signedOn", new DateOnly(2026, 11, 20));
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
