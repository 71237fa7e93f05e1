using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Linli.Bench;

/// <summary>
/// Lists and searches at full scale: every GET of the OpenAPI document and every list page, as a city-, a district- and a
/// community-scope user (and the hotline, a department, the administrator, a resident where the endpoint is theirs), with
/// realistic parameters — first page, the deepest page an offset reaches, the page after it by cursor, each filter. Each case
/// runs once unmeasured, then <c>--repetitions</c> times one after another; the report gives p50 and p95 per case, the
/// ratio of its p95 to the p95 of the bare <c>/health</c> measured in the same run, and the slowest cases. GET operations of
/// the document that no case covers are listed, so a new endpoint cannot slip past the benchmark.
/// </summary>
internal static partial class ListsBench
{
    private const double Goal = 300;

    private sealed record Case(string Name, string User, string Method, string Path, object? Body = null, bool Page = false, string? Operation = null,
        HttpStatusCode Expect = HttpStatusCode.OK);

    private sealed record Timing(Case Case, double P50, double P95, double Max, HttpStatusCode Status, string? Note);

    public static async Task<int> RunAsync(Options o, IReadOnlyDictionary<string, string> args)
    {
        var repetitions = int.Parse(args.GetValueOrDefault("repetitions", "20"), CultureInfo.InvariantCulture);
        var only = args.GetValueOrDefault("only-cases");
        var report = new StringBuilder();
        void Say(string line)
        {
            Console.WriteLine(line);
            report.AppendLine(line);
        }

        Process? server = null;
        var url = o.Url;
        try
        {
            if (url is null)
            {
                url = $"http://127.0.0.1:{Program.FreePortNumber()}";
                server = Program.StartServer(o, url);
            }
            var clients = new Dictionary<string, HttpClient>();
            HttpClient NewClient() => new(new SocketsHttpHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
                { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(2) };
            var anonymous = NewClient();
            await Program.WaitHealthyAsync(anonymous, server);
            clients["anonymous"] = anonymous;

            await using var db = Database.Open(o);
            // The roll-ups (metrics, service-desk statistics) of a database seeded before they existed are built by the server's
            // jobs after start: wait for them.
            // At most half an hour: a roll-up that never catches up is reported, not waited for forever.
            var waitUntil = DateTime.UtcNow.AddMinutes(30);
            var backlog = await db.RollupBacklogAsync();
            for (; backlog > 0 && DateTime.UtcNow < waitUntil; backlog = await db.RollupBacklogAsync())
            {
                Console.WriteLine($"  waiting for the roll-ups: {backlog} days to go");
                await Task.Delay(TimeSpan.FromSeconds(10));
            }
            var sample = await db.ListSampleAsync();
            var tickets = await db.CountTicketsAsync();
            var residents = await db.CountResidentsAsync();
            Say($"\n## {o.Label}: {db.Name}, {Environment.ProcessorCount} cores, {residents:N0} residents, {tickets:N0} tickets; {repetitions} timed runs per case after one unmeasured");
            if (backlog > 0) Say($"- **the roll-ups still missed {backlog} days after 30 minutes**: figures over those days were counted live");

            // ONLY: one substring, or several separated by '|' (a case runs when its name contains any of them).
            var wanted = only?.Split('|', StringSplitOptions.RemoveEmptyEntries);
            var cases = Cases(sample).Where(c => wanted is null || wanted.Any(w => c.Name.Contains(w, StringComparison.OrdinalIgnoreCase))).ToList();
            // One signed-in client per user the cases name: a bearer token for the API and the sign-in cookie for the pages.
            foreach (var user in cases.Select(c => c.User).Where(u => u != "anonymous").Distinct(StringComparer.Ordinal))
                clients[user] = await SignInAsync(NewClient(), user);

            var covered = cases.Where(c => c.Method == "GET" && !c.Page).Select(c => c.Operation ?? Template(c.Path)).ToHashSet(StringComparer.Ordinal);
            var document = await anonymous.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
            var operations = document.GetProperty("paths").EnumerateObject().Where(p => p.Value.TryGetProperty("get", out _)).Select(p => p.Name).ToList();
            var missing = only is null ? operations.Where(p => !covered.Contains(p)).ToList() : [];

            // The baseline first and last, so that the machine's mood over the run shows in it.
            var health = new Case("baseline: GET /health", "anonymous", "GET", "/health");
            var results = new List<Timing> { await TimeAsync(clients, health, repetitions) };
            foreach (var c in cases)
            {
                var t = await TimeAsync(clients, c, repetitions);
                results.Add(t);
                Console.WriteLine($"  {t.P50,7:F1} {t.P95,7:F1} ms  {(int)t.Status} {c.Name}{(t.Note is null ? "" : "  — " + t.Note)}");
            }
            var healthAfter = await TimeAsync(clients, health with { Name = "baseline: GET /health (again, at the end)" }, repetitions);
            results.Add(healthAfter);
            // The baseline's median (of both runs) is steadier than its p95 on a shared machine.
            var baseline = Math.Max(0.05, (results[0].P50 + healthAfter.P50) / 2);

            var failed = results.Where(r => r.Status != r.Case.Expect).ToList();
            var slow = results.Where(r => r.P95 >= Goal).OrderByDescending(r => r.P95).ToList();
            Say($"- baseline GET /health at start and end: p50 {results[0].P50:F1} / {healthAfter.P50:F1} ms, p95 {results[0].P95:F1} / {healthAfter.P95:F1} ms; ratios below are a case's p95 over the mean of the two p50s ({baseline:F1} ms)");
            Say($"- cases: {results.Count - 2}; at or over {Goal:F0} ms p95: **{slow.Count}**; wrong status: {failed.Count}");
            Say($"- slowest: {string.Join("; ", results.OrderByDescending(r => r.P95).Take(5).Select(r => $"{r.Case.Name} {r.P95:F0} ms"))}");
            if (missing.Count > 0) Say($"- GET operations of the OpenAPI document without a case: {string.Join(", ", missing)}");
            foreach (var f in failed) Say($"- **unexpected status** {(int)f.Status} (expected {(int)f.Case.Expect}) for {f.Case.Name}: {f.Note}");
            Say("");
            Say("| case | user | status | p50 ms | p95 ms | max ms | p95 / baseline |");
            Say("|---|---|---|---|---|---|---|");
            foreach (var r in results.OrderByDescending(r => double.IsNaN(r.P95) ? double.MaxValue : r.P95))
                Say($"| {(r.P95 >= Goal ? "**" + r.Case.Name + "**" : r.Case.Name)} | {r.Case.User} | {(int)r.Status} | {r.P50:F1} | {r.P95:F1} | {r.Max:F1} | {r.P95 / baseline:F1} |");
        }
        finally
        {
            if (server is { HasExited: false })
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }
        }
        if (o.Report is { } path) await File.AppendAllTextAsync(path, report.ToString());
        return 0;
    }

    /// <summary>/api/residents/123 → /api/residents/{id}; the document names path parameters as the routes do.</summary>
    private static string Template(string path)
    {
        var p = path.Split('?')[0];
        foreach (var (pattern, name) in Templates) p = Regex.Replace(p, pattern, name);
        return p;
    }

    private static readonly (string, string)[] Templates =
    [
        (@"^/api/requests/queues/[A-Za-z]+$", "/api/requests/queues/{queue}"),
        (@"^/api/requests/queues/[A-Za-z]+/export$", "/api/requests/queues/{queue}/export"),
        (@"^/api/requests/tickets/\d+/duplicates$", "/api/requests/tickets/{id}/duplicates"),
        (@"^/api/requests/tickets/\d+/photos$", "/api/requests/tickets/{id}/photos"),
        (@"^/api/requests/tickets/\d+/photos/[^/]+$", "/api/requests/tickets/{id}/photos/{name}"),
        (@"^/api/requests/tickets/\d+$", "/api/requests/tickets/{id}"),
        (@"^/api/residents/households/\d+$", "/api/residents/households/{id}"),
        (@"^/api/residents/\d+$", "/api/residents/{id}"),
        (@"^/api/regions/\d+$", "/api/regions/{code}"),
        (@"^/api/regions/\d+/communities$", "/api/regions/{code}/communities"),
        (@"^/api/service-cases/\d+/ratings$", "/api/service-cases/{id}/ratings"),
        (@"^/api/service-cases/\d+$", "/api/service-cases/{id}"),
        (@"^/api/service-items/districts/\d+$", "/api/service-items/districts/{district}"),
        (@"^/api/service-items/(?!districts/)[^/]+$", "/api/service-items/{code}"),
        (@"^/api/service-items/[^/]+/draft$", "/api/service-items/{code}/draft"),
        (@"^/api/appointments/\d+$", "/api/appointments/{id}"),
        (@"^/open311/v2/requests/[^/]+\.(json|xml)$", "/open311/v2/requests/{service_request_id}.{format}"),
        (@"^/open311/v2/services/[^/]+\.(json|xml)$", "/open311/v2/services/{service_code}.{format}"),
        (@"^/open311/v2/tokens/[^/]+\.(json|xml)$", "/open311/v2/tokens/{token}.{format}"),
        (@"^/open311/v2/(discovery|services|requests|servicerequestupdates)\.(json|xml)$", "/open311/v2/$1.{format}"),
    ];

    private static IEnumerable<Case> Cases(ListSample s)
    {
        const string city = "demo.supervisor", district = "demo.district", community = "demo.community";
        string[] scopes = [city, district, community];
        // ---- residents -----------------------------------------------------------------------------------------------------
        foreach (var u in scopes) yield return new($"residents: first page ({Scope(u)})", u, "GET", "/api/residents");
        foreach (var u in scopes) yield return new($"residents: by tag Elderly60 ({Scope(u)})", u, "GET", "/api/residents?tag=Elderly60");
        yield return new("residents: by tag Orphan, rare (city)", city, "GET", "/api/residents?tag=Orphan");
        yield return new("residents: by tag Dibao in a district (city user)", city, "GET", "/api/residents?tag=Dibao&communityCode=210102");
        yield return new("residents: a district (city user)", city, "GET", "/api/residents?communityCode=210102");
        yield return new("residents: a grid (community user)", community, "GET", $"/api/residents?communityCode={s.Grid}");
        yield return new("residents: page 200 (city)", city, "GET", "/api/residents?page=200");
        yield return new("residents: page 500 (city; deeper than an offset may go: refused, use the cursor)", city, "GET", "/api/residents?page=500",
            Expect: HttpStatusCode.BadRequest);
        yield return new("residents: the page after page 200, by cursor (city)", city, "GET", "/api/residents?page=200", Operation: "cursor:residents");
        foreach (var u in scopes) yield return new($"residents: search by name 王 ({Scope(u)})", u, "POST", "/api/residents/search", new { name = "王" });
        yield return new("residents: search by a full name (city)", city, "POST", "/api/residents/search", new { name = s.FullName });
        yield return new("residents: search by name 王 and tag Elderly80 (city)", city, "POST", "/api/residents/search", new { name = "王", tag = "Elderly80" });
        yield return new("residents: one resident (community)", community, "GET", $"/api/residents/{s.Resident}");
        foreach (var u in scopes) yield return new($"households: first page ({Scope(u)})", u, "GET", "/api/residents/households");
        yield return new("households: a street (city user)", city, "GET", "/api/residents/households?communityCode=210102001");
        yield return new("households: page 200 (city)", city, "GET", "/api/residents/households?page=200");
        yield return new("households: one household (community)", community, "GET", $"/api/residents/households/{s.Household}");

        // ---- tickets -----------------------------------------------------------------------------------------------------
        foreach (var u in scopes) yield return new($"tickets: first page ({Scope(u)})", u, "GET", "/api/requests/tickets");
        yield return new("tickets: page 200 (city)", city, "GET", "/api/requests/tickets?page=200");
        yield return new("tickets: page 1000 (city; refused, use the cursor)", city, "GET", "/api/requests/tickets?page=1000", Expect: HttpStatusCode.BadRequest);
        yield return new("tickets: the page after page 200, by cursor (city)", city, "GET", "/api/requests/tickets?page=200", Operation: "cursor:tickets");
        foreach (var state in new[] { "Dispatched", "InProgress", "Replied", "Closed" })
            yield return new($"tickets: state {state} (city)", city, "GET", $"/api/requests/tickets?state={state}");
        yield return new("tickets: state InProgress (district)", district, "GET", "/api/requests/tickets?state=InProgress");
        yield return new("tickets: overdue (city)", city, "GET", "/api/requests/tickets?overdue=true");
        yield return new("tickets: overdue (district)", district, "GET", "/api/requests/tickets?overdue=true");
        yield return new("tickets: supervised (city)", city, "GET", "/api/requests/tickets?supervised=true");
        yield return new("tickets: a category (city)", city, "GET", $"/api/requests/tickets?categoryId={s.Category}");
        yield return new("tickets: a district (city user)", city, "GET", "/api/requests/tickets?region=210102");
        yield return new("tickets: a community (city user)", city, "GET", $"/api/requests/tickets?region={s.Community}");
        yield return new("tickets: assigned to water (city)", city, "GET", "/api/requests/tickets?unit=water");
        yield return new("tickets: by number (city)", city, "GET", $"/api/requests/tickets?number={s.TicketNumber}");
        yield return new("tickets: one ticket (community)", community, "GET", $"/api/requests/tickets/{s.Ticket}");
        yield return new("tickets: duplicates of one (hotline)", "demo.hotline", "GET", $"/api/requests/tickets/{s.Ticket}/duplicates");
        yield return new("tickets: photos of one (community)", community, "GET", $"/api/requests/tickets/{s.PhotoTicket}/photos");
        yield return new("tickets: one photo (community)", community, "GET", $"/api/requests/tickets/{s.PhotoTicket}/photos/{s.PhotoName ?? "1.jpg"}",
            Expect: s.PhotoName is null ? HttpStatusCode.NotFound : HttpStatusCode.OK);
        foreach (var (u, queues) in new[]
                 {
                     ("demo.hotline", ["ToDispatch", "ToSign", "InProgress", "DueSoon", "Overdue", "ToVisit"]),
                     (district, new[] { "ToSign", "InProgress", "DueSoon", "Overdue" }),
                     (community, new[] { "ToSign", "InProgress", "DueSoon", "Overdue" }),
                     ("demo.department", ["ToSign", "InProgress", "DueSoon", "Overdue", "ToReportIn"]),
                 })
            foreach (var q in queues) yield return new($"queue {q} ({Scope(u)})", u, "GET", $"/api/requests/queues/{q}");
        yield return new("queue Overdue page 100 (centre)", "demo.hotline", "GET", "/api/requests/queues/Overdue?page=100");
        yield return new("my reports (grid worker)", "demo.grid", "GET", "/api/requests/my-reports");
        yield return new("my reports, closed (grid worker)", "demo.grid", "GET", "/api/requests/my-reports?state=Closed");
        yield return new("queue export InProgress, csv (district)", district, "GET", "/api/requests/queues/InProgress/export?format=csv");
        yield return new("resident verifications (community)", community, "GET", "/api/residents/verifications");
        yield return new("audit log verification (admin)", "demo.admin", "GET", "/api/audit/verification");
        yield return new("communities of a district", city, "GET", "/api/regions/210102/communities");

        // ---- metrics -----------------------------------------------------------------------------------------------------
        foreach (var g in new[] { "unit", "region", "category" })
        foreach (var period in new[] { "30d", "year" })
            yield return new($"metrics by {g}, {period} (city)", city, "GET", $"/api/requests/metrics?groupBy={g}&period={period}");
        yield return new("metrics by region, year (district)", district, "GET", "/api/requests/metrics?groupBy=region&period=year");
        yield return new("metrics by category, year, a district (city user)", city, "GET", "/api/requests/metrics?groupBy=category&period=year&region=210102");
        yield return new("metrics by region, 2 years (city)", city, "GET",
            $"/api/requests/metrics?groupBy=region&from={DateTime.UtcNow.AddDays(-730):yyyy-MM-dd}&to={DateTime.UtcNow:yyyy-MM-dd}");
        yield return new("metrics export by category, year, csv (city)", city, "GET", "/api/requests/metrics/export?format=csv&groupBy=category&period=year");

        // ---- reference lists and the rest --------------------------------------------------------------------------------
        yield return new("categories: top level", city, "GET", "/api/requests/categories?level=1");
        yield return new("categories: search 路灯", city, "GET", "/api/requests/categories?search=%E8%B7%AF%E7%81%AF");
        yield return new("routing rules", "demo.admin", "GET", "/api/requests/routing-rules");
        yield return new("routing rules with history", "demo.admin", "GET", "/api/requests/routing-rules?history=true");
        yield return new("Open311 clients", "demo.admin", "GET", "/api/requests/open311/clients");
        yield return new("inbox (community)", community, "GET", "/api/inbox");
        yield return new("inbox unread (department)", "demo.department", "GET", "/api/inbox?unread=true");
        yield return new("regions: the city", city, "GET", "/api/regions/2101");
        yield return new("regions: a district", city, "GET", "/api/regions/210102");
        yield return new("regions: a community", city, "GET", $"/api/regions/{s.Community}");
        yield return new("regions: search 社区", city, "GET", "/api/regions?q=%E7%A4%BE%E5%8C%BA");
        yield return new("regions: search 社区 page 20", city, "GET", "/api/regions?q=%E7%A4%BE%E5%8C%BA&page=20");
        yield return new("regions: boundaries", city, "GET", "/api/regions/boundaries.geojson");
        yield return new("departments", city, "GET", "/api/departments");
        yield return new("organizations (city)", city, "GET", "/api/organizations");
        yield return new("organizations: a district, charity", city, "GET", "/api/organizations?region=210102&kind=Charity");
        yield return new("facilities (city)", city, "GET", "/api/facilities");
        yield return new("facilities: a district, elderly-care stations", city, "GET", "/api/facilities?region=210102&type=ElderlyCareStation");
        foreach (var u in scopes) yield return new($"workers ({Scope(u)})", u, "GET", "/api/workers");
        yield return new("workers: village committee members page 50 (city)", city, "GET", "/api/workers?role=VillageCommitteeMember&page=50");
        // ---- service desk -------------------------------------------------------------------------------------------------
        foreach (var u in scopes) yield return new($"service cases: first page ({Scope(u)})", u, "GET", "/api/service-cases");
        foreach (var u in scopes) yield return new($"service cases: overdue ({Scope(u)})", u, "GET", "/api/service-cases?due=overdue");
        foreach (var u in scopes) yield return new($"service cases: due soon ({Scope(u)})", u, "GET", "/api/service-cases?due=soon");
        yield return new("service cases: awaiting completion (district)", district, "GET", "/api/service-cases?state=AwaitingCompletion");
        yield return new("service cases: an item (city)", city, "GET", $"/api/service-cases?item={s.ItemCode}");
        yield return new("service cases: by home visit mode (city)", city, "GET", "/api/service-cases?mode=DoorToDoor");
        yield return new("service cases: a district (city user)", city, "GET", "/api/service-cases?area=210102");
        yield return new("service cases: received in a month (district)", district, "GET",
            $"/api/service-cases?from={DateTime.UtcNow.AddDays(-60):yyyy-MM-dd}&to={DateTime.UtcNow.AddDays(-30):yyyy-MM-dd}");
        yield return new("service cases: by number (city)", city, "GET", $"/api/service-cases?q={s.CaseNumber}");
        yield return new("service cases: page 200 (city)", city, "GET", "/api/service-cases?page=200");
        yield return new("service cases: one case (community)", community, "GET", $"/api/service-cases/{s.ServiceCase}");
        yield return new("service cases: ratings of one (community)", community, "GET", $"/api/service-cases/{s.ServiceCase}/ratings");
        yield return new("service cases: export, csv (community)", community, "GET", "/api/service-cases/export?format=csv");
        yield return new("service-desk statistics by district, a year (city)", city, "GET",
            $"/api/service-desk/statistics?groupBy=District&from={DateTime.UtcNow.AddYears(-1):yyyy-MM-dd}&to={DateTime.UtcNow:yyyy-MM-dd}");
        yield return new("service-desk statistics by community, a year (district)", district, "GET",
            $"/api/service-desk/statistics?groupBy=Community&from={DateTime.UtcNow.AddYears(-1):yyyy-MM-dd}&to={DateTime.UtcNow:yyyy-MM-dd}");
        yield return new("service-desk statistics by item, default period (city)", city, "GET", "/api/service-desk/statistics?groupBy=Item");
        yield return new("service-desk statistics export by street, a year, csv (city)", city, "GET",
            $"/api/service-desk/statistics/export?format=csv&groupBy=Street&from={DateTime.UtcNow.AddYears(-1):yyyy-MM-dd}&to={DateTime.UtcNow:yyyy-MM-dd}");
        yield return new("service items (anonymous)", "anonymous", "GET", "/api/service-items");
        yield return new("service items: search 补贴 in a district", "anonymous", "GET", "/api/service-items?search=%E8%A1%A5%E8%B4%B4&district=210102");
        yield return new("service items: one item", "anonymous", "GET", $"/api/service-items/{s.ItemCode}");
        yield return new("service items: a district's list", "anonymous", "GET", "/api/service-items/districts/210102");
        yield return new("service items: an item's draft (admin)", "demo.admin", "GET", $"/api/service-items/{s.ItemCode}/draft");
        yield return new("appointments: slots of a community", "anonymous", "GET", $"/api/appointments/slots?community={s.Community}");
        yield return new("appointments: mine (resident)", "demo.resident", "GET", "/api/appointments/mine");
        yield return new("appointments: one of mine (resident)", "demo.resident", "GET", $"/api/appointments/{s.Booking}",
            Expect: s.Booking == 0 ? HttpStatusCode.NotFound : HttpStatusCode.OK);
        yield return new("appointments: today's queue (community)", community, "GET", $"/api/appointments/queue?community={s.Community}");

        yield return new("audit log (city)", city, "GET", "/api/audit");
        yield return new("audit log: one user (admin)", "demo.admin", "GET", "/api/audit?userName=demo.community");
        yield return new("audit log: page 100 (admin)", "demo.admin", "GET", "/api/audit?page=100");
        yield return new("Open311 discovery", "anonymous", "GET", "/open311/v2/discovery.json");
        yield return new("Open311 services", "anonymous", "GET", "/open311/v2/services.json");
        yield return new("Open311 service definition", "anonymous", "GET", $"/open311/v2/services/{s.Category}.json");
        yield return new("Open311 requests (no arguments)", "anonymous", "GET", "/open311/v2/requests.json");
        yield return new("Open311 requests open, xml", "anonymous", "GET", "/open311/v2/requests.xml?status=open");
        yield return new("Open311 requests of a service", "anonymous", "GET", $"/open311/v2/requests.json?service_code={s.Category}");
        yield return new("Open311 requests page 20", "anonymous", "GET", "/open311/v2/requests.json?page=20&page_size=50");
        yield return new("Open311 one request", "anonymous", "GET", $"/open311/v2/requests/{s.Open311Request}.json");
        yield return new("Open311 request updates, last 90 days", "anonymous", "GET", "/open311/v2/servicerequestupdates.json");
        yield return new("Open311 request updates page 20, xml", "anonymous", "GET", "/open311/v2/servicerequestupdates.xml?page=20&page_size=50");
        yield return new("Open311 token", "anonymous", "GET", $"/open311/v2/tokens/{s.Open311Token}.json",
            Expect: s.Open311Token == Guid.Empty.ToString() ? HttpStatusCode.NotFound : HttpStatusCode.OK);
        yield return new("OpenAPI document", "anonymous", "GET", "/openapi/v1.json", Operation: "/openapi/v1.json");

        // ---- pages -------------------------------------------------------------------------------------------------------
        yield return new("page: home (city)", city, "GET", "/", Page: true);
        yield return new("page: home (hotline)", "demo.hotline", "GET", "/", Page: true);
        foreach (var u in scopes) yield return new($"page: residents by tag Elderly60 ({Scope(u)})", u, "GET", "/residents?tag=Elderly60", Page: true);
        yield return new("page: residents of a district (city)", city, "GET", "/residents?community=210102", Page: true);
        yield return new("page: residents of a district, page 200 (city)", city, "GET", "/residents?community=210102&p=200", Page: true);
        yield return new("page: residents search by name 王 (city)", city, "POST", "/residents", new Dictionary<string, string> { ["Name"] = "王" }, Page: true);
        yield return new("page: a resident (community)", community, "GET", $"/residents/{s.Resident}", Page: true);
        yield return new("page: a household (community)", community, "GET", $"/residents/households/{s.Household}", Page: true);
        foreach (var (u, q) in new[] { ("demo.hotline", "ToDispatch"), ("demo.hotline", "Overdue"), ("demo.hotline", "ToVisit"), (district, "Overdue"),
                     (district, "InProgress"), (community, "ToSign"), ("demo.department", "InProgress") })
            yield return new($"page: queue {q} ({Scope(u)})", u, "GET", $"/requests/queues?queue={q}", Page: true);
        yield return new("page: hotline console", "demo.hotline", "GET", "/requests/console", Page: true);
        yield return new("page: a ticket (hotline)", "demo.hotline", "GET", $"/requests/tickets/{s.Ticket}", Page: true);
        // Residents track their own tickets; the demo resident filed none of the seeded ones: the lookup and its "not found".
        yield return new("page: track a ticket (resident)", "demo.resident", "GET", $"/requests/track/{s.TicketNumber}", Page: true, Expect: HttpStatusCode.NotFound);
        yield return new("page: my requests (resident)", "demo.resident", "GET", "/requests/mine", Page: true);
        yield return new("page: metrics, default (city)", city, "GET", "/requests/metrics", Page: true);
        yield return new("page: metrics, year by category (city)", city, "GET", "/requests/metrics?Period=year&GroupBy=Category", Page: true);
        yield return new("page: metrics, year by region (district)", district, "GET", "/requests/metrics?Period=year&GroupBy=Region", Page: true);
        yield return new("page: audit log (admin)", "demo.admin", "GET", "/audit", Page: true);
        yield return new("page: inbox (community)", community, "GET", "/inbox", Page: true);
        yield return new("page: regions (city)", city, "GET", "/regions", Page: true);
        yield return new("page: a district", city, "GET", "/regions/210102", Page: true);
        yield return new("page: a community", city, "GET", $"/regions/{s.Community}", Page: true);
        yield return new("page: region search 社区", city, "GET", "/regions/search?q=%E7%A4%BE%E5%8C%BA", Page: true);
        yield return new("page: map", city, "GET", "/regions/map", Page: true);
        yield return new("page: accounts (admin)", "demo.admin", "GET", "/admin/accounts", Page: true);
        yield return new("page: categories (admin)", "demo.admin", "GET", "/requests/admin/categories", Page: true);
        yield return new("page: routing rules (admin)", "demo.admin", "GET", "/requests/admin/rules", Page: true);
        yield return new("page: intake form (resident)", "demo.resident", "GET", "/requests/new", Page: true);
        yield return new("page: patrol (community)", community, "GET", "/requests/patrol", Page: true);
        foreach (var u in scopes) yield return new($"page: service cases ({Scope(u)})", u, "GET", "/service-desk/cases", Page: true);
        yield return new("page: service cases overdue (district)", district, "GET", "/service-desk/cases?Due=overdue", Page: true);
        yield return new("page: service cases page 200 (city)", city, "GET", "/service-desk/cases?PageNumber=200", Page: true);
        yield return new("page: a service case (community)", community, "GET", $"/service-desk/cases/{s.ServiceCase}", Page: true);
        yield return new("page: intake at the window (community)", community, "GET", "/service-desk/cases/new", Page: true);
        yield return new("page: service-desk statistics, a year by district (city)", city, "GET",
            $"/service-desk/statistics?groupBy=District&from={DateTime.UtcNow.AddYears(-1):yyyy-MM-dd}&to={DateTime.UtcNow:yyyy-MM-dd}", Page: true);
        yield return new("page: service-desk statistics, default (district)", district, "GET", "/service-desk/statistics", Page: true);
        yield return new("page: service catalog", "anonymous", "GET", "/services", Page: true);
        yield return new("page: a service item", "anonymous", "GET", $"/services/{s.ItemCode}", Page: true);
        yield return new("page: service catalog admin", "demo.admin", "GET", "/services/admin", Page: true);
        yield return new("page: appointments (resident)", "demo.resident", "GET", "/appointments", Page: true);
        yield return new("page: window queue (community)", community, "GET", "/appointments/queue", Page: true);
        yield return new("page: window slots (community)", community, "GET", "/appointments/manage", Page: true);
    }

    private static string Scope(string user) => user switch
    {
        "demo.supervisor" => "city", "demo.district" => "district", "demo.community" => "community", "demo.hotline" => "centre",
        "demo.department" => "department", "demo.admin" => "admin", _ => user,
    };

    private static async Task<Timing> TimeAsync(Dictionary<string, HttpClient> clients, Case c, int repetitions)
    {
        var client = clients[c.User];
        var times = new List<double>();
        var status = HttpStatusCode.OK;
        string? note = null;
        string? cursor = null;
        for (var i = 0; i <= repetitions; i++)
        {
            // A cursor case times the page after the one its path names: the cursor comes from an unmeasured first request.
            var path = c.Path;
            if (c.Operation?.StartsWith("cursor:", StringComparison.Ordinal) == true)
            {
                if (cursor is null)
                {
                    using var first = await SendAsync(client, c, c.Path);
                    var body = await first.Content.ReadAsStringAsync();
                    if (!first.IsSuccessStatusCode || !JsonDocument.Parse(body).RootElement.TryGetProperty("next", out var next) || next.ValueKind != JsonValueKind.String)
                        return new Timing(c, double.NaN, double.NaN, double.NaN, first.StatusCode, "no next cursor: " + Trim(body));
                    cursor = next.GetString();
                }
                path = c.Path.Split('?')[0] + "?after=" + Uri.EscapeDataString(cursor!);
            }
            var sw = Stopwatch.StartNew();
            using var response = await SendAsync(client, c, path);
            var text = await response.Content.ReadAsStringAsync();
            var ms = sw.Elapsed.TotalMilliseconds;
            status = response.StatusCode;
            if (status != c.Expect) note ??= Trim(text);
            if (i > 0) times.Add(ms);
        }
        var sorted = times.Order().ToArray();
        return new Timing(c, Program.Percentile(sorted, 0.50), Program.Percentile(sorted, 0.95), sorted[^1], status, note);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, Case c, string path)
    {
        if (c.Method == "GET") return await client.GetAsync(path);
        if (!c.Page) return await client.PostAsJsonAsync(path, c.Body);
        // A form post: the page's antiforgery token first (not timed apart: a user's search is the GET of the form then the POST).
        var form = await client.GetStringAsync(path);
        var token = TokenField().Match(form).Groups[1].Value;
        var fields = new Dictionary<string, string>((Dictionary<string, string>)c.Body!) { ["__RequestVerificationToken"] = token };
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    private static async Task<HttpClient> SignInAsync(HttpClient client, string user)
    {
        var token = await Program.TokenAsync(client, user);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var login = await client.GetStringAsync("/account/login");
        var verification = TokenField().Match(login).Groups[1].Value;
        using var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = user, ["Input.Password"] = "Linli#2026", ["__RequestVerificationToken"] = verification,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in of {user} answered {(int)response.StatusCode}.");
        return client;
    }

    private static string Trim(string s) => s.Length <= 160 ? s : s[..160];
}

/// <summary>Ids and codes the cases ask for, drawn from the seeded city inside the demo accounts' scopes.</summary>
internal sealed record ListSample(string Community, string Grid, long Resident, long Household, string FullName, long Ticket, string TicketNumber,
    int Category, string Open311Request, string Open311Token, long ServiceCase, string CaseNumber, string ItemCode,
    long PhotoTicket, string? PhotoName, long Booking);
