using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Linli.Modules.Residents.Contracts;
using Linli.Modules.Residents.Data;
using Linli.Modules.Residents.Domain;
using Linli.Platform.Persistence;
using Linli.Platform.Protection;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Linli.Tests.Residents.ResidentTestData;

namespace Linli.Tests.Residents;

[Collection("city")]
public sealed class ResidentApiTests(CityFixture city)
{
    [Theory]
    [InlineData("110105194912310021")] // wrong check character
    [InlineData("110105194902300022")] // 30 February
    [InlineData("1101051949123100")] // too short
    [InlineData("1101051949123100211")] // too long
    public async Task Creating_a_resident_with_a_bad_id_number_is_a_400_naming_the_field(string idNumber)
    {
        var client = await city.App.ClientForAsync("cw.a");
        var response = await client.PostAsJsonAsync("/api/residents", NewResident(CityFixture.CommunityA, idNumber));
        Assert.Contains("idnumber", await ErrorKeysAsync(response));
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_gender_that_contradicts_the_id_number_is_a_400_naming_the_field()
    {
        var client = await city.App.ClientForAsync("cw.a");
        var body = new
        {
            household = new { communityCode = CityFixture.CommunityA, address = "测试路2号" },
            name = "测试", idNumber = NewIdNumber(male: true), gender = "Female",
        };
        Assert.Contains("gender", await ErrorKeysAsync(await client.PostAsJsonAsync("/api/residents", body)));
    }

    [Fact]
    public async Task A_created_resident_is_shown_with_masked_numbers_and_its_age_tags()
    {
        var client = await city.App.ClientForAsync("cw.a");
        var idNumber = NewIdNumber(new DateOnly(1940, 3, 5));
        var phone = NewPhone();
        var id = await CreateAsync(client, CityFixture.CommunityA, idNumber, phone, [new { tag = "Disabled", grade = 2 }]);

        var resident = await client.GetFromJsonAsync<JsonElement>($"/api/residents/{id}");
        Assert.Equal(Masking.IdNumber(idNumber), resident.GetProperty("idNumber").GetString());
        Assert.Equal(idNumber[..4] + "**************", resident.GetProperty("idNumber").GetString());
        Assert.Equal(phone[..3] + "****" + phone[^4..], resident.GetProperty("phone").GetString());
        // The birth year and this year's age, never the birth date (with it beside the mask the number could be worked out).
        Assert.Equal(1940, resident.GetProperty("birthYear").GetInt32());
        Assert.Equal(DateTime.UtcNow.AddHours(8).Year - 1940, resident.GetProperty("age").GetInt32());
        Assert.False(resident.TryGetProperty("birthDate", out _));
        Assert.DoesNotContain("1940-03-05", resident.ToString());
        Assert.DoesNotContain("19400305", resident.ToString());
        var tags = resident.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("tag").GetString()).ToList();
        Assert.Contains("Elderly60", tags);
        Assert.Contains("Elderly80", tags);
        Assert.Contains("Disabled", tags);
        var raw = resident.ToString();
        Assert.DoesNotContain(idNumber, raw);
        Assert.DoesNotContain(phone, raw);

        var household = await client.GetFromJsonAsync<JsonElement>($"/api/residents/households/{resident.GetProperty("household").GetProperty("id").GetInt64()}");
        var member = Assert.Single(household.GetProperty("members").EnumerateArray());
        Assert.Equal(Masking.IdNumber(idNumber), member.GetProperty("idNumber").GetString());
        Assert.DoesNotContain(idNumber, household.ToString());
    }

    [Fact]
    public async Task Id_and_phone_numbers_are_encrypted_at_rest()
    {
        var client = await city.App.ClientForAsync("cw.a");
        var idNumber = NewIdNumber();
        var phone = NewPhone();
        var id = await CreateAsync(client, CityFixture.CommunityA, idNumber, phone);

        // Read the stored row as it is on disk, every column, bypassing the model.
        var row = await city.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ResidentsDbContext>();
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // table name from the model, id is a number
            command.CommandText = $"SELECT * FROM {db.QualifiedTable<Resident>()} WHERE \"id\" = {id}";
#pragma warning restore CA2100
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            var values = new Dictionary<string, object?>();
            for (var i = 0; i < reader.FieldCount; i++) values[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            await connection.CloseAsync();
            return values;
        });

        Assert.IsType<byte[]>(row["id_number_cipher"]);
        Assert.IsType<byte[]>(row["phone_cipher"]);
        foreach (var (column, value) in row)
        {
            var bytes = value switch { byte[] b => b, null => [], _ => Encoding.UTF8.GetBytes(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!) };
            Assert.False(Contains(bytes, Encoding.UTF8.GetBytes(idNumber)), $"column {column} holds the ID number in clear");
            Assert.False(Contains(bytes, Encoding.UTF8.GetBytes(phone)), $"column {column} holds the phone number in clear");
            Assert.False(Contains(bytes, Encoding.Unicode.GetBytes(idNumber)), $"column {column} holds the ID number in UTF-16");
        }
        Assert.Equal(Masking.IdNumber(idNumber), row["id_number_masked"]);
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    [Fact]
    public async Task A_resident_is_found_by_exact_id_number_through_the_keyed_hash()
    {
        var client = await city.App.ClientForAsync("cw.a");
        var idNumber = NewIdNumber();
        var id = await CreateAsync(client, CityFixture.CommunityA, idNumber);

        var response = await client.PostAsJsonAsync("/api/residents/search", new { idNumber });
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        var hit = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal(id, hit.GetProperty("id").GetInt64());
        Assert.Equal(Masking.IdNumber(idNumber), hit.GetProperty("idNumber").GetString());

        // Lower-case x, surrounding blanks: the same number.
        Assert.Equal(1, await CountByIdNumberAsync(client, $" {idNumber.ToLowerInvariant()} "));
        // A different valid number finds nothing; the contract finds the same resident.
        Assert.Equal(0, await CountByIdNumberAsync(client, NewIdNumber()));
        var card = await city.App.WithScopeAsync(sp => sp.GetRequiredService<IResidentDirectory>().FindByIdNumberAsync(idNumber));
        Assert.Equal(id, card?.Id);
    }

    [Fact]
    public async Task The_same_id_number_cannot_be_registered_twice()
    {
        var a = await city.App.ClientForAsync("cw.a");
        var b = await city.App.ClientForAsync("cw.b");
        var idNumber = NewIdNumber();
        await CreateAsync(a, CityFixture.CommunityA, idNumber);
        // Not even from another area, where the first record cannot be seen.
        var response = await b.PostAsJsonAsync("/api/residents", NewResident(CityFixture.CommunityB, idNumber));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Search_by_name_tag_and_community_is_paginated_and_masked()
    {
        var client = await city.App.ClientForAsync("supervisor");
        var page1 = await client.GetFromJsonAsync<JsonElement>("/api/residents?communityCode=210102&pageSize=5&page=1");
        var page2 = await client.GetFromJsonAsync<JsonElement>("/api/residents?communityCode=210102&pageSize=5&page=2");
        Assert.Equal(5, page1.GetProperty("items").GetArrayLength());
        Assert.True(page1.GetProperty("total").GetInt64() > 10);
        Assert.Empty(page1.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64())
            .Intersect(page2.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64())));
        Assert.All(page1.GetProperty("items").EnumerateArray(), i =>
        {
            Assert.StartsWith("210102", i.GetProperty("communityCode").GetString(), StringComparison.Ordinal);
            Assert.Matches(@"^\d{4}\*{14}$", i.GetProperty("idNumber").GetString());
        });

        var elderly = await client.GetFromJsonAsync<JsonElement>("/api/residents?tag=Elderly80&pageSize=20");
        Assert.True(elderly.GetProperty("total").GetInt64() > 0);
        Assert.All(elderly.GetProperty("items").EnumerateArray(), i =>
        {
            Assert.Contains("Elderly80", i.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
            Assert.True(i.GetProperty("age").GetInt32() >= 80);
        });

        var someone = page1.GetProperty("items")[0].GetProperty("name").GetString()!;
        var byName = await (await client.PostAsJsonAsync("/api/residents/search", new { name = someone[..2] })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.All(byName.GetProperty("items").EnumerateArray(), i => Assert.StartsWith(someone[..2], i.GetProperty("name").GetString(), StringComparison.Ordinal));
        Assert.Contains(byName.GetProperty("items").EnumerateArray(), i => i.GetProperty("name").GetString() == someone);

        // A name in the query string is not a filter: the list stays unfiltered (names never travel in URLs).
        var ignored = await client.GetFromJsonAsync<JsonElement>($"/api/residents?communityCode=210102&name={Uri.EscapeDataString(someone[..2])}&pageSize=1");
        Assert.Equal(page1.GetProperty("total").GetInt64(), ignored.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task A_bad_community_filter_is_a_400()
    {
        var client = await city.App.ClientForAsync("supervisor");
        Assert.Contains("communitycode", await ErrorKeysAsync(await client.GetAsync("/api/residents?communityCode=21x")));
    }

    [Theory]
    [InlineData("hotline")]
    [InlineData("dept.water")]
    [InlineData("resident")]
    public async Task Roles_without_the_read_permission_get_403(string user)
    {
        var client = await city.App.ClientForAsync(user);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/residents")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/residents")).StatusCode);
    }

    [Fact]
    public async Task The_api_needs_a_signed_in_caller() => Assert.Equal(HttpStatusCode.Unauthorized, (await city.App.CreateClient().GetAsync("/api/residents")).StatusCode);

    [Fact]
    public async Task A_supervisor_may_read_but_not_create_residents()
    {
        var client = await city.App.ClientForAsync("supervisor");
        var response = await client.PostAsJsonAsync("/api/residents", NewResident(CityFixture.CommunityA, NewIdNumber()));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_resident_or_household_is_a_404_problem()
    {
        var client = await city.App.ClientForAsync("supervisor");
        foreach (var url in new[] { "/api/residents/999999999", "/api/residents/households/999999999" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }
}
