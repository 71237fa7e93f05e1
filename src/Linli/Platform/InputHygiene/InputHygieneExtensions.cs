using Linli.Platform.Validation;

namespace Linli.Platform.InputHygiene;

internal static class InputHygieneExtensions
{
    /// <summary>
    /// Strict id constraints in every route, and binding failures thrown to the one exception handler (which names the
    /// field and never the value) instead of a bare 400 whose log line quotes the value.
    /// </summary>
    public static IServiceCollection AddInputHygiene(this IServiceCollection services)
    {
        services.Configure<RouteOptions>(StrictRouteConstraints.Register);
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddLocalizedBindingMessages();
        return services;
    }

    /// <summary>Refuses unreadable or control-character input before any endpoint binds it (after routing: forms are read with the endpoint's limits).</summary>
    public static IApplicationBuilder UseInputHygiene(this IApplicationBuilder app) => app.UseMiddleware<InputHygieneMiddleware>();
}
