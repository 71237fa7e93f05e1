using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Linli.Tests.Infrastructure;
using Linli.Tests.Requests;
using Linli.Modules.Accounts.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Ui;

/// <summary>
/// In the Chinese UI no page shows a raw code where a Chinese label belongs: an enum's name ("InProgress", "Satisfied"),
/// a department or unit code ("water", "community"), an English word of the framework. Every page route is opened as
/// each role would, following the links the pages show, and the visible text of each is read for ASCII words.
/// </summary>
[Collection("city2")]
[Trait(DatabaseIndependent.Trait, DatabaseIndependent.Value)]
public sealed partial class NoRawCodesInChineseTextTests(CityFixture city)
{
    /// <summary>Words that are right in Chinese text, each with why.</summary>
    private static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal)
    {
        ["Linli"] = "the product's name",
        ["English"] = "the language switch names the other language in that language",
        ["Open311"] = "the name of a standard", ["GeoReport"] = "the name of a standard (Open311 GeoReport v2)",
        ["ECharts"] = "the chart library's name", ["Excel"] = "a file format users know by name", ["CSV"] = "a file format",
        ["API"] = "the usual word in Chinese too", ["OpenAPI"] = "the name of a standard", ["PDF"] = "a file format",
        ["SMS"] = "the usual word", ["App"] = "the usual word", ["APP"] = "the usual word", ["XLSX"] = "a file format", ["xlsx"] = "a file extension",
        ["csv"] = "a file extension", ["GPS"] = "the usual word", ["JSON"] = "a file format", ["HTML"] = "a format",
        ["JPEG"] = "an image format", ["PNG"] = "an image format", ["WebP"] = "an image format", ["UTF"] = "a text encoding (UTF-8)",
    };

    /// <summary>Words right on one page only: what a user types or a file must contain, named as it must be written.</summary>
    private static readonly Dictionary<string, (string[] Words, string Why)> AllowedOn = new(StringComparer.Ordinal)
    {
        ["/residents/import"] = (["household_ref", "community_code", "grid_code", "address", "building", "unit", "room", "name", "id_number",
            "gender", "birth_date", "phone", "relation", "registered_address", "actual_address", "tags", "yyyy"], "the import file's column names and date format, each beside its Chinese name"),
        ["/admin/holidays"] = (["date", "kind", "name", "holiday", "workday", "data"], "the holiday file's columns and values, and the folder the built-in file is in"),
        ["/facilities/import"] = (["type", "name", "community_code", "address", "longitude", "latitude", "floor_area", "service_area", "weekly_hours",
            "capacity", "operator", "opened_on"], "the import file's column names, which the file must use (or their Chinese names)"),
        ["/admin/accounts/new"] = (["water"], "an example of a department code to type into the scope field"),
        ["/admin/accounts/{id:guid}"] = (["water"], "an example of a department code to type into the scope field"),
    };

    /// <summary>Where links alone do not lead: the resident search needs a filter.</summary>
    private static readonly string[] ExtraStarts = [$"/residents?community={CityFixture.CommunityA}"];

    [GeneratedRegex(@"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b")]
    private static partial Regex RecordId();

    [GeneratedRegex(@"<([A-Za-z]+)[^<>]{0,200}>[^<]{0,200}</\1>|</?[A-Za-z][^<>]{0,200}>")]
    private static partial Regex TypedMarkup();

    [GeneratedRegex(@"[A-Za-z0-9_]+")]
    private static partial Regex AsciiWord();

    [GeneratedRegex(@"^[A-Za-z_]{3,}$")]
    private static partial Regex Identifier();

    private static readonly HtmlParser Parser = new();

    /// <summary>The words of the page a reader sees: no scripts, styles or attribute values; the user names (data, not labels) taken out.</summary>
    private static IEnumerable<(string Word, string Context)> AsciiWordsOf(string html, string template, IReadOnlyCollection<string> userNames)
    {
        using var document = Parser.ParseDocument(html);
        foreach (var hidden in document.QuerySelectorAll("script, style, template, noscript").ToList()) hidden.Remove();
        var text = Regex.Replace((document.Title ?? "") + "\n" + (document.Body?.TextContent ?? ""), @"\s+", " ");
        foreach (var name in userNames) text = text.Replace(name, " ", StringComparison.Ordinal);
        text = RecordId().Replace(text, " "); // an account's id in the audit log is a record number, shown like a ticket's
        // Markup shown as text is what someone typed (other tests' script-injection probes, shown escaped), not a label.
        text = TypedMarkup().Replace(text, " ");
        foreach (Match m in AsciiWord().Matches(text))
        {
            if (!Identifier().IsMatch(m.Value) || Allowed.ContainsKey(m.Value)) continue;
            if (AllowedOn.TryGetValue(template, out var here) && here.Words.Contains(m.Value, StringComparer.Ordinal)) continue;
            var from = Math.Max(0, m.Index - 20);
            yield return (m.Value, text[from..Math.Min(text.Length, m.Index + m.Length + 20)].Trim());
        }
    }

    [Fact]
    public async Task No_page_of_any_role_shows_an_english_identifier_in_its_chinese_text()
    {
        // Records for the pages with ids: a ticket in each role's reach, dispatched and signed so it has a history.
        var hotline = await city.App.ClientForAsync("hotline");
        var id = (await hotline.FileAsync(await RequestsApi.NewLeafAsync(city.App), description: "小区路灯不亮（界面文字检查）")).Id();
        await hotline.OkAsync(id, "dispatch", new { unitCode = "community" });
        await (await city.App.ClientForAsync("cw.a")).OkAsync(id, "sign");
        await (await city.App.ClientForAsync("resident")).FileAsync(await RequestsApi.NewLeafAsync(city.App), description: "楼道灯坏了（界面文字检查）");

        string[] users = ["resident", "cw.a", "street.a", "district.heping", "dept.water", "hotline", "supervisor", "admin"];
        // People's user names are data, not labels: every account of the app (other tests of the collection add their own), longest first.
        var userNames = (await city.App.WithScopeAsync(sp => sp.GetRequiredService<UserManager<LinliUser>>().Users.Select(u => u.UserName!).ToListAsync()))
            .OrderByDescending(n => n.Length).ToList();
        // One finding per word and page route: the same label on many pages is one fix.
        var findings = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var crawl = new PageCrawl(pagesPerRoute: 2, ExtraStarts) { LinkedNotFoundFails = false };
        foreach (var user in users)
        {
            var client = await PageClient.SignedInAsync(city.App, user);
            await crawl.VisitAsync(client.Http, user, page =>
            {
                foreach (var (word, context) in AsciiWordsOf(page.Html, page.Template, userNames))
                    findings.TryAdd($"\"{word}\" on {page.Template}", $"{page.Url} ({user}): \"…{context}…\"");
                return Task.CompletedTask;
            });
        }

        // The crawl reached the pages that matter, so an empty finding means something.
        foreach (var page in new[] { "/", "/requests/queues", "/requests/tickets/{id:long}", "/requests/console", "/requests/metrics", "/audit", "/residents/{id:long}" })
            Assert.Contains(page, crawl.Loaded);
        Assert.True(crawl.Failures.Count == 0, "Pages that failed:\n" + string.Join('\n', crawl.Failures));
        Assert.True(findings.Count == 0, $"{findings.Count} raw words in Chinese pages:\n" + string.Join('\n', findings.Select(f => $"{f.Key}: {f.Value}")));
    }
}
