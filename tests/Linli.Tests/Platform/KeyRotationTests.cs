using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Xml.Linq;
using Linli.Modules.Requests.Data;
using Linli.Modules.Residents.Data;
using Linli.Modules.ServiceDesk.Data;
using Linli.Platform.PersonalData;
using Linli.Platform.Auth;
using Linli.Platform.Protection;
using Linli.Tests.Infrastructure;
using Linli.Tests.Requests;
using Linli.Tests.Requests.Open311;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Linli.Tests.Residents.ResidentTestData;

namespace Linli.Tests.Platform;

/// <summary>
/// rotate-keys moves every personal number, the Open311 contacts and the Data Protection key ring to a new key, in
/// batches, resumably; the platform starts with the new key only, and everything is found and read as before.
/// </summary>
public sealed class KeyRotationTests
{
    private static readonly byte[] OldKey = Convert.FromBase64String(LinliFactory.TestKey);
    /// <summary>A city-wide item of the seeded catalog (城乡最低生活保障申请) with no age or tag condition.</summary>
    private const string CaseItem = "JF00102001-210100";

    /// <summary>What was stored under the old key, to be found again under the new one.</summary>
    private sealed record People(List<(long Id, string IdNumber, string Phone)> Residents, List<long> Tickets, string TicketPhone, string Open311Key, string SupervisorToken, int Category,
        (long Id, string Number, string IdNumber) Case);

    private static async Task<People> PeopleAsync(LinliFactory app)
    {
        await app.CreateUserAsync("cw.rot", Roles.CommunityWorker, CityFixture.CommunityA);
        await app.CreateUserAsync("hotline.rot", Roles.HotlineOperator, "2101");
        await app.CreateUserAsync("sup.rot", Roles.Supervisor, "2101");
        await app.CreateUserAsync("admin", Roles.Administrator, "2101");
        var cw = await app.ClientForAsync("cw.rot");
        var residents = new List<(long, string, string)>();
        for (var i = 0; i < 5; i++)
        {
            var (idNumber, phone) = (NewIdNumber(), NewPhone());
            residents.Add((await CreateAsync(cw, CityFixture.CommunityA, idNumber, phone), idNumber, phone));
        }
        // A refused duplicate leaves a case whose ID number is stored too.
        Assert.Equal(HttpStatusCode.Conflict, (await cw.PostAsJsonAsync("/api/residents", NewResident(CityFixture.CommunityA, residents[0].Item2))).StatusCode);

        var hotline = await app.ClientForAsync("hotline.rot");
        var category = await RequestsApi.NewLeafAsync(app);
        var ticketPhone = NewPhone();
        var tickets = new List<long>();
        for (var i = 0; i < 3; i++) tickets.Add((await hotline.FileAsync(category, phone: i == 0 ? ticketPhone : $"+86 {ticketPhone}")).Id());
        var open311 = await Open311Api.WithNewKeyAsync(app);
        Assert.Equal(HttpStatusCode.Created, (await open311.PostAsync("json", open311.Form(category,
            ("address_id", CityFixture.CommunityA), ("description", "路灯不亮"), ("email", "resident@example.cn")))).StatusCode);
        // A service case received at the window for a resident: its applicant's ID number is stored on the case too.
        var received = await (await cw.PostAsJsonAsync("/api/service-cases", new { applicant = new { idNumber = residents[1].Item2, phone = "13912340088" }, itemCode = CaseItem, mode = "Window", received = Array.Empty<long>() }))
            .Json(HttpStatusCode.Created);
        var supervisor = await app.ClientForAsync("sup.rot");
        return new People(residents, tickets, ticketPhone, open311.Key, supervisor.DefaultRequestHeaders.Authorization!.Parameter!, category,
            (received.GetProperty("id").GetInt64(), received.GetProperty("number").GetString()!, residents[1].Item2));
    }

    /// <summary>Found, revealed and signed in as before; every stored value opens under the new key and not the old one.</summary>
    private static async Task AssertAllUnderAsync(LinliFactory app, People people, byte[] newKey)
    {
        var cw = await app.ClientForAsync("cw.rot");
        foreach (var (id, idNumber, phone) in people.Residents)
        {
            Assert.Equal(1, await CountByIdNumberAsync(cw, idNumber));
            var byPhone = await (await cw.PostAsJsonAsync("/api/residents/search", new { phone })).Json(HttpStatusCode.OK);
            Assert.Equal(id, Assert.Single(byPhone.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt64());
            var revealed = await (await cw.PostAsJsonAsync($"/api/residents/{id}/reveal", new { field = "idNumber", reason = "轮换后核对" })).Json(HttpStatusCode.OK);
            Assert.Equal(idNumber, revealed.GetProperty("value").GetString());
        }
        // The service case is found without an account by its number and its applicant's ID number, whole (the new key's hash)
        // and by the last 6 characters (the ID number opened under the new key).
        var visitor = app.CreateClient();
        foreach (var proof in new[] { people.Case.IdNumber, people.Case.IdNumber[^6..] })
        {
            var tracked = await (await visitor.PostAsJsonAsync("/api/service-cases/track", new { number = people.Case.Number, idNumber = proof })).Json(HttpStatusCode.OK);
            Assert.Equal(people.Case.Number, tracked.GetProperty("number").GetString());
        }
        var history = await (await (await app.ClientForAsync("hotline.rot")).PostAsJsonAsync("/api/requests/caller-history", new { phone = people.TicketPhone })).Json(HttpStatusCode.OK);
        Assert.Equal(people.Tickets.Order(), history.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetInt64()).Order());
        // The Open311 client's key and a bearer token issued before the rotation still work.
        var open311 = new Open311Api(app, people.Open311Key);
        Assert.Equal(HttpStatusCode.Created, (await open311.PostAsync("json", open311.Form(people.Category, ("address_id", CityFixture.CommunityA), ("description", "轮换后")))).StatusCode);
        var before = app.CreateClient();
        before.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", people.SupervisorToken);
        Assert.Equal(HttpStatusCode.OK, (await before.GetAsync("/api/audit")).StatusCode);
        // The rotation itself is in the audit log (it concerns the whole database, so no area's list shows it).
        var rotated = await app.WithScopeAsync(sp => sp.GetRequiredService<Linli.Platform.Audit.AuditDbContext>().Entries.Where(e => e.Action == "keys-rotated").ToListAsync());
        var entry = Assert.Single(rotated);
        Assert.Equal("system", entry.UserName);
        Assert.Equal(PersonalDataProtector.Name(PersonalDataProtector.CheckValue(newKey)), entry.SubjectId);

        var fresh = new PersonalDataProtector(newKey);
        var old = new PersonalDataProtector(OldKey);
        await app.WithScopeAsync(async sp =>
        {
            var residents = sp.GetRequiredService<ResidentsDbContext>();
            var requests = sp.GetRequiredService<RequestsDbContext>();
            var ciphers = await residents.Residents.IgnoreQueryFilters().Select(r => r.IdNumberCipher).ToListAsync();
            ciphers.AddRange((await residents.Residents.IgnoreQueryFilters().Where(r => r.PhoneCipher != null).Select(r => r.PhoneCipher).ToListAsync())!);
            ciphers.AddRange(await residents.PendingVerifications.IgnoreQueryFilters().Select(v => v.IdNumberCipher).ToListAsync());
            ciphers.AddRange((await requests.Tickets.IgnoreQueryFilters().Where(t => t.PhoneCipher != null).Select(t => t.PhoneCipher).ToListAsync())!);
            ciphers.AddRange((await requests.Open311Submissions.Where(s => s.ContactCipher != null).Select(s => s.ContactCipher).ToListAsync())!);
            var serviceCase = await sp.GetRequiredService<ServiceDeskDbContext>().ServiceCases.IgnoreQueryFilters().SingleAsync(c => c.Id == people.Case.Id);
            ciphers.Add(serviceCase.ApplicantIdCipher);
            ciphers.Add(serviceCase.ApplicantPhoneCipher!);
            Assert.True(ciphers.Count >= 5 + 5 + 1 + 3 + 1 + 1); // ID and phone numbers, the case, the ticket phones, the Open311 contact, the service case
            // The service case's applicant: opened and looked up by the new key's hash, no longer by the old one's.
            Assert.Equal(people.Case.IdNumber, fresh.Decrypt(serviceCase.ApplicantIdCipher));
            Assert.Equal(fresh.IdNumberHash(people.Case.IdNumber), serviceCase.ApplicantIdHash);
            Assert.NotEqual(old.IdNumberHash(people.Case.IdNumber), serviceCase.ApplicantIdHash);
            // The phone given at the window, too: opened under the new key, in E.164 as stored, with its mask.
            Assert.Equal("+8613912340088", fresh.Decrypt(serviceCase.ApplicantPhoneCipher!));
            Assert.Equal("139****0088", serviceCase.ApplicantPhoneMasked);
            Assert.All(ciphers, c => Assert.True(fresh.TryDecrypt(c, out _) && !old.TryDecrypt(c, out _)));
            Assert.All(await requests.Tickets.IgnoreQueryFilters().Where(t => t.PhoneCipher != null).Select(t => t.PhoneCipher!).ToListAsync(),
                c => Assert.StartsWith("+86", fresh.Decrypt(c), StringComparison.Ordinal));
            var ring = await sp.GetRequiredService<ProtectionDbContext>().DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
            Assert.NotEmpty(ring);
            foreach (var sealedSecret in ring.Select(XElement.Parse).SelectMany(x => x.Descendants(KeyRingSeal.ElementName)))
            {
                Assert.True(KeyRingSeal.TryOpen(newKey, sealedSecret, out _));
                Assert.False(KeyRingSeal.TryOpen(OldKey, sealedSecret, out _));
            }
            return 0;
        });
    }

    [Fact]
    public async Task Rotating_moves_every_number_and_the_key_ring_to_the_new_key_and_the_platform_starts_with_it_only()
    {
        var newKey = KeyedApp.NewKey();
        var first = new LinliFactory();
        _ = first.Server;
        var people = await PeopleAsync(first);
        var indexesBefore = await IndexesAsync(first);
        var progress = new List<string>();
        var rows = await first.Services.GetRequiredService<KeyRotator>().RunAsync(OldKey, Convert.FromBase64String(newKey), 2, progress.Add, CancellationToken.None);
        Assert.True(rows >= 5 + 1 + 3 + 1 + 1 + 1, $"{rows} rows"); // residents, the case, the tickets with a phone, the Open311 contact, the service case, the key ring
        Assert.Contains(progress, l => l.StartsWith("residents.residents: ", StringComparison.Ordinal) && l.Contains(" of 5 rows", StringComparison.Ordinal));
        Assert.Contains(progress, l => l.StartsWith("requests.tickets: ", StringComparison.Ordinal));
        Assert.Contains(progress, l => l.StartsWith("servicedesk.service_cases: ", StringComparison.Ordinal) && l.Contains(" of 1 rows", StringComparison.Ordinal));
        Assert.StartsWith("done: ", progress[^1], StringComparison.Ordinal);
        // The hash indexes, dropped for the rotation, are all back as they were.
        Assert.Equal(indexesBefore, await IndexesAsync(first));

        var withOldKey = new LinliFactory(first);
        await first.DisposeAsync();
        Assert.Contains("is not the key this database's ID and phone numbers are encrypted with", withOldKey.StartFailure());
        var withNewKey = new KeyedApp(withOldKey, newKey);
        await withOldKey.DisposeAsync();
        await using (withNewKey) await AssertAllUnderAsync(withNewKey, people, Convert.FromBase64String(newKey));
    }

    [Fact]
    public async Task An_interrupted_rotation_keeps_the_platform_from_starting_and_the_verb_finishes_it()
    {
        var newKey = KeyedApp.NewKey();
        var first = new LinliFactory();
        _ = first.Server;
        var people = await PeopleAsync(first);
        using var interrupt = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first.Services.GetRequiredService<KeyRotator>().RunAsync(OldKey, Convert.FromBase64String(newKey), 2,
            line =>
            {
                if (line.StartsWith("residents.residents: ", StringComparison.Ordinal)) interrupt.Cancel();
            }, interrupt.Token));
        // Half done: some residents are under the new key already, the rest still under the old one.
        var (underNew, underOld) = await first.WithScopeAsync(async sp =>
        {
            var ciphers = await sp.GetRequiredService<ResidentsDbContext>().Residents.IgnoreQueryFilters().Select(r => r.IdNumberCipher).ToListAsync();
            return (ciphers.Count(c => new PersonalDataProtector(Convert.FromBase64String(newKey)).TryDecrypt(c, out _)),
                ciphers.Count(c => new PersonalDataProtector(OldKey).TryDecrypt(c, out _)));
        });
        Assert.True(underNew > 0 && underOld > 0, $"{underNew} under the new key, {underOld} under the old");
        var connection = first.Service(sp => sp.GetRequiredService<ResidentsDbContext>().Database.GetConnectionString());

        // No start on a half-rotated database, with either key.
        var withNewKey = new KeyedApp(first, newKey);
        await first.DisposeAsync();
        Assert.Contains("rotation", withNewKey.StartFailure());
        var withOldKey = new LinliFactory(withNewKey);
        await withNewKey.DisposeAsync();
        Assert.Contains("is unfinished", withOldKey.StartFailure());

        // The operator runs the verb again with the same keys, from files.
        var keys = Path.Combine(withOldKey.DataFolder, "rotation-keys");
        PrivateFiles.WriteNew(Path.Combine(keys, "old.key"), LinliFactory.TestKey);
        PrivateFiles.WriteNew(Path.Combine(keys, "new.key"), newKey);
        var wrong = await RunVerbAsync(withOldKey.DataFolder, connection, "rotate-keys", "--old-key", KeyedApp.NewKey(), "--new-key-file", Path.Combine(keys, "new.key"));
        Assert.Equal(3, wrong.Exit);
        Assert.Contains("unfinished rotation", wrong.Output);
        var (exit, output) = await RunVerbAsync(withOldKey.DataFolder, connection,
            "rotate-keys", "--old-key-file", Path.Combine(keys, "old.key"), "--new-key-file", Path.Combine(keys, "new.key"), "--batch", "2");
        Assert.True(exit == 0, output);
        Assert.Contains("resuming the rotation", output);
        Assert.Contains("residents.residents: 5 rows", output);
        Assert.Contains("done: ", output);

        var restarted = new KeyedApp(withOldKey, newKey);
        await withOldKey.DisposeAsync();
        await using (restarted) await AssertAllUnderAsync(restarted, people, Convert.FromBase64String(newKey));
    }

    [Fact]
    public async Task Rotating_onto_the_same_key_re_hashes_phone_numbers_stored_before_the_phone_type_into_e164()
    {
        var app = new LinliFactory();
        _ = app.Server;
        await app.CreateUserAsync("cw.rehash", Roles.CommunityWorker, CityFixture.CommunityA);
        var cw = await app.ClientForAsync("cw.rehash");
        var phone = NewPhone();
        var id = await CreateAsync(cw, CityFixture.CommunityA, NewIdNumber(), phone);
        // As an earlier version stored it: the national digits, encrypted and hashed as they were.
        await app.WithScopeAsync(async sp =>
        {
            var protector = sp.GetRequiredService<IPersonalDataProtector>();
            var db = sp.GetRequiredService<ResidentsDbContext>();
            var (cipher, hash) = (protector.Encrypt(phone), protector.LookupHash(phone));
            return await db.Residents.IgnoreQueryFilters().Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.PhoneCipher, cipher).SetProperty(r => r.PhoneHash, hash));
        });
        async Task<int> FoundAsync() =>
            (await (await cw.PostAsJsonAsync("/api/residents/search", new { phone })).Json(HttpStatusCode.OK)).GetProperty("items").GetArrayLength();
        Assert.Equal(0, await FoundAsync());

        await app.Services.GetRequiredService<KeyRotator>().RunAsync(OldKey, OldKey, 100, _ => { }, CancellationToken.None);
        Assert.Equal(1, await FoundAsync());
        await app.DisposeAsync();
    }

    /// <summary>Every index of the tables whose hashes a rotation rewrites, as the database lists them.</summary>
    private static async Task<List<string>> IndexesAsync(LinliFactory app) => await app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<ResidentsDbContext>();
        var sql = TestDatabase.IsPostgres
            ? "SELECT schemaname || '.' || indexname || ' ' || indexdef AS \"Value\" FROM pg_indexes WHERE schemaname IN ('residents', 'requests', 'servicedesk')"
            : "SELECT name || ' ' || sql AS \"Value\" FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL";
        return (await db.Database.SqlQueryRaw<string>(sql).ToListAsync()).Order(StringComparer.Ordinal).ToList();
    });

    /// <summary>The product's own executable with a verb, as an operator runs it, on the test's database.</summary>
    private static async Task<(int Exit, string Output)> RunVerbAsync(string dataFolder, string? connection, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = dataFolder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Linli.dll"));
        foreach (var a in arguments) start.ArgumentList.Add(a);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        start.Environment["Database__Provider"] = TestDatabase.Provider;
        start.Environment["Database__DataFolder"] = dataFolder;
        if (TestDatabase.IsPostgres) start.Environment["Database__ConnectionString"] = connection;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
