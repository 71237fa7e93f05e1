using System.Net;
using AngleSharp.Html.Parser;
using Linli.Modules.Requests;
using Linli.Platform.Auth;
using Linli.Tests.Infrastructure;
using Linli.Tests.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Linli.Tests.Platform;

/// <summary>
/// Permissions are declared by the module that owns them (Platform/Auth/Permission.cs): each is a policy of its name,
/// no name twice, and the endpoint, the page and the navigation agree because they all ask the same declaration.
/// </summary>
[Collection("city2")]
public sealed class PermissionTests(CityFixture city)
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public void Every_declared_permission_is_a_policy_of_its_name_and_no_name_is_declared_twice()
    {
        var declared = city.App.Services.GetServices<Permission>().ToList();
        Assert.Equal(declared.Select(p => p.Name).Distinct().Count(), declared.Count);
        Assert.Contains(declared, p => p.Name == RequestsPermissions.ReadMetrics);
        var options = city.App.Services.GetRequiredService<IOptions<AuthorizationOptions>>().Value;
        foreach (var permission in declared)
        {
            Assert.NotNull(options.GetPolicy(permission.Name));
            Assert.NotEmpty(permission.Roles);
            Assert.All(permission.Roles, role => Assert.Contains(role, Roles.All));
        }
    }

    [Fact]
    public void A_permission_no_module_declares_is_a_programming_error_not_a_silent_refusal()
    {
        var catalog = city.App.Services.GetRequiredService<PermissionCatalog>();
        Assert.Throws<InvalidOperationException>(() => catalog.Allows(new System.Security.Claims.ClaimsPrincipal(), "nobody.declares.this"));
    }

    [Theory]
    [InlineData(Roles.StreetStaff, "210102001")]
    [InlineData(Roles.DistrictStaff, "210102")]
    [InlineData(Roles.Supervisor, "2101")]
    [InlineData(Roles.Administrator, "2101")]
    [InlineData(Roles.CommunityWorker, CityFixture.CommunityA)]
    [InlineData(Roles.GridWorker, CityFixture.CommunityA)]
    [InlineData(Roles.HotlineOperator, "2101")]
    [InlineData(Roles.Resident, null)]
    public async Task The_metrics_link_the_page_and_the_api_admit_the_same_roles(string role, string? region)
    {
        var userName = "perm." + role;
        await city.App.CreateUserAsync(userName, role, region);
        var expected = RequestsPermissions.Declared.Single(p => p.Name == RequestsPermissions.ReadMetrics).Roles.Contains(role);

        var pages = await PageClient.SignedInAsync(city.App, userName);
        var (_, html) = await pages.GetAsync("/");
        var linked = (await Parser.ParseDocumentAsync(html)).QuerySelector("nav.main a[href='/requests/metrics']") is not null;
        var (pageStatus, _) = await pages.GetAsync("/requests/metrics");
        var api = await (await city.App.ClientForAsync(userName)).GetAsync("/api/requests/metrics");

        Assert.Equal(expected, linked);
        Assert.Equal(expected, pageStatus == HttpStatusCode.OK);
        Assert.Equal(expected ? HttpStatusCode.OK : HttpStatusCode.Forbidden, api.StatusCode);
    }
}
