using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Linli.Platform.Auth;

/// <summary>
/// A permission: the name of its authorization policy and the roles granted it. The module that owns what it guards
/// declares it (e.g. Modules/Requests/RequestsPermissions.cs) and registers it with <see cref="PermissionRegistration.AddPermissions"/>;
/// the endpoint, the page and the navigation all ask by its name, so who may do a thing is written once.
/// </summary>
internal sealed record Permission(string Name, IReadOnlyList<string> Roles)
{
    public bool IsGrantedTo(ClaimsPrincipal user) => Roles.Any(user.IsInRole);
}

/// <summary>Every permission the modules declared, for checks outside the authorization middleware (navigation, home tiles).</summary>
internal sealed class PermissionCatalog(IEnumerable<Permission> declared)
{
    private readonly Dictionary<string, Permission> _byName = declared.ToDictionary(p => p.Name, StringComparer.Ordinal);

    public IReadOnlyCollection<Permission> All => _byName.Values;

    /// <summary>Whether <paramref name="user"/> holds <paramref name="permission"/>; a name no module declares is a programming error.</summary>
    public bool Allows(ClaimsPrincipal user, string permission) =>
        _byName.TryGetValue(permission, out var p) ? p.IsGrantedTo(user) : throw new InvalidOperationException($"No module declares the permission '{permission}'.");
}

internal static class PermissionRegistration
{
    /// <summary>Registers a module's permissions as authorization policies of the same names.</summary>
    public static IServiceCollection AddPermissions(this IServiceCollection services, IEnumerable<Permission> permissions)
    {
        foreach (var permission in permissions) services.AddSingleton(permission);
        services.TryAddSingleton<PermissionCatalog>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<AuthorizationOptions>, PermissionPolicies>());
        return services;
    }

    private sealed class PermissionPolicies(IEnumerable<Permission> permissions) : IConfigureOptions<AuthorizationOptions>
    {
        public void Configure(AuthorizationOptions options)
        {
            foreach (var permission in permissions)
                options.AddPolicy(permission.Name, policy => policy.RequireRole(permission.Roles));
        }
    }
}
