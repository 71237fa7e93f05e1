using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Features.AddCategory;
using Linli.Modules.Requests.Features.ChangeCategory;
using Linli.Modules.Requests.Features.EditRoutingRule;
using Linli.Modules.Requests.Features.ListCategories;
using Linli.Modules.Requests.Features.ListRoutingRules;
using Linli.Modules.Requests.Seeding;
using Linli.Platform.Auth;
using Linli.Platform.Persistence;
using Linli.Platform.Startup;
using Linli.Platform.Validation;

namespace Linli.Modules.Requests;

internal static class RequestsModule
{
    public static IHostApplicationBuilder AddRequestsModule(this IHostApplicationBuilder builder)
    {
        builder.AddModuleDbContext<RequestsDbContext>(RequestsDbContext.Module);
        builder.Services.AddScoped<IStartupTask, EnsureCategories>();
        return builder;
    }

    public static IEndpointRouteBuilder MapRequests(this IEndpointRouteBuilder app)
    {
        var categories = app.MapGroup("/api/requests/categories").WithTags("Requests").RequireAuthorization().WithValidation();
        ListCategoriesEndpoint.Map(categories);
        var configure = categories.MapGroup("").RequireAuthorization(Permissions.ConfigureRequests);
        AddCategoryEndpoint.Map(configure);
        ChangeCategoryEndpoint.Map(configure);

        var rules = app.MapGroup("/api/requests/routing-rules").WithTags("Requests").RequireAuthorization(Permissions.ConfigureRequests).WithValidation();
        ListRoutingRulesEndpoint.Map(rules);
        EditRoutingRuleEndpoint.Map(rules);
        return app;
    }
}
