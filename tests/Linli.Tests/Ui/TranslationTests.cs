using Linli.Tests.Infrastructure;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Linli.Modules.Regions.Contracts;
using Linli.Modules.Regions.Pages.Regions;
using Linli.Platform.Ui;

namespace Linli.Tests.Ui;

/// <summary>Every Chinese UI text has its English in SharedResource.en.resx, and the file has no keys nobody uses.</summary>
[Trait(DatabaseIndependent.Trait, DatabaseIndependent.Value)]
public sealed partial class TranslationTests
{
    [GeneratedRegex("""\b(?:T|Text|text)\["((?:[^"\\]|\\.)*)"[\],]""")]
    private static partial Regex LocalizerKey();

    [GeneratedRegex("""\b(?:ErrorMessage|Name)\s*=\s*"((?:[^"\\]|\\.)*\p{IsCJKUnifiedIdeographs}(?:[^"\\]|\\.)*)"[,)]""")]
    private static partial Regex AttributeText();

    private static string SourceRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Linli.slnx"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("Linli.slnx not found above the test output."), "src", "Linli");
    }

    private static HashSet<string> UsedKeys()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(SourceRoot(), "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                                 && !f.Contains("node_modules") && !f.Contains("Migrations")))
        {
            var text = File.ReadAllText(file);
            foreach (Match m in LocalizerKey().Matches(text)) keys.Add(Regex.Unescape(m.Groups[1].Value));
            foreach (Match m in AttributeText().Matches(text)) keys.Add(Regex.Unescape(m.Groups[1].Value));
        }
        // Texts looked up through a table rather than a literal.
        keys.UnionWith(RoleNames.Label.Values);
        keys.UnionWith(RoleNames.Duties.Values);
        keys.UnionWith(Linli.Modules.Requests.Pages.RequestLabels.All);
        keys.UnionWith(Linli.Modules.ServiceDesk.Pages.Appointments.AppointmentLabels.All);
        keys.UnionWith(Linli.Platform.Audit.AuditLabels.All);
        keys.UnionWith(Linli.Platform.Audit.AuditExport.Headers);
        keys.UnionWith([Linli.Platform.Audit.AuditExport.Title, Linli.Modules.Requests.Features.Queues.QueueExport.Title, Linli.Modules.Residents.Features.ExportResidents.ResidentExport.Title]);
        keys.UnionWith(Linli.Modules.Requests.Features.Queues.QueueExport.Headers);
        keys.UnionWith(Linli.Modules.Residents.Features.ExportResidents.ResidentExport.Headers);
        keys.UnionWith(Linli.Modules.Requests.Features.Metrics.RequestMetrics.Headers);
        keys.UnionWith(Linli.Modules.Requests.Features.Metrics.RequestMetrics.ExportTitles.Values);
        keys.UnionWith(Linli.Modules.Indicators.Domain.IndicatorLabels.All);
        keys.UnionWith(Linli.Modules.Indicators.Features.Report.YearlyReportData.SummaryHeaders);
        keys.UnionWith(Linli.Modules.Indicators.Features.Report.YearlyReportData.ChildHeaders);
        keys.UnionWith(Linli.Modules.Indicators.Features.Report.YearlyReportData.ShortfallHeaders);
        keys.UnionWith(Linli.Modules.Indicators.Features.BelowStandard.BelowStandardEndpoint.Headers);
        keys.Add("年份须在 {0} 至 {1} 之间，已显示本年。");
        keys.UnionWith(Linli.Modules.Facilities.Domain.FacilityTypes.All.Select(t => t.Name));
        keys.UnionWith(Linli.Modules.Facilities.Domain.FacilityStandards.Rules.SelectMany(r => new[] { r.Name, r.Unit }));
        keys.UnionWith(Linli.Modules.Facilities.Features.ListFacilities.ListFacilitiesEndpoint.Headers);
        keys.UnionWith(Linli.Modules.Facilities.Features.Standards.StandardsEndpoints.Headers);
        keys.UnionWith(Enum.GetValues<RegionKind>().Select(RegionLabels.Kind));
        keys.UnionWith(Enum.GetValues<RegionLevel>().Select(RegionLabels.Level));
        keys.UnionWith(Enum.GetValues<RegionLevel>().Select(RegionLabels.ChildrenOf));
        keys.UnionWith(new[] { "households", "residents", "grids", "facilities", "socialOrganizations", "workers" }.Select(RegionLabels.CountLabel));
        return keys;
    }

    private static Dictionary<string, string> English() =>
        XDocument.Load(Path.Combine(SourceRoot(), "Platform", "Localization", "SharedResource.en.resx"))
            .Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    [Fact]
    public void Every_ui_text_has_an_english_translation()
    {
        var english = English();
        var missing = UsedKeys().Where(k => !english.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "Add to Platform/Localization/SharedResource.en.resx:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Translations_keep_their_placeholders_and_are_not_left_in_chinese()
    {
        var bad = English().Where(e =>
                !Regex.Matches(e.Key, @"\{\d\}").Select(m => m.Value).Order().SequenceEqual(Regex.Matches(e.Value, @"\{\d\}").Select(m => m.Value).Order())
                || Regex.IsMatch(e.Value, @"\p{IsCJKUnifiedIdeographs}"))
            .Select(e => $"{e.Key} => {e.Value}")
            .ToList();
        Assert.True(bad.Count == 0, string.Join("\n", bad));
    }
}
