using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Zhaoshang.Platform.Errors;

/// <summary>
/// Turns request-binding failures (malformed JSON, a wrong type, an oversized body) into ProblemDetails that
/// name the offending field, instead of a bare status code.
/// </summary>
internal sealed partial class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
            return false;

        var field = FieldOf(badRequest);
        ProblemDetails problem = field is null
            ? new ProblemDetails { Detail = badRequest.Message }
            : new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                [field] = [$"'{field}' is missing a value of the expected type or format."],
            }) { Detail = $"The field '{field}' could not be read." };
        problem.Status = badRequest.StatusCode;
        problem.Title = badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge
            ? "The request body is too large."
            : "The request could not be read.";
        httpContext.Response.StatusCode = badRequest.StatusCode;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static string? FieldOf(BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException { Path: { Length: > 2 } path } && path.StartsWith("$.", StringComparison.Ordinal))
            return path[2..];
        var parameter = BindingFailure().Match(exception.Message);
        return parameter.Success ? parameter.Groups["name"].Value : null;
    }

    /// <summary>How ASP.NET Core reports a query or route value that does not convert, e.g. an unknown enum name.</summary>
    [GeneratedRegex(@"^Failed to bind parameter ""[^""]* (?<name>\w+)"" from")]
    private static partial Regex BindingFailure();
}
