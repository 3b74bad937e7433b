using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Idempotency;

namespace Zhaoshang.Platform.Errors;

/// <summary>
/// A database that is restarting or unreachable is the server's passing trouble, not a fault of the request:
/// 503 with Retry-After, so callers (and the driver) retry instead of treating it as a 500. It says what became of the
/// change: nothing was kept when the failure came before the commit; when it hit the commit, nobody knows, and a
/// creating request sent with an Idempotency-Key may be sent again as it is.
/// </summary>
internal sealed class DatabaseUnavailableExceptionHandler(
    IProblemDetailsService problemDetails, Database database, ILogger<DatabaseUnavailableExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!exception.IsDatabaseOutage())
            return false;

        database.ForgetPooledConnections();
        logger.LogWarning("Database unavailable for {Method} {Path}: {Reason}", httpContext.Request.Method, httpContext.Request.Path, exception.Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "5";
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The service's database is unavailable.",
                Detail = Outcome(httpContext, exception),
            },
            Exception = exception,
        });
    }

    private static string Outcome(HttpContext httpContext, Exception exception)
    {
        if (exception is not CommitOutcomeUnknownException && exception.InnerException is not CommitOutcomeUnknownException)
            return "Nothing was changed. Retry in a few seconds.";
        const string unknown = "The database failed while the change was being committed: whether it was kept is unknown.";
        return IdempotentRequest.Of(httpContext) is not null
            ? $"{unknown} Retrying with the same Idempotency-Key is safe: if the change was kept, the retry gets its answer; if not, it is made once."
            : $"{unknown} Look at the record before retrying (a creating request sent with an Idempotency-Key can be retried as it is).";
    }
}
