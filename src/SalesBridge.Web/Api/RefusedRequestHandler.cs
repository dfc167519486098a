using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using SalesBridge.Errors;

namespace SalesBridge.Web.Api;

/// <summary>
/// Turns a refused request into its status and a ProblemDetails body: validation errors name each field, and a
/// malformed body says what is wrong with it. Anything else stays a 500 without details.
/// </summary>
internal sealed class RefusedRequestHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!context.Request.Path.StartsWithSegments(ApiV1.BasePath))
        {
            // Pages show the error page instead (see RequestPipeline).
            return false;
        }

        ProblemDetails? problem = exception switch
        {
            RequestValidationException invalid => new ValidationProblemDetails(invalid.Errors.ToDictionary(e => e.Key, e => e.Value))
            {
                Title = invalid.Title,
                Detail = invalid.Message,
                Status = invalid.StatusCode,
            },
            // The record Create record would duplicate, as data, so a client can offer it for Edit match.
            SalesBridge.CrmMatches.CrmRecordExistsException exists => new ProblemDetails
            {
                Title = exists.Title, Detail = exists.Message, Status = exists.StatusCode, Extensions = { ["existing"] = exists.Existing },
            },
            RequestRefusedException refused => new ProblemDetails { Title = refused.Title, Detail = refused.Message, Status = refused.StatusCode },
            BadHttpRequestException bad => new ProblemDetails
            {
                Title = "The request could not be read",
                Detail = bad.InnerException is System.Text.Json.JsonException json ? $"The body is not valid JSON for this request: {json.Message}" : bad.Message,
                Status = bad.StatusCode,
            },
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }

        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }
}
