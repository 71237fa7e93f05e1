using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Modules.Requests.Data;
using Linli.Modules.Residents.Data;
using Linli.Platform.PersonalData;
using Linli.Tests.Infrastructure;
using Linli.Tests.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Platform;

/// <summary>One phone value type for every module: parsed as dialled in China, stored and hashed in E.164.</summary>
public sealed class PhoneNumberRuleTests
{
    public static readonly string[] FiveWays = ["13912345678", "139 1234 5678", "+86 139-1234-5678", "0086 13912345678", "(+86)13912345678"];

    [Fact]
    public void One_mobile_typed_five_ways_is_one_e164_number()
    {
        var parsed = FiveWays.Select(text => Assert.IsType<PhoneNumber>(PhoneNumber.TryParse(text, out var phone) ? phone : (PhoneNumber?)null)).ToList();
        Assert.All(parsed, p => Assert.Equal("+8613912345678", p.E164));
        Assert.All(parsed, p => Assert.Equal("13912345678", p.Display));
        Assert.All(parsed, p => Assert.Equal("139****5678", p.Masked));
    }

    [Theory]
    [InlineData("024-23456789", "+862423456789", "02423456789")]
    [InlineData("(024) 2345 6789", "+862423456789", "02423456789")]
    [InlineData("+86 24 2345 6789", "+862423456789", "02423456789")]
    [InlineData("010-12345678", "+861012345678", "01012345678")]
    [InlineData("１３９１２３４５６７８", "+8613912345678", "13912345678")]
    [InlineData("14012345678", "+8614012345678", "14012345678")]
    [InlineData("+1 650 253 0000", "+16502530000", "+16502530000")]
    public void Landlines_full_width_digits_new_mobile_blocks_and_foreign_numbers_are_read(string text, string e164, string display)
    {
        Assert.True(PhoneNumber.TryParse(text, out var phone), PhoneNumber.Problem(text));
        Assert.Equal(e164, phone.E164);
        Assert.Equal(display, phone.Display);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("phone")]
    [InlineData("call me maybe")]
    [InlineData("12800138000")]
    [InlineData("1380013800")]
    [InlineData("12345")]
    [InlineData("139 1234 5678 ext 12")]
    [InlineData("400-FLOWERS")]
    [InlineData("1391234567812345678901234567890123")]
    public void What_is_not_a_reachable_number_is_refused_with_a_chinese_reason(string text)
    {
        Assert.False(PhoneNumber.TryParse(text, out _));
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", PhoneNumber.Problem(text));
    }

    [Fact]
    public void Odd_input_is_answered_with_a_reason_never_an_exception()
    {
        var odd = new List<string> { "\0", "+", "++86", "(((", "+86", "0", "00", "+86 ", "٠١٣٩١٢٣٤٥٦٧٨", "\u200b13912345678", "139\t1234\n5678", "#", "*86", "+86-", "--" };
        var random = new Random(11);
        const string alphabet = "0123456789 +-()#*.,/;x\u0000\t\u3000１２３٣";
        for (var i = 0; i < 2000; i++) odd.Add(new string(Enumerable.Range(0, random.Next(1, 40)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray()));
        foreach (var text in odd)
        {
            var problem = PhoneNumber.Problem(text);
            Assert.Equal(problem is null, PhoneNumber.TryParse(text, out var phone));
            if (problem is null) Assert.StartsWith("+", phone.E164, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_phone_number_written_by_mistake_into_a_log_line_is_masked() =>
        Assert.Equal("139****5678", $"{(PhoneNumber.TryParse("13912345678", out var phone) ? phone : default)}");
}

/// <summary>The same number, typed five ways into the resident pool and into tickets, has one lookup hash in both modules.</summary>
[Collection("city2")]
public sealed class PhoneNumberAcrossModulesTests(CityFixture city)
{
    [Fact]
    public async Task One_number_typed_five_ways_has_one_hash_in_residents_and_tickets_and_finds_them_all()
    {
        // A number of this test's own (the five spellings of one number, with digits nobody else uses).
        var national = "1391" + Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        string[] ways = [national, $"{national[..3]} {national[3..7]} {national[7..]}", $"+86 {national[..3]}-{national[3..7]}-{national[7..]}", "0086 " + national, "(+86)" + national];

        var cw = await city.App.ClientForAsync("cw.a");
        var residentId = await Residents.ResidentTestData.CreateAsync(cw, CityFixture.CommunityA, Residents.ResidentTestData.NewIdNumber(), ways[0]);
        var hotline = await city.App.ClientForAsync("hotline");
        var category = await RequestsApi.NewLeafAsync(city.App);
        var tickets = new List<long>();
        foreach (var way in ways[1..]) tickets.Add((await hotline.FileAsync(category, phone: way)).Id());

        var hashes = await city.App.WithScopeAsync(async sp =>
        {
            var residentHash = await sp.GetRequiredService<ResidentsDbContext>().Residents.IgnoreQueryFilters().Where(r => r.Id == residentId).Select(r => r.PhoneHash).SingleAsync();
            var ticketHashes = await sp.GetRequiredService<RequestsDbContext>().Tickets.IgnoreQueryFilters().Where(t => tickets.Contains(t.Id)).Select(t => t.PhoneHash).ToListAsync();
            return ticketHashes.Append(residentHash).Select(h => Convert.ToHexString(h!)).ToList();
        });
        Assert.Equal(5, hashes.Count);
        Assert.Single(hashes.Distinct());

        // Each spelling finds the resident and every ticket.
        foreach (var way in ways)
        {
            var residents = await (await cw.PostAsJsonAsync("/api/residents/search", new { phone = way })).Json(HttpStatusCode.OK);
            Assert.Equal(residentId, Assert.Single(residents.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt64());
            var history = await (await hotline.PostAsJsonAsync("/api/requests/caller-history", new { phone = way })).Json(HttpStatusCode.OK);
            Assert.Equal(tickets.Order(), history.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetInt64()).Order());
        }
        var ticket = await hotline.GetTicketAsync(tickets[0]);
        Assert.Equal($"{national[..3]}****{national[^4..]}", ticket.GetProperty("phoneMasked").GetString());
    }

    [Fact]
    public async Task The_hotline_caller_lookup_is_audited_without_the_number()
    {
        var national = "1392" + Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var hotline = await city.App.ClientForAsync("hotline");
        var category = await RequestsApi.NewLeafAsync(city.App);
        var ticket = (await hotline.FileAsync(category, phone: national)).Id();
        (await hotline.PostAsJsonAsync("/api/requests/caller-history", new { phone = national })).EnsureSuccessStatusCode();

        var supervisor = await city.App.ClientForAsync("supervisor");
        var entries = (await supervisor.GetFromJsonAsync<JsonElement>($"/api/audit?subjectType=ticket&subjectId={ticket}")).GetProperty("items").EnumerateArray().ToList();
        var entry = Assert.Single(entries, e => e.GetProperty("action").GetString() == "search-by-number");
        Assert.Equal("phone", entry.GetProperty("field").GetString());
        Assert.Equal("hotline", entry.GetProperty("userName").GetString());
        Assert.Contains("匹配 1 件", entry.GetProperty("reason").GetString());
        Assert.DoesNotContain(national[3..], entry.ToString());
    }
}
