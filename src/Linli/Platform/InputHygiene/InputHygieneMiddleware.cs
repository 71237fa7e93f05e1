using System.Text;
using System.Text.RegularExpressions;
using Linli.Platform.Errors;
using Linli.Platform.Localization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Linli.Platform.InputHygiene;

/// <summary>
/// Every text input is checked once, at the edge, before any endpoint binds it: the path (and so every route value), the
/// query string, the headers, and the body (JSON read token by token, forms read with the endpoint's own limits). A
/// control character or a text that is not Unicode is a 400 naming the field, an unknown charset a 415, an unreadable
/// body a 400 — never a 500 from deep inside a handler or the database (PostgreSQL refuses NUL in text). See
/// <see cref="ForbiddenCharacters"/> for what is refused.
/// </summary>
internal sealed partial class InputHygieneMiddleware(RequestDelegate next, IStringLocalizer<SharedResource> text, IOptions<FormOptions> formOptions)
{
    [GeneratedRegex(@"^[A-Za-z0-9_.\[\]\-]{1,64}$")]
    private static partial Regex PlainName();

    public async Task InvokeAsync(HttpContext http)
    {
        var rejection = CheckPath(http.Request) ?? CheckQuery(http.Request) ?? CheckHeaders(http.Request) ?? CheckCharset(http.Request);
        if (rejection is null && http.GetEndpoint() is { } endpoint && HasBody(http))
            rejection = await CheckBodyAsync(http, endpoint);
        if (rejection is null)
        {
            await next(http);
            return;
        }
        await ErrorResponses.WriteAsync(http, rejection.Status, rejection.Title, rejection.Detail,
            rejection.Field is null ? null : new Dictionary<string, string[]> { [rejection.Field] = [rejection.Message ?? ""] });
    }

    /// <summary>Why a request is refused, in the caller's language; it names the field, never quotes the input.</summary>
    private sealed record Rejection(int Status, string Title, string? Detail = null, string? Field = null, string? Message = null);

    private Rejection BadCharacter(string field) => new(StatusCodes.Status400BadRequest, text["请求中有无法接受的字符。"], Field: field, Message: text["含有控制字符（如 NUL），请删除后重试。"]);

    private Rejection NotUnicode(string field) => new(StatusCodes.Status400BadRequest, text["请求中有无法接受的字符。"], Field: field, Message: text["不是有效的 UTF-8 文本。"]);

    private Rejection? CheckPath(HttpRequest request) =>
        ForbiddenCharacters.AreIn(request.PathBase.Value, freeText: false) || ForbiddenCharacters.AreIn(request.Path.Value, freeText: false)
            ? BadCharacter("path")
            : null;

    private Rejection? CheckQuery(HttpRequest request)
    {
        if (!request.QueryString.HasValue) return null;
        foreach (var (key, values) in request.Query)
        {
            if (ForbiddenCharacters.AreIn(key, freeText: false)) return BadCharacter("query");
            foreach (var value in values)
                if (ForbiddenCharacters.AreIn(value, freeText: true))
                    return BadCharacter(FieldName(key, "query"));
        }
        return null;
    }

    // Field values may hold tab (RFC 9110), never another control character.
    private Rejection? CheckHeaders(HttpRequest request)
    {
        foreach (var (name, values) in request.Headers)
        foreach (var value in values)
            if (value is not null && ForbiddenCharacters.AreIn(value.Replace('\t', ' '), freeText: false))
                return BadCharacter(FieldName(name, "headers"));
        return null;
    }

    /// <summary>JSON is UTF-8 (RFC 8259); any other body may name a charset, but one .NET knows.</summary>
    private Rejection? CheckCharset(HttpRequest request)
    {
        if (request.ContentType is null || !MediaTypeHeaderValue.TryParse(request.ContentType, out var media) || !media.Charset.HasValue) return null;
        var charset = media.Charset.Value!.Trim('"');
        Encoding? encoding;
        try
        {
            encoding = Encoding.GetEncoding(charset);
        }
        catch (ArgumentException)
        {
            encoding = null;
        }
        if (IsJson(media) && encoding is not UTF8Encoding)
            return new Rejection(StatusCodes.Status415UnsupportedMediaType, text["不支持请求的字符编码。"], text["JSON 请求须使用 UTF-8 编码。"]);
        return encoding is null ? new Rejection(StatusCodes.Status415UnsupportedMediaType, text["不支持请求的字符编码。"], text["无法识别 Content-Type 中的字符集（charset）。"]) : null;
    }

    private static bool IsJson(MediaTypeHeaderValue media) =>
        media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.MediaType.Equals("text/json", StringComparison.OrdinalIgnoreCase)
        || (media.MediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && media.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));

    private static bool HasBody(HttpContext http) =>
        http.Request.ContentLength is > 0 || (http.Request.ContentLength is null && http.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true);

    private async Task<Rejection?> CheckBodyAsync(HttpContext http, Endpoint endpoint)
    {
        var request = http.Request;
        if (request.HasFormContentType) return await CheckFormAsync(http, endpoint);
        if (request.ContentType is null || !MediaTypeHeaderValue.TryParse(request.ContentType, out var media) || !IsJson(media)) return null;

        request.EnableBuffering();
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, http.RequestAborted);
        request.Body.Position = 0;
        return JsonTextCheck.Find(body.GetBuffer().AsSpan(0, (int)body.Length)) switch
        {
            null => null,
            { Kind: JsonTextProblemKind.Syntax } syntax => new Rejection(StatusCodes.Status400BadRequest, text["请求正文不是有效的 JSON。"],
                text["第 {0} 行第 {1} 个字节附近有误。", syntax.Line, syntax.Position]),
            var problem => problem.Kind == JsonTextProblemKind.InvalidUtf8 ? NotUnicode(problem.Path ?? "body") : BadCharacter(problem.Path ?? "body"),
        };
    }

    private async Task<Rejection?> CheckFormAsync(HttpContext http, Endpoint endpoint)
    {
        // Read with the endpoint's limits (an upload page raises them), as its own binding would; the form is kept for it.
        if (endpoint.Metadata.GetMetadata<IFormOptionsMetadata>() is { } limits && http.Features.Get<IFormFeature>()?.Form is null)
            http.Features.Set<IFormFeature>(new FormFeature(http.Request, Merge(formOptions.Value, limits)));
        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (InvalidDataException e) when (e.InnerException is InvalidOperationException)
        {
            // The URL-encoded form reader itself refuses an encoded NUL (%00), before any field is known.
            return BadCharacter("form");
        }
        catch (Exception e) when (e is InvalidDataException or IOException && !http.RequestAborted.IsCancellationRequested && e is not BadHttpRequestException)
        {
            // A multipart boundary that does not match, a body cut short, a limit passed.
            return new Rejection(StatusCodes.Status400BadRequest, text["表单无法读取。"], text["表单格式有误或超出限制（例如 multipart 分隔符与内容不符）。"]);
        }
        foreach (var (key, values) in form)
        {
            if (ForbiddenCharacters.AreIn(key, freeText: false)) return BadCharacter("form");
            foreach (var value in values)
                if (ForbiddenCharacters.AreIn(value, freeText: true))
                    return BadCharacter(FieldName(key, "form"));
        }
        foreach (var file in form.Files)
            if (ForbiddenCharacters.AreIn(file.Name, freeText: false) || ForbiddenCharacters.AreIn(file.FileName, freeText: false))
                return BadCharacter(FieldName(file.Name, "form"));
        return null;
    }

    /// <summary>A field is named in the answer only when its name is a plain identifier: a name is input too.</summary>
    private static string FieldName(string name, string otherwise) => PlainName().IsMatch(name) ? name : otherwise;

    private static FormOptions Merge(FormOptions defaults, IFormOptionsMetadata limits) => new()
    {
        BufferBody = limits.BufferBody ?? defaults.BufferBody,
        MemoryBufferThreshold = limits.MemoryBufferThreshold ?? defaults.MemoryBufferThreshold,
        BufferBodyLengthLimit = limits.BufferBodyLengthLimit ?? defaults.BufferBodyLengthLimit,
        ValueCountLimit = limits.ValueCountLimit ?? defaults.ValueCountLimit,
        KeyLengthLimit = limits.KeyLengthLimit ?? defaults.KeyLengthLimit,
        ValueLengthLimit = limits.ValueLengthLimit ?? defaults.ValueLengthLimit,
        MultipartBoundaryLengthLimit = limits.MultipartBoundaryLengthLimit ?? defaults.MultipartBoundaryLengthLimit,
        MultipartHeadersCountLimit = limits.MultipartHeadersCountLimit ?? defaults.MultipartHeadersCountLimit,
        MultipartHeadersLengthLimit = limits.MultipartHeadersLengthLimit ?? defaults.MultipartHeadersLengthLimit,
        MultipartBodyLengthLimit = limits.MultipartBodyLengthLimit ?? defaults.MultipartBodyLengthLimit,
    };
}
