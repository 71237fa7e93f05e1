using System.Text.Json;
using System.Text.RegularExpressions;
using Linli.Platform.InputHygiene;
using Linli.Platform.Localization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Linli.Platform.Errors;

/// <summary>The one place an exception becomes an HTTP answer: RFC 9457 ProblemDetails, never a stack trace.</summary>
internal sealed partial class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails, IStringLocalizer<SharedResource> text,
    ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>Seconds a client should wait after a 503 before trying again: a database restart takes well under one.</summary>
    public const int RetryAfterSeconds = 1;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ValidationFailedException v => new HttpValidationProblemDetails(v.Localized(text))
            {
                Status = StatusCodes.Status400BadRequest, Title = text[v.Message],
            },
            BadHttpRequestException b => Unreadable(b),
            NotFoundException n => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = text["未找到。"], Detail = n.Phrase.In(text) },
            ConflictException c => WithDetails(new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = text["冲突。"], Detail = c.Phrase.In(text) }, c.Details),
            ForbiddenException f => new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = text["无权执行此操作。"], Detail = f.Phrase.In(text) },
            Idempotency.IdempotencyKeyReusedException => new ProblemDetails
            {
                Status = StatusCodes.Status422UnprocessableEntity, Title = text["Idempotency-Key 已用于另一请求。"],
                Detail = text[Idempotency.IdempotencyKeyReusedException.Explanation],
            },
            TooManyRequestsException t => TooMany(httpContext, t),
            Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict, Title = text["冲突。"], Detail = text["记录已被他人修改，请刷新后重试。"],
            },
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => new ProblemDetails { Status = 499, Title = text["客户端已关闭请求。"] },
            _ when TransientDatabaseFailure.Is(exception) => new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable, Title = text["服务暂时不可用。"], Detail = text["数据库暂时无法访问，请稍后重试。"],
            },
            _ => new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = text["发生了意外错误。"] },
        };
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            // Expected during a restart or failover: a warning without the stack, and a fresh connection next time.
            logger.LogWarning("Database unavailable ({Failure}) on {Method} {Path}: answered 503",
                exception.GetBaseException().GetType().Name, httpContext.Request.Method, httpContext.Request.Path);
            TransientDatabaseFailure.ForgetBrokenConnections(exception);
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (problem.Status >= 500)
            logger.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext, ProblemDetails = problem, Exception = exception,
        });
    }

    // The framework's message quotes the value that failed to bind, which may be personal data: name only the field and the kind of failure.
    private ProblemDetails Unreadable(BadHttpRequestException exception)
    {
        var status = exception.StatusCode;
        if (status == StatusCodes.Status413PayloadTooLarge)
            return new ProblemDetails { Status = status, Title = text["请求无法读取。"], Detail = text["请求正文过大。"] };
        if (status == StatusCodes.Status415UnsupportedMediaType)
            return new ProblemDetails { Status = status, Title = text["不支持的请求格式。"], Detail = text["请按接口文档使用 JSON（application/json）或表单格式。"] };
        var required = exception.Message.StartsWith("Required parameter", StringComparison.Ordinal);
        if (exception.InnerException is JsonException json)
        {
            // The reader's path names the member inside the body, as the request record names it.
            var member = json.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? MemberPath(path[2..]) : null;
            return member is null
                ? new ProblemDetails { Status = status, Title = text["请求无法读取。"], Detail = text["请求正文不是所需格式的 JSON。"] }
                : new HttpValidationProblemDetails(new Dictionary<string, string[]> { [member] = [text["格式不正确。"]] }) { Status = status, Title = text["请求无法读取。"] };
        }
        if (exception.Message.Contains(" body", StringComparison.Ordinal))
            return new ProblemDetails { Status = status, Title = text["请求无法读取。"], Detail = text["请求正文缺失或不是所需格式的 JSON。"] };
        // A route, query, header or form value: the framework's message names our parameter (never echoed: it quotes the value too).
        return ParameterName().Match(exception.Message) is { Success: true } m
            ? new HttpValidationProblemDetails(new Dictionary<string, string[]> { [JsonTextCheck.MemberName(m.Groups["name"].Value)] = [required ? text["必填。"] : text["格式不正确。"]] })
            {
                Status = status, Title = text["请求无法读取。"],
            }
            : new ProblemDetails { Status = status, Title = text["请求无法读取。"], Detail = text["请求中有缺失或格式不正确的值。"] };
    }

    private static string MemberPath(string jsonPath) =>
        string.Join('.', jsonPath.Split('.').Select(JsonTextCheck.MemberName));

    [GeneratedRegex("""parameter "(?:[^"]* )?(?<name>[A-Za-z_][A-Za-z0-9_]*)"[^"]*""")]
    private static partial Regex ParameterName();

    private ProblemDetails TooMany(HttpContext httpContext, TooManyRequestsException exception)
    {
        httpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(exception.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new ProblemDetails { Status = StatusCodes.Status429TooManyRequests, Title = text["请求过于频繁。"], Detail = text[exception.Format, exception.Arguments] };
    }

    private static ProblemDetails WithDetails(ProblemDetails problem, IReadOnlyDictionary<string, object?> details)
    {
        foreach (var (key, value) in details) problem.Extensions[key] = value;
        return problem;
    }
}
