using Microsoft.AspNetCore.Http.Features;

namespace Linli.Modules.Requests.Features.Open311;

/// <summary>
/// The form of an Open311 POST, read defensively: it is read before the api_key in it can be checked, so anyone may send
/// anything. Only a form content type, at most <see cref="MaxBytes"/>, bounded field counts and lengths, no uploaded files;
/// a body that cannot be read (a multipart boundary that does not match, a body cut short, a charset that does not exist)
/// is the spec's 400, one too large a 413 — never a 500.
/// </summary>
internal sealed class Open311Form(IFormCollection form)
{
    /// <summary>Room for every field at its longest, URL-encoded (a 4,000-character Chinese description is 36 KB so).</summary>
    public const int MaxBytes = 256 * 1024;
    public const int MaxFields = 200, MaxKeyLength = 200;

    private static readonly FormOptions Limits = new()
    {
        ValueCountLimit = MaxFields, KeyLengthLimit = MaxKeyLength, ValueLengthLimit = MaxBytes,
        MultipartBodyLengthLimit = MaxBytes, MultipartHeadersCountLimit = 16, MultipartHeadersLengthLimit = 16 * 1024, MultipartBoundaryLengthLimit = 128,
    };

    public IFormCollection Fields => form;

    public static async Task<Open311Form> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType)
            throw Open311Exception.BadRequest("请以表单提交请求（application/x-www-form-urlencoded 或 multipart/form-data）。");
        if (request.ContentLength > MaxBytes) throw TooLarge();
        // Kestrel stops a body without a Content-Length at the same size.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = MaxBytes;
        // The platform's input check may have read the form already (with the limits the endpoints declare, WithOpen311Form);
        // reading it again from the spent body would find nothing.
        if (request.HttpContext.Features.Get<IFormFeature>()?.Form is null)
            request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, Limits));
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge();
        }
        catch (Exception e) when (e is BadHttpRequestException or InvalidDataException or IOException or FormatException or InvalidOperationException
                                      or System.Text.DecoderFallbackException)
        {
            // The framework's messages may quote what was sent: name only the kind of failure.
            throw e is InvalidDataException
                ? Open311Exception.BadRequest("表单无法读取：最多 {0} 个字段，字段名最长 {1} 个字符，multipart 正文须完整无误。", MaxFields, MaxKeyLength)
                : Open311Exception.BadRequest("表单无法读取（multipart 分隔符与正文不符、正文被截断或字符集未知）。");
        }
        if (form.Files.Count > 0) throw Open311Exception.BadRequest("此处不接收文件：请以 media_url 给出照片。");
        return new Open311Form(form);
    }

    /// <summary>The field's first non-blank value, trimmed; null when absent or blank.</summary>
    public string? Field(string name) => form[name].FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();

    /// <summary>The field as <see cref="Field"/>, refused (400) when longer than <paramref name="max"/> characters.</summary>
    public string? Bounded(string name, int max) =>
        Field(name) is { } v && v.Length > max ? throw Open311Exception.BadRequest("{0} 超过 {1} 个字符。", name, max) : Field(name);

    /// <summary>
    /// The request's fingerprint for an idempotency key: every field but the key itself, in a fixed order, so that a
    /// client's retry (fields in any order) is the same request and any changed value is not.
    /// </summary>
    public IEnumerable<string> Fingerprint() =>
        form.Where(f => f.Key != "api_key").OrderBy(f => f.Key, StringComparer.Ordinal).SelectMany(f => f.Value.Select(v => $"{f.Key}={v}"));

    private static Open311Exception TooLarge() => new(StatusCodes.Status413PayloadTooLarge, "表单超过 {0} KB。", MaxBytes / 1024);
}

internal static class Open311FormEndpoints
{
    /// <summary>
    /// The limits of <see cref="Open311Form"/> as endpoint metadata, so that whoever reads the form first (the platform's
    /// input check reads every form) reads it with them.
    /// </summary>
    public static RouteHandlerBuilder WithOpen311Form(this RouteHandlerBuilder endpoint) =>
        endpoint.WithFormOptions(bufferBody: false, valueCountLimit: Open311Form.MaxFields, keyLengthLimit: Open311Form.MaxKeyLength,
            valueLengthLimit: Open311Form.MaxBytes, multipartBodyLengthLimit: Open311Form.MaxBytes, multipartHeadersCountLimit: 16,
            multipartHeadersLengthLimit: 16 * 1024, multipartBoundaryLengthLimit: 128);
}
