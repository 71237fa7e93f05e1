using Linli.Modules.Accounts.Data;
using Linli.Modules.Accounts.Domain;
using Linli.Modules.Accounts.Features.ChangePassword;
using Linli.Modules.Accounts.Features.IssueToken;
using Linli.Modules.Accounts.Features.RevokeToken;
using Linli.Modules.Accounts.Features.Sessions;
using Linli.Modules.Accounts.Features.SignIn;
using Linli.Modules.Accounts.Jobs;
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
        builder.AddModuleDbContext<AccountsDbContext, Data.SqliteAccountsDbContext, Data.PostgresAccountsDbContext>(AccountsDbContext.Module);
        builder.Services.AddPermissions(AccountsPermissions.Declared);
        builder.Services.Configure<SignInLimits>(builder.Configuration.GetSection(SignInLimits.Section));
        builder.Services
            .AddAuthentication(CookieOrBearer)
            .AddPolicyScheme(CookieOrBearer, "Cookie or bearer token", options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? RevocableBearerHandler.SchemeName
                        : IdentityConstants.ApplicationScheme)
            // Identity's bearer tokens, each checked against its account at least once a minute (lock, stamp).
            .AddScheme<AuthenticationSchemeOptions, RevocableBearerHandler>(RevocableBearerHandler.SchemeName, options =>
            {
                options.ForwardChallenge = IdentityConstants.BearerScheme;
                options.ForwardForbid = IdentityConstants.BearerScheme;
            })
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
            // Secure whenever the request is HTTPS, as it is behind a TLS proxy named in ReverseProxy (Platform/Security).
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
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
                // Identity's lock is the account's own (an administrator's, or too many failures from everywhere); wrong
                // passwords are counted per client and per name by SignInThrottle, not by Identity's per-account counter.
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AccountsDbContext>()
            .AddSignInManager<LinliSignInManager>()
            .AddClaimsPrincipalFactory<LinliClaimsFactory>()
            .AddDefaultTokenProviders();
        // A locked account or changed roles get a new security stamp; signed-in browsers notice within a minute, like tokens.
        builder.Services.AddOptions<SecurityStampValidatorOptions>()
            .Configure<Microsoft.Extensions.Options.IOptions<SignInLimits>>((options, signIn) => options.ValidationInterval = signIn.Value.RevalidationInterval);
        builder.Services.AddSingleton<SessionValidator>();
        builder.Services.AddScoped<AccountSessions>();
        builder.Services.AddScoped<SignInThrottle>();
        builder.Services.AddScoped<PasswordSignIn>();
        builder.Services.AddScoped<Features.Audit.AccountAudit>();
        builder.Services.AddSingleton<Features.Audit.CityCode>();
        builder.Services.AddHostedService<SignInFailureCleanup>();
        builder.Services.AddScoped<Pages.Admin.AccountRules>();
        builder.Services.AddScoped<IStartupTask, EnsureRoles>();
        builder.Services.AddScoped<IStartupTask, DemoAccounts>();
        builder.Services.AddScoped<Linli.Platform.Ui.IHomeTiles, Features.Home.AccountsHomeTiles>();
        return builder;
    }

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Accounts").WithValidation();
        IssueTokenEndpoint.Map(auth);
        RevokeEndpoint.Map(auth);
        ChangePasswordEndpoint.Map(auth);
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
