using System.Globalization;

namespace Linli.Platform.Validation;

/// <summary>
/// The route constraints <c>int</c>, <c>long</c> and <c>guid</c> made strict. The framework's parse with
/// NumberStyles.Integer (leading and trailing white space, a sign) and Guid.TryParse (white space), so
/// <c>DELETE …/clients/%201</c> matched <c>{id:int}</c> as id 1. Here an id is its digits and nothing else, a guid
/// its 36-character form; anything else is no match, a 404.
/// </summary>
internal static class StrictRouteConstraints
{
    public static void Register(RouteOptions options)
    {
        options.SetParameterPolicy<StrictIntRouteConstraint>("int");
        options.SetParameterPolicy<StrictLongRouteConstraint>("long");
        options.SetParameterPolicy<StrictGuidRouteConstraint>("guid");
    }

    public static bool IsDigits(string? text, int maxLength) =>
        !string.IsNullOrEmpty(text) && text.Length <= maxLength && text.All(char.IsAsciiDigit);

    internal static string? Text(RouteValueDictionary values, string routeKey) =>
        values.TryGetValue(routeKey, out var value) ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;
}

internal sealed class StrictIntRouteConstraint : IRouteConstraint
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        StrictRouteConstraints.Text(values, routeKey) is { } text && StrictRouteConstraints.IsDigits(text, 10)
        && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _);
}

internal sealed class StrictLongRouteConstraint : IRouteConstraint
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        StrictRouteConstraints.Text(values, routeKey) is { } text && StrictRouteConstraints.IsDigits(text, 19)
        && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _);
}

internal sealed class StrictGuidRouteConstraint : IRouteConstraint
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        StrictRouteConstraints.Text(values, routeKey) is { Length: 36 } text && Guid.TryParseExact(text, "D", out _);
}
