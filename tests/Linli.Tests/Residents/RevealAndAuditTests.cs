using System.Net;
using Linli.Modules.Residents.Contracts;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Platform.Audit;
using Linli.Platform.Auth;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Linli.Tests.Residents.ResidentTestData;

namespace Linli.Tests.Residents;

[Collection("city")]
public sealed class RevealAndAuditTests(CityFixture city)
{
    private async Task<List<JsonElement>> AuditEntriesForAsync(long residentId)
    {
        var supervisor = await city.App.ClientForAsync("supervisor");
        var page = await supervisor.GetFromJsonAsync<JsonElement>($"/api/audit?subjectType=resident&subjectId={residentId}");
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    [Fact]
    public async Task Revealing_a_number_returns_it_in_full_and_writes_an_audit_entry()
    {
        var cwA = await city.App.ClientForAsync("cw.a");
        var idNumber = NewIdNumber();
        var phone = NewPhone();
        var id = await CreateAsync(cwA, CityFixture.CommunityA, idNumber, phone);

        var response = await cwA.PostAsJsonAsync($"/api/residents/{id}/reveal", new { field = "idNumber", reason = "办理高龄津贴核对身份" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal(idNumber, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("value").GetString());
        var phoneResponse = await cwA.PostAsJsonAsync($"/api/residents/{id}/reveal", new { field = "phone", reason = "电话回访" });
        Assert.Equal(phone, (await phoneResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("value").GetString());

        var entries = await AuditEntriesForAsync(id);
        Assert.Equal(2, entries.Count);
        var idEntry = Assert.Single(entries, e => e.GetProperty("field").GetString() == "idNumber");
        Assert.Equal("cw.a", idEntry.GetProperty("userName").GetString());
        Assert.Equal("reveal", idEntry.GetProperty("action").GetString());
        Assert.Equal(CityFixture.CommunityA, idEntry.GetProperty("regionCode").GetString());
        Assert.Equal("办理高龄津贴核对身份", idEntry.GetProperty("reason").GetString());
        Assert.True(DateTime.UtcNow - idEntry.GetProperty("at").GetDateTime().ToUniversalTime() < TimeSpan.FromMinutes(5));
        Assert.Contains(entries, e => e.GetProperty("field").GetString() == "phone" && e.GetProperty("reason").GetString() == "电话回访");
        // The log holds who looked and why, never the number itself.
        Assert.DoesNotContain(idNumber, string.Join("", entries.Select(e => e.ToString())));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task A_reveal_without_a_reason_is_a_400_and_writes_nothing(string? reason)
    {
        var cwA = await city.App.ClientForAsync("cw.a");
        var id = await CreateAsync(cwA, CityFixture.CommunityA, NewIdNumber());
        var response = await cwA.PostAsJsonAsync($"/api/residents/{id}/reveal", new { field = "idNumber", reason });
        Assert.Contains("reason", await ErrorKeysAsync(response));
        Assert.Empty(await AuditEntriesForAsync(id));
    }

    [Fact]
    public async Task Only_id_number_and_phone_can_be_revealed()
    {
        var cwA = await city.App.ClientForAsync("cw.a");
        var id = await CreateAsync(cwA, CityFixture.CommunityA, NewIdNumber());
        var response = await cwA.PostAsJsonAsync($"/api/residents/{id}/reveal", new { field = "name", reason = "测试" });
        Assert.Contains("field", await ErrorKeysAsync(response));
    }

    [Fact]
    public async Task A_role_without_the_reveal_permission_gets_403_and_nothing_is_logged()
    {
        Assert.DoesNotContain(Roles.Administrator, ResidentsPermissions.Declared.Single(p => p.Name == ResidentsPermissions.RevealPersonalData).Roles);
        Assert.Contains(Roles.Administrator, ResidentsPermissions.Declared.Single(p => p.Name == ResidentsPermissions.ReadPeople).Roles);
        var id = await CreateAsync(await city.App.ClientForAsync("cw.a"), CityFixture.CommunityA, NewIdNumber());

        var admin = await city.App.ClientForAsync("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/residents/{id}")).StatusCode); // may read, masked
        var response = await admin.PostAsJsonAsync($"/api/residents/{id}/reveal", new { field = "idNumber", reason = "想看看" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await AuditEntriesForAsync(id));
    }

    [Fact]
    public async Task The_audit_log_refuses_updates_and_deletes_in_the_database_itself()
    {
        var cwA = await city.App.ClientForAsync("cw.a");
        var id = await CreateAsync(cwA, CityFixture.CommunityA, NewIdNumber());
        (await cwA.PostAsJsonAsync($"/api/residents/{id}/reveal", new { field = "idNumber", reason = "核对" })).EnsureSuccessStatusCode();

        await city.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AuditDbContext>();
            var entity = db.Model.FindEntityType(typeof(AuditEntry))!;
            var table = entity.GetSchema() is { } schema ? $"\"{schema}\".\"{entity.GetTableName()}\"" : $"\"{entity.GetTableName()}\"";
#pragma warning disable EF1002 // table name from the model
            await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
                db.Database.ExecuteSqlRawAsync($"UPDATE {table} SET \"reason\" = 'changed' WHERE \"subject_id\" = '{id}'"));
            await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
                db.Database.ExecuteSqlRawAsync($"DELETE FROM {table} WHERE \"subject_id\" = '{id}'"));
#pragma warning restore EF1002
            return 0;
        });
        var entry = Assert.Single(await AuditEntriesForAsync(id));
        Assert.Equal("核对", entry.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task The_audit_log_is_paginated_filterable_and_readable_by_supervisors_only()
    {
        var cwA = await city.App.ClientForAsync("cw.a");
        var id = await CreateAsync(cwA, CityFixture.CommunityA, NewIdNumber());
        for (var i = 0; i < 3; i++)
            (await cwA.PostAsJsonAsync($"/api/residents/{id}/reveal", new { field = "idNumber", reason = $"核对 {i}" })).EnsureSuccessStatusCode();

        var supervisor = await city.App.ClientForAsync("supervisor");
        var page = await supervisor.GetFromJsonAsync<JsonElement>($"/api/audit?subjectType=resident&subjectId={id}&pageSize=2");
        Assert.Equal(3, page.GetProperty("total").GetInt64());
        Assert.Equal(2, page.GetProperty("items").GetArrayLength());
        // A user name filter goes in the body, never in the URL.
        var byUser = await (await supervisor.PostAsJsonAsync("/api/audit/search", new { userName = "cw.a", pageSize = 500 })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.All(byUser.GetProperty("items").EnumerateArray(), e => Assert.Equal("cw.a", e.GetProperty("userName").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await cwA.GetAsync("/api/audit")).StatusCode);
    }
}
