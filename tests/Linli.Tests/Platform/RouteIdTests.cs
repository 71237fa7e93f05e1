using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Linli.Platform.Validation;
using Linli.Tests.Infrastructure;
using Linli.Tests.Requests;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Platform;

/// <summary>An id in a route is its digits (or a guid's 36 characters) and nothing else: " 1" is not record 1.</summary>
[Collection("city")]
public sealed partial class RouteIdTests(CityFixture city)
{
    [GeneratedRegex("(^id$|Id$|_id$)")]
    private static partial Regex IdLike();

    [Fact]
    public void Every_route_parameter_named_like_an_id_has_a_constraint()
    {
        var endpoints = city.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.NotEmpty(endpoints);
        var unconstrained = endpoints
            .SelectMany(e => e.RoutePattern.Parameters.Where(p => IdLike().IsMatch(p.Name) && p.ParameterPolicies.Count == 0)
                .Select(p => $"{e.RoutePattern.RawText} {{{p.Name}}}"))
            .ToList();
        Assert.True(unconstrained.Count == 0, "Constrain these route ids ({id:long}, {id:int}, {id:guid}):\n" + string.Join("\n", unconstrained));
        // At least the ones this suite relies on are there, so an empty data source cannot pass.
        Assert.Contains(endpoints, e => e.RoutePattern.RawText == "/api/requests/open311/clients/{id:int}");
    }

    [Theory]
    [InlineData("%201")]
    [InlineData("1%20")]
    [InlineData("+1")]
    [InlineData("-1")]
    [InlineData("%091")]
    [InlineData("1.0")]
    [InlineData("99999999999")]
    public async Task An_id_that_is_not_plain_digits_revokes_nothing(string id)
    {
        var admin = await city.App.ClientForAsync("admin");
        var created = await (await admin.PostAsJsonAsync("/api/requests/open311/clients", new { name = "路由测试" })).Json(HttpStatusCode.Created);
        var real = created.GetProperty("id").GetInt32();
        var spelled = id.Replace("1", real.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        // No route matches (404), or a tab in the path is refused at the edge (400).
        var response = await admin.DeleteAsync($"/api/requests/open311/clients/{spelled}");
        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{spelled}: {(int)response.StatusCode}");
        var clients = await (await admin.GetAsync("/api/requests/open311/clients?pageSize=100&page=" + PageOf(real))).Json(HttpStatusCode.OK);
        var client = clients.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("id").GetInt32() == real);
        Assert.Equal(JsonValueKind.Null, client.GetProperty("revokedAt").ValueKind);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/requests/open311/clients/{real}")).StatusCode);
    }

    private static int PageOf(int id) => (id - 1) / 100 + 1;

    [Theory]
    [InlineData("/api/requests/tickets/%20{0}")]
    [InlineData("/api/requests/tickets/{0}%20")]
    [InlineData("/api/requests/tickets/+{0}")]
    public async Task A_ticket_id_with_space_or_sign_is_not_found(string url)
    {
        var hotline = await city.App.ClientForAsync("hotline");
        var ticket = await hotline.FileAsync(await RequestsApi.NewLeafAsync(city.App));
        Assert.Equal(HttpStatusCode.OK, (await hotline.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, "/api/requests/tickets/{0}", ticket.Id()))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hotline.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, url, ticket.Id()))).StatusCode);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("0123", true)]
    [InlineData("2147483647", true)]
    [InlineData("2147483648", false)]
    [InlineData(" 1", false)]
    [InlineData("1 ", false)]
    [InlineData("+1", false)]
    [InlineData("-1", false)]
    [InlineData("１", false)] // a full-width digit
    [InlineData("", false)]
    public void The_int_constraint_takes_plain_digits_that_fit(string value, bool matches) =>
        Assert.Equal(matches, new StrictIntRouteConstraint().Match(null, null, "id", new RouteValueDictionary { ["id"] = value }, RouteDirection.IncomingRequest));

    [Theory]
    [InlineData("9223372036854775807", true)]
    [InlineData("9223372036854775808", false)]
    [InlineData("20261128000001", true)]
    [InlineData("\t20261128000001", false)]
    public void The_long_constraint_takes_plain_digits_that_fit(string value, bool matches) =>
        Assert.Equal(matches, new StrictLongRouteConstraint().Match(null, null, "id", new RouteValueDictionary { ["id"] = value }, RouteDirection.IncomingRequest));

    [Theory]
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950e", true)]
    [InlineData(" 0f8fad5b-d9cb-469f-a165-70867728950e", false)]
    [InlineData("{0f8fad5b-d9cb-469f-a165-70867728950e}", false)]
    [InlineData("0f8fad5bd9cb469fa16570867728950e", false)]
    public void The_guid_constraint_takes_the_36_character_form(string value, bool matches) =>
        Assert.Equal(matches, new StrictGuidRouteConstraint().Match(null, null, "id", new RouteValueDictionary { ["id"] = value }, RouteDirection.IncomingRequest));
}
