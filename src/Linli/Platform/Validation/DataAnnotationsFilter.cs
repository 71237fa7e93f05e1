using System.ComponentModel.DataAnnotations;

namespace Linli.Platform.Validation;

/// <summary>
/// Validates every request record an endpoint receives by its data annotations and answers 400 ProblemDetails naming
/// each bad field. (ASP.NET's generated validation sees only public types; our requests are internal.)
/// </summary>
internal sealed class DataAnnotationsFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        Dictionary<string, string[]>? errors = null;
        foreach (var argument in context.Arguments)
        {
            if (argument is null || argument.GetType().Namespace?.StartsWith("Linli.", StringComparison.Ordinal) != true) continue;
            var results = new List<ValidationResult>();
            if (Validator.TryValidateObject(argument, new ValidationContext(argument, context.HttpContext.RequestServices, null), results, validateAllProperties: true))
                continue;
            errors ??= [];
            foreach (var result in results)
            foreach (var member in result.MemberNames.DefaultIfEmpty(""))
                errors[member] = [.. errors.GetValueOrDefault(member, []), result.ErrorMessage ?? "Invalid."];
        }
        return errors is null ? await next(context) : TypedResults.ValidationProblem(errors, title: "One or more fields are invalid.");
    }
}

internal static class ValidationExtensions
{
    /// <summary>Validates the data annotations of every request record of the group's endpoints.</summary>
    public static TBuilder WithValidation<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter<TBuilder, DataAnnotationsFilter>();
}
