using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Razor.Hosting;

namespace Linli.Tests.Infrastructure;

/// <summary>
/// Opens every page route of the app as one signed-in client (or an anonymous one) would: from the pages without
/// parameters and the given starts, following the links the pages show, so that ids are real. A few pages per route are
/// read; only pages that load count toward that, so records other tests left (another role's ticket, a record out of
/// scope) cannot use up a route before one of its pages was read. Any page answering 5xx is a failure, whoever's data
/// led there. Shared by the raw-code check of the Chinese pages and the published-build check.
/// </summary>
internal sealed partial class PageCrawl(int pagesPerRoute, IEnumerable<string> extraStarts)
{
    /// <summary>How many pages of one route are tried at most, loading or not (another role's pages answer 403 or a redirect).</summary>
    private const int AttemptsPerRoute = 20;

    private static readonly HtmlParser Parser = new();

    private readonly string[] _starts = [.. extraStarts];

    /// <summary>The route of every Razor Page compiled into the app.</summary>
    public static readonly IReadOnlyList<string> PageRoutes = new RazorCompiledItemLoader().LoadItems(typeof(Program).Assembly)
        .Where(i => i.Kind == "mvc.1.0.razor-page")
        .Select(i => i.Metadata.OfType<RazorCompiledItemMetadataAttribute>().FirstOrDefault(m => m.Key == "RouteTemplate")?.Value)
        .OfType<string>()
        .Distinct()
        .ToList();

    [GeneratedRegex(@"\{(?<name>[a-zA-Z]+)(?::(?<constraint>[a-z]+))?(?<optional>\?)?\}")]
    private static partial Regex RouteParameter();

    /// <summary>A template as a pattern for paths; literal routes are tried before routes with parameters.</summary>
    private static readonly IReadOnlyList<(string Template, Regex Pattern)> Matchers = PageRoutes
        .OrderBy(t => t.Contains('{'))
        .Select(t => (t, new Regex("^" + RouteParameter().Replace(Regex.Escape(t).Replace(@"\{", "{").Replace(@"\}", "}").Replace(@"\?", "?"), m =>
        {
            var part = m.Groups["constraint"].Value is "int" or "long" ? @"\d+" : "[^/]+";
            return m.Groups["optional"].Success ? $"(?:{part})?" : part;
        }).Replace("/(?:", "(?:/") + "/?$", RegexOptions.IgnoreCase)))
        .ToList();

    /// <summary>The page route a path is answered by, or null.</summary>
    public static string? TemplateOf(string path) => Matchers.FirstOrDefault(m => m.Pattern.IsMatch(path)).Template;

    /// <summary>A page that loaded: its address, route, the page that linked it (null for a start) and its document.</summary>
    public sealed record Page(string Url, string Template, string? From, IHtmlDocument Document, string Html);

    /// <summary>Pages that answer another status than 200 by design, still as a full page (route → status).</summary>
    public IReadOnlyDictionary<string, int> StatusByDesign { get; init; } = new Dictionary<string, int>();

    /// <summary>Whether a linked page answering 404 is a failure (a broken link); off where other tests delete what they link.</summary>
    public bool LinkedNotFoundFails { get; init; } = true;

    /// <summary>Whether a start path no route answers is fetched anyway (once), to see the error page it gets.</summary>
    public bool VisitsUnroutedStarts { get; init; }

    public List<string> Failures { get; } = [];
    public HashSet<string> Loaded { get; } = [];

    /// <summary>Crawls as <paramref name="who"/> with <paramref name="http"/> (no automatic redirects); <paramref name="read"/> sees every page that loaded.</summary>
    public async Task VisitAsync(HttpClient http, string who, Func<Page, Task>? read = null)
    {
        var loadedPerRoute = new Dictionary<string, int>();
        var triedPerRoute = new Dictionary<string, int>();
        var seen = new HashSet<string>();
        var queue = new Queue<(string Url, string? From)>(PageRoutes.Where(t => !t.Contains('{')).Concat(_starts).Select(t => (t, (string?)null)));
        while (queue.TryDequeue(out var next))
        {
            var (url, from) = next;
            if (!seen.Add(url)) continue;
            var path = url.Split('?', '#')[0];
            var routed = TemplateOf(path);
            var template = routed ?? (from is null && VisitsUnroutedStarts ? path : null);
            if (template is null) continue;
            if (loadedPerRoute.GetValueOrDefault(template) >= pagesPerRoute || triedPerRoute.GetValueOrDefault(template) >= AttemptsPerRoute) continue;
            triedPerRoute[template] = triedPerRoute.GetValueOrDefault(template) + 1;

            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.ParseAdd("text/html");
            using var response = await http.SendAsync(request);
            var status = (int)response.StatusCode;
            if (status >= 500 || (LinkedNotFoundFails && from is not null && response.StatusCode == HttpStatusCode.NotFound))
            {
                Failures.Add($"{who}: {url} answered {status}" + (from is null ? "" : $" (linked from {from})"));
                continue;
            }
            if (status != StatusByDesign.GetValueOrDefault(template, routed is null ? 404 : 200)) continue; // another role's page
            loadedPerRoute[template] = loadedPerRoute.GetValueOrDefault(template) + 1;
            Loaded.Add(template);

            var html = await response.Content.ReadAsStringAsync();
            using var document = await Parser.ParseDocumentAsync(html);
            if (read is not null) await read(new Page(url, template, from, document, html));
            var here = new Uri(http.BaseAddress ?? new Uri("http://localhost/"), url);
            foreach (var link in document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
            {
                if (!Uri.TryCreate(here, link, out var target) || target.Authority != here.Authority) continue;
                if (target.AbsolutePath.StartsWith("/api/", StringComparison.Ordinal)) continue;
                queue.Enqueue((target.PathAndQuery, url));
            }
        }
    }
}
