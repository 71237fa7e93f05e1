using System.Data.Common;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Linli.Modules.Residents.Contracts;
using Linli.Modules.Residents.Data;
using Linli.Modules.Residents.Domain;
using Linli.Platform.Auth;
using Linli.Platform.Persistence;
using Linli.Platform.PersonalData;
using Linli.Platform.Protection;
using Linli.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace Linli.Tests.Residents;

/// <summary>
/// Someone who may read residents but not reveal numbers (the administrator), and someone holding a copy of the
/// database without the key, try to work the ID numbers out: from everything they see, more than 10,000 candidates
/// remain for every resident, the true number among them, and no date they see repeats the birthday.
/// </summary>
[Collection("city")]
public sealed class MaskRecoveryTests(CityFixture city, ITestOutputHelper output)
{
    /// <summary>Born 1921 (before any synthetic resident, so never a duplicate), in 和平区 like the community.</summary>
    private static readonly DateOnly Birth = new(1921, 4, 5);

    /// <summary>A resident whose tags, as typed, fall on the birthday: from birth, on the 22nd and the 70th, ending on the 80th.</summary>
    private static object ElderlyWithBirthdayTags(string communityCode, string idNumber, string phone) => new
    {
        household = new { communityCode, address = "测试路9号" },
        name = "还原测试", idNumber, phone, relationToHead = "Head",
        tags = new object[]
        {
            new { tag = "Disabled", grade = 1, startDate = Birth },
            new { tag = "Veteran", startDate = Birth.AddYears(22) },
            new { tag = "Dibao", startDate = Birth.AddYears(70), endDate = Birth.AddYears(80) },
        },
    };

    [Fact]
    public async Task A_role_without_reveal_is_left_more_than_10000_candidate_id_numbers_from_lists_details_and_households()
    {
        Assert.DoesNotContain(Roles.Administrator, ResidentsPermissions.Declared.Single(p => p.Name == ResidentsPermissions.RevealPersonalData).Roles);
        var idNumber = IdNumber.Compose("210102", Birth, 123);
        var created = await ResidentTestData.CreateWithBodyAsync(await city.App.ClientForAsync("cw.a"), ElderlyWithBirthdayTags(CityFixture.CommunityA, idNumber, ResidentTestData.NewPhone()));

        var admin = await city.App.ClientForAsync("admin");
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/residents?communityCode=210102&pageSize=30");
        var items = list.GetProperty("items").EnumerateArray().ToList();
        var createdItem = (await (await admin.PostAsJsonAsync("/api/residents/search", new { name = "还原测试", communityCode = CityFixture.CommunityA })).Content
            .ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetInt64() == created);
        items.Add(createdItem);
        Assert.True(items.Count > 20);

        var fewest = long.MaxValue;
        foreach (var item in items)
        {
            var id = item.GetProperty("id").GetInt64();
            var details = await admin.GetFromJsonAsync<JsonElement>($"/api/residents/{id}");
            var household = await admin.GetFromJsonAsync<JsonElement>($"/api/residents/households/{item.GetProperty("householdId").GetInt64()}");
            var member = household.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("id").GetInt64() == id);
            // The three views show the same of the person.
            Assert.Equal(item.GetProperty("idNumber").GetString(), details.GetProperty("idNumber").GetString());
            Assert.Equal(item.GetProperty("idNumber").GetString(), member.GetProperty("idNumber").GetString());
            Assert.Equal(item.GetProperty("birthYear").GetInt32(), details.GetProperty("birthYear").GetInt32());
            var person = new VisiblePerson(
                item.GetProperty("communityCode").GetString()!, item.GetProperty("idNumber").GetString()!, item.GetProperty("birthYear").GetInt32(),
                Enum.Parse<Gender>(item.GetProperty("gender").GetString()!),
                details.GetProperty("tags").EnumerateArray()
                    .SelectMany(t => new[] { t.GetProperty("startDate").GetString(), t.GetProperty("endDate").GetString() })
                    .OfType<string>().Select(d => DateOnly.Parse(d, System.Globalization.CultureInfo.InvariantCulture)).ToList());

            var truth = await TrueIdNumberAsync(city.App, id);
            Assert.True(IdNumber.TryParse(truth, DateOnly.MaxValue, out var info));
            var shown = item.ToString() + details + household;
            Assert.DoesNotContain(info.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), shown);
            Assert.DoesNotContain(truth.Substring(6, 8), shown);
            Assert.Empty(IdCandidates.BirthdayEchoes(person, info.BirthDate));
            var (count, found) = Count(person, truth);
            Assert.True(found, $"resident {id}: the true number is not among the candidates, so the count means nothing");
            Assert.True(count > 10_000, $"resident {id}: only {count} candidate ID numbers");
            fewest = Math.Min(fewest, count);
        }
        output.WriteLine($"{items.Count} residents, fewest candidates {fewest:N0}");
    }

    [Fact]
    public async Task A_copy_of_the_database_without_the_key_leaves_more_than_10000_candidate_id_numbers()
    {
        await using var app = new LinliFactory();
        _ = app.Server;
        await app.CreateUserAsync("cw.copy", Roles.CommunityWorker, CityFixture.CommunityA);
        var client = await app.ClientForAsync("cw.copy");
        var elderly = (Id: IdNumber.Compose("210102", Birth, 123), Phone: "13912340001");
        var child = (Id: IdNumber.Compose("210102", new DateOnly(2015, 6, 1), 246), Phone: "13912340002");
        var middle = (Id: IdNumber.Compose("210102", new DateOnly(1968, 11, 23), 57), Phone: "13912340003");
        var residents = new Dictionary<long, (string Id, string Phone)>
        {
            [await ResidentTestData.CreateWithBodyAsync(client, ElderlyWithBirthdayTags(CityFixture.CommunityA, elderly.Id, elderly.Phone))] = elderly,
            [await ResidentTestData.CreateWithBodyAsync(client, new
            {
                household = new { communityCode = CityFixture.CommunityA, address = "测试路10号" }, name = "还原测试子女", idNumber = child.Id, phone = child.Phone,
                relationToHead = "Head",
                tags = new object[] { new { tag = "Orphan", startDate = new DateOnly(2020, 6, 1), endDate = new DateOnly(2033, 6, 1) } },
            })] = child,
            [await ResidentTestData.CreateWithBodyAsync(client, ResidentTestData.NewResident(CityFixture.CommunityA, middle.Id, middle.Phone))] = middle,
        };

        var (residentTable, tagTable, connectionString) = app.Service(sp =>
        {
            var db = sp.GetRequiredService<ResidentsDbContext>();
            return (db.QualifiedTable<Resident>(), db.QualifiedTable<PopulationTag>(), db.Database.GetConnectionString()!);
        });
        DbConnection connection;
        if (TestDatabase.IsPostgres) connection = new NpgsqlConnection(connectionString);
        else
        {
            // The file as it lies on disk (with its write-ahead log), byte for byte: no number, no birth date in it.
            var files = Directory.GetFiles(app.DataFolder).Where(f => Path.GetFileName(f).StartsWith("linli.db", StringComparison.Ordinal)).ToList();
            Assert.Contains(files, f => f.EndsWith("linli.db", StringComparison.Ordinal));
            var bytes = files.Select(File.ReadAllBytes).ToList();
            foreach (var (id, phone) in residents.Values)
                foreach (var secret in Secrets(id, phone))
                foreach (var encoding in new Encoding[] { Encoding.UTF8, Encoding.Unicode })
                    Assert.DoesNotContain(bytes, b => b.AsSpan().IndexOf(encoding.GetBytes(secret)) >= 0);
            // Then read it as anyone with the file would: a plain SQLite connection to a copy, no key anywhere.
            var copy = Path.Combine(app.DataFolder, "copy");
            Directory.CreateDirectory(copy);
            foreach (var f in files) File.Copy(f, Path.Combine(copy, Path.GetFileName(f)));
            connection = new SqliteConnection($"Data Source={Path.Combine(copy, "linli.db")}");
        }
        await using (connection)
        {
            await connection.OpenAsync();
            foreach (var (residentId, (truth, phone)) in residents)
            {
                var row = (await RowsAsync(connection, $"SELECT * FROM {residentTable} WHERE \"id\" = {residentId}")).Single();
                var tags = await RowsAsync(connection, $"SELECT * FROM {tagTable} WHERE \"resident_id\" = {residentId}");
                var everything = string.Join("|", row.Values.Concat(tags.SelectMany(t => t.Values)).Select(Text));
                foreach (var secret in Secrets(truth, phone)) Assert.DoesNotContain(secret, everything);

                var person = new VisiblePerson((string)row["community_code"]!, (string)row["id_number_masked"]!, Convert.ToInt32(row["birth_year"], System.Globalization.CultureInfo.InvariantCulture),
                    (Gender)Convert.ToInt32(row["gender"], System.Globalization.CultureInfo.InvariantCulture),
                    tags.SelectMany(t => new[] { t["start_date"], t["end_date"] }).Where(v => v is not null).Select(AsDate).ToList());
                Assert.True(IdNumber.TryParse(truth, DateOnly.MaxValue, out var info));
                Assert.Empty(IdCandidates.BirthdayEchoes(person, info.BirthDate));
                var (count, found) = Count(person, truth);
                Assert.True(found);
                Assert.True(count > 10_000, $"only {count} candidates from the database row of resident {residentId}");
                output.WriteLine($"resident {residentId}: {count:N0} candidates from the stored row and its tags");
            }
        }
    }

    private static (long Count, bool Found) Count(VisiblePerson person, string truth)
    {
        long count = 0;
        var found = false;
        foreach (var candidate in IdCandidates.Enumerate(person))
        {
            count++;
            found |= candidate == truth;
        }
        return (count, found);
    }

    /// <summary>The number, its birth digits and birth date in the forms a database or a page would hold them, and the phone.</summary>
    private static IEnumerable<string> Secrets(string idNumber, string phone)
    {
        var birth = DateOnly.ParseExact(idNumber.Substring(6, 8), "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        return [idNumber, idNumber[..14], idNumber.Substring(6, 8), birth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), phone, "+86" + phone];
    }

    private static async Task<string> TrueIdNumberAsync(LinliFactory app, long residentId) => await app.WithScopeAsync(async sp =>
    {
        var cipher = await sp.GetRequiredService<ResidentsDbContext>().Residents.IgnoreQueryFilters().Where(r => r.Id == residentId).Select(r => r.IdNumberCipher).SingleAsync();
        return sp.GetRequiredService<IPersonalDataProtector>().Decrypt(cipher);
    });

    private static async Task<List<Dictionary<string, object?>>> RowsAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // table names from the model, ids are numbers
        command.CommandText = sql;
#pragma warning restore CA2100
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, object?>>();
        while (await reader.ReadAsync())
        {
            var row = new Dictionary<string, object?>();
            for (var i = 0; i < reader.FieldCount; i++) row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        byte[] b => Encoding.UTF8.GetString(b),
        DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    private static DateOnly AsDate(object? value) => value switch
    {
        DateOnly d => d,
        DateTime d => DateOnly.FromDateTime(d),
        string s => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"not a date: {value}"),
    };
}
