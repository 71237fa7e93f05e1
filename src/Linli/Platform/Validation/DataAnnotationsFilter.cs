using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Linli.Platform.Localization;
using Microsoft.Extensions.Localization;

namespace Linli.Platform.Validation;

/// <summary>
/// Validates every request record an endpoint receives by its data annotations and answers 400 ProblemDetails naming
/// each bad field. (ASP.NET's generated validation sees only public types; our requests are internal.) A list with a
/// null element (<c>"tags": [null]</c>) is refused first, by its place, since no rule of the record expects one.
/// Messages come from the resource files and never quote the value, which may be personal data.
/// </summary>
internal sealed class DataAnnotationsFilter(IStringLocalizer<SharedResource> text) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        Dictionary<string, string[]>? errors = null;
        void Add(string member, string message) => (errors ??= [])[member] = [.. errors.GetValueOrDefault(member, []), message];
        var services = context.HttpContext.RequestServices.GetService<IServiceProviderIsService>();
        foreach (var argument in context.Arguments)
        {
            // Request records only: the endpoint's services (a DbContext, a handler) are arguments too, and are not input.
            if (argument is null || !IsRequestRecord(argument.GetType()) || services?.IsService(argument.GetType()) == true) continue;
            var nullElements = NullElements.Find(argument);
            if (nullElements.Count > 0)
            {
                foreach (var place in nullElements) Add(place, text["不能为空。"]);
                continue;
            }
            foreach (var (member, message) in Validate(argument, context.HttpContext.RequestServices)) Add(member, message);
        }
        return errors is null ? await next(context) : TypedResults.ValidationProblem(errors, title: text["有字段填写不正确。"]);
    }

    public static bool IsRequestRecord(Type type) =>
        type.Namespace?.StartsWith("Linli.", StringComparison.Ordinal) == true && !typeof(Microsoft.EntityFrameworkCore.DbContext).IsAssignableFrom(type);

    /// <summary>As <see cref="Validator.TryValidateObject(object, ValidationContext, ICollection{ValidationResult}, bool)"/>: a failed [Required] hides the property's other rules, the record's own rules run when its properties pass.</summary>
    private IEnumerable<(string Member, string Message)> Validate(object instance, IServiceProvider services)
    {
        var failed = false;
        foreach (var property in instance.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0) continue;
            var attributes = property.GetCustomAttributes<ValidationAttribute>(inherit: true).OrderByDescending(a => a is RequiredAttribute).ToList();
            if (attributes.Count == 0) continue;
            var value = property.GetValue(instance);
            var context = new ValidationContext(instance, services, null) { MemberName = property.Name, DisplayName = property.Name };
            foreach (var attribute in attributes)
            {
                if (attribute.GetValidationResult(value, context) is not { } result) continue;
                failed = true;
                yield return (property.Name, Message(attribute, value, result));
                if (attribute is RequiredAttribute) break;
            }
        }
        if (failed || instance is not IValidatableObject validatable) yield break;
        foreach (var result in validatable.Validate(new ValidationContext(instance, services, null)))
        foreach (var member in result.MemberNames.DefaultIfEmpty(""))
            yield return (member, text[result.ErrorMessage ?? "格式不正确。"]);
    }

    /// <summary>A rule's own message (a resource key, Chinese first) or, for the framework's rules without one, ours: the framework's are English and some quote the value.</summary>
    private string Message(ValidationAttribute attribute, object? value, ValidationResult result)
    {
        if (!string.IsNullOrEmpty(attribute.ErrorMessage) || attribute.ErrorMessageResourceType is not null)
            return text[result.ErrorMessage ?? attribute.ErrorMessage ?? "格式不正确。"];
        var isList = value is not null and not string and IEnumerable;
        return attribute switch
        {
            RequiredAttribute => text["必填。"],
            MaxLengthAttribute max => isList ? text["最多 {0} 项。", max.Length] : text["不能超过 {0} 个字符。", max.Length],
            MinLengthAttribute min => isList ? text["至少需要 {0} 项。", min.Length] : text["至少需要 {0} 个字符。", min.Length],
            StringLengthAttribute length => text["长度须在 {0} 到 {1} 个字符之间。", length.MinimumLength, length.MaximumLength],
            RangeAttribute range => text["须在 {0} 到 {1} 之间。", range.Minimum, range.Maximum],
            RegularExpressionAttribute => text["格式不正确。"],
            _ => text[result.ErrorMessage ?? "格式不正确。"],
        };
    }
}

/// <summary>Where a request record holds null inside a list (<c>DepartmentCodes[0]</c>, <c>Household.Members[2]</c>), nested records included.</summary>
internal static class NullElements
{
    private const int MaxDepth = 8;

    public static IReadOnlyList<string> Find(object instance)
    {
        var found = new List<string>();
        Walk(instance, "", 0, found);
        return found;
    }

    private static void Walk(object instance, string prefix, int depth, List<string> found)
    {
        if (depth > MaxDepth) return;
        foreach (var property in instance.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0) continue;
            var type = property.PropertyType;
            if (type == typeof(string) || (type.IsValueType && Nullable.GetUnderlyingType(type) is null)) continue;
            var value = property.GetValue(instance);
            var place = prefix + property.Name;
            if (value is IEnumerable list and not string)
            {
                var i = 0;
                foreach (var element in list)
                {
                    if (element is null) found.Add($"{place}[{i}]");
                    else if (DataAnnotationsFilter.IsRequestRecord(element.GetType())) Walk(element, $"{place}[{i}].", depth + 1, found);
                    i++;
                }
            }
            else if (value is not null && DataAnnotationsFilter.IsRequestRecord(value.GetType()))
                Walk(value, place + ".", depth + 1, found);
        }
    }
}

internal static class ValidationExtensions
{
    /// <summary>Validates the data annotations of every request record of the group's endpoints.</summary>
    public static TBuilder WithValidation<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter<TBuilder, DataAnnotationsFilter>();
}
