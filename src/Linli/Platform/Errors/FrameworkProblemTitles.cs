using Linli.Platform.Localization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace Linli.Platform.Errors;

/// <summary>
/// The framework's own answers (a bare 401 or 404 from the status-code pages, a 405 from routing) carry its English
/// reason phrase as the title: said here in the caller's language instead. A title our code chose is left alone.
/// </summary>
internal static class FrameworkProblemTitles
{
    private static readonly Dictionary<int, string> Titles = new()
    {
        [StatusCodes.Status400BadRequest] = "请求无法读取。",
        [StatusCodes.Status401Unauthorized] = "需要登录。",
        [StatusCodes.Status403Forbidden] = "无权执行此操作。",
        [StatusCodes.Status404NotFound] = "未找到。",
        [StatusCodes.Status405MethodNotAllowed] = "不支持此请求方法。",
        [StatusCodes.Status406NotAcceptable] = "无法以所请求的格式答复。",
        [StatusCodes.Status409Conflict] = "冲突。",
        [StatusCodes.Status413PayloadTooLarge] = "请求正文过大。",
        [StatusCodes.Status415UnsupportedMediaType] = "不支持的请求格式。",
        [StatusCodes.Status429TooManyRequests] = "请求过于频繁。",
        [StatusCodes.Status500InternalServerError] = "发生了意外错误。",
        [StatusCodes.Status503ServiceUnavailable] = "服务暂时不可用。",
    };

    // What the framework writes when nobody chose a title (ProblemDetailsDefaults; 500 has a sentence of its own).
    private const string DefaultServerErrorTitle = "An error occurred while processing your request.";

    public static void Localize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        if (!Titles.TryGetValue(status, out var key)) return;
        if (problem.Title is not null && problem.Title != ReasonPhrases.GetReasonPhrase(status) && problem.Title != DefaultServerErrorTitle) return;
        problem.Title = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>()[key];
    }
}
