using Linli.Platform.Errors;
using Linli.Platform.Idempotency;
using Linli.Platform.Localization;
using Microsoft.Extensions.Localization;

namespace Linli.Modules.Requests.Features.Open311;

/// <summary>Turns whatever goes wrong inside an Open311 endpoint into the spec's error list, never a stack trace.</summary>
internal sealed class Open311ErrorFilter(ILogger<Open311ErrorFilter> logger, IStringLocalizer<SharedResource> text) : IEndpointFilter
{
    // Intake speaks in its own field names; Open311 clients know the spec's.
    private static readonly Dictionary<string, string> Fields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Longitude"] = "lat/long", ["Latitude"] = "lat/long", ["CommunityCode"] = "address_id", ["GridCode"] = "address_id",
        ["Description"] = "description", ["CategoryId"] = "service_code", ["ContactPhone"] = "phone", ["Address"] = "address_string",
    };

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var format = http.GetRouteValue("format") as string;
        if (http.GetRouteValue("path") is null && !Open311Format.IsKnown(format))
            return Open311Format.Error(Open311Format.Xml, StatusCodes.Status404NotFound, text["未知格式：请用 .xml 或 .json。"]);
        try
        {
            return await next(context);
        }
        catch (Open311Exception e)
        {
            return Open311Format.Error(format, e.Status, e.Phrase.In(text));
        }
        catch (ValidationFailedException e)
        {
            var description = string.Join(" ", e.Localized(text).Select(f => $"{Fields.GetValueOrDefault(f.Key, f.Key)}: {string.Join(" ", f.Value)}"));
            return Open311Format.Error(format, StatusCodes.Status400BadRequest, description);
        }
        catch (NotFoundException e)
        {
            return Open311Format.Error(format, StatusCodes.Status404NotFound, e.Phrase.In(text));
        }
        catch (ForbiddenException e)
        {
            return Open311Format.Error(format, StatusCodes.Status403Forbidden, e.Phrase.In(text));
        }
        catch (IdempotencyKeyReusedException)
        {
            return Open311Format.Error(format, StatusCodes.Status422UnprocessableEntity, text[IdempotencyKeyReusedException.Explanation]);
        }
        catch (Exception e) when (e is BadHttpRequestException or InvalidDataException or FormatException)
        {
            return Open311Format.Error(format, StatusCodes.Status400BadRequest, text["请求无法读取。"]);
        }
        // A database that is briefly away is left to the platform's retry and its 503 (Platform/Errors).
        catch (Exception e) when ((e is not OperationCanceledException || !http.RequestAborted.IsCancellationRequested) && !TransientDatabaseFailure.Is(e))
        {
            logger.LogError(e, "Open311 {Method} {Path} failed", http.Request.Method, http.Request.Path);
            return Open311Format.Error(format, StatusCodes.Status500InternalServerError, text["发生了意外错误。"]);
        }
    }
}
