using Linli.Modules.Accounts.Data;
using Linli.Modules.Accounts.Domain;
using Linli.Modules.Accounts.Features.IssueToken;
using Linli.Modules.Accounts.Seeding;
using Linli.Platform.Auth;
using Linli.Platform.Persistence;
using Linli.Platform.Startup;
using Linli.Platform.Validation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Linli.Modules.Accounts;

internal static class AccountsModule
{
    /// <summary>Cookie for pages, bearer token for the API; this scheme picks by the Authorization header.</summary>
    public const string CookieOrBearer = "linli";

    public static IHostApplicationBuilder AddAccountsModule(this IHostApplicationBuilder builder)
    {
        builder.AddModuleDbContext<AccountsDbContext>(AccountsDbContext.Module);
        builder.Services
            .AddAuthentication(CookieOrBearer)
            .AddPolicyScheme(CookieOrBearer, "Cookie or bearer token", options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? IdentityConstants.BearerScheme
                        : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme)
            .AddIdentityCookies();
        builder.Services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/denied";
            options.Cookie.Name = "linli.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            // The API answers 401/403 ProblemDetails; only pages are sent to the sign-in form.
            options.Events.OnRedirectToLogin = context => ApiOr(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => ApiOr(context, StatusCodes.Status403Forbidden);
        });
        builder.Services
            .AddIdentityCore<LinliUser>(options =>
            {
                options.User.RequireUniqueEmail = false;
                options.Password.RequiredLength = 8;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AccountsDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<LinliClaimsFactory>()
            .AddDefaultTokenProviders();
        // A locked account or changed roles get a new security stamp; signed-in browsers notice within a minute.
        builder.Services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        builder.Services.AddScoped<Pages.Admin.AccountRules>();
        builder.Services.AddScoped<IStartupTask, EnsureRoles>();
        builder.Services.AddScoped<IStartupTask, DemoAccounts>();
        return builder;
    }

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        IssueTokenEndpoint.Map(app.MapGroup("/api/auth").WithTags("Accounts").WithValidation());
        return app;
    }

    private static Task ApiOr(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>Every role of <see cref="Roles"/> exists in the store.</summary>
internal sealed class EnsureRoles(RoleManager<IdentityRole> roles) : IStartupTask
{
    public int Order => 20;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        }
    }
}
