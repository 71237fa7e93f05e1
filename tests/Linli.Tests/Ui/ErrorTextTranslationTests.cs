using Linli.Tests.Infrastructure;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Linli.Modules.Requests.Domain;

namespace Linli.Tests.Ui;

/// <summary>
/// What the API says when it refuses or rejects a call is a key of the shared resources with its English in
/// SharedResource.en.resx, and never text built by interpolation (which no resource file can hold): the exception
/// handler can then answer it in the caller's language.
/// </summary>
[Trait(DatabaseIndependent.Trait, DatabaseIndependent.Value)]
public sealed partial class ErrorTextTranslationTests
{
    // The message literal of a refusal or rejection: the first argument of the exceptions and phrases, the second of
    // ValidationFailedException.For(field, …) and of the ticket rules' Conflict(ticket, …) and the key check's Invalid(…).
    [GeneratedRegex(@"(?:new (?:NotFound|Forbidden|Conflict)Exception|new Phrase|\bnew)\(\s*(?<interpolated>\$?)""(?<text>(?:[^""\\]|\\.)*)""|(?:ValidationFailedException\.For|\bConflict)\((?:""[^""]*""|[^"",()]+(?:\([^()]*\))?)\s*,\s*(?<interpolated>\$?)""(?<text>(?:[^""\\]|\\.)*)""|\bInvalid\(\s*(?<interpolated>\$?)""(?<text>(?:[^""\\]|\\.)*)""")]
    private static partial Regex MessageLiteral();

    // Open311's error descriptions: the first argument of Open311Exception's factories, the second of its constructor, the
    // third of Open311Format.Error, and what the Open311 filter and routes look up with text["…"]. Every literal here is a
    // description (they name the spec's parameters, so they need not look like a sentence).
    [GeneratedRegex(@"(?:Open311Exception\.\w+\(|\bnew\(StatusCodes\.\w+,|Open311Format\.Error\([^,()]+(?:\([^()]*\))?,[^,()]+,|\btext\[)\s*(?<interpolated>\$?)""(?<text>(?:[^""\\]|\\.)*)""")]
    private static partial Regex Open311Description();

    private static string SourceRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Linli.slnx"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("Linli.slnx not found above the test output."), "src", "Linli");
    }

    private static HashSet<string> EnglishKeys() =>
        XDocument.Load(Path.Combine(SourceRoot(), "Platform", "Localization", "SharedResource.en.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

    /// <summary>The API's code: the modules' features and domain, and the platform; pages say their own messages through T["…"].</summary>
    private static IEnumerable<string> ApiSources() =>
        Directory.EnumerateFiles(SourceRoot(), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                        && !f.Contains("node_modules") && !f.Contains("Migrations") && !f.Contains($"{Path.DirectorySeparatorChar}Pages{Path.DirectorySeparatorChar}")
                        && !f.Contains($"{Path.DirectorySeparatorChar}Seeding{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}Cli{Path.DirectorySeparatorChar}"));

    [Fact]
    public void Every_refusal_and_rejection_of_the_api_is_a_resource_key_with_an_english_translation()
    {
        var english = EnglishKeys();
        var bad = new List<string>();
        foreach (var file in ApiSources())
        {
            var source = File.ReadAllText(file);
            if (!source.Contains("Exception", StringComparison.Ordinal) && !source.Contains("Phrase", StringComparison.Ordinal)) continue;
            foreach (Match m in MessageLiteral().Matches(source))
            {
                var text = Regex.Unescape(m.Groups["text"].Value);
                // Only caller-facing texts: our keys are Chinese, and an English literal there was never translated either.
                var isMessage = Regex.IsMatch(text, @"\p{IsCJKUnifiedIdeographs}") || Regex.IsMatch(text, @"^[A-Z][a-z]+ .*[a-z]\.$");
                if (!isMessage) continue;
                var where = $"{Path.GetRelativePath(SourceRoot(), file)}: {text}";
                if (m.Groups["interpolated"].Value == "$") bad.Add($"interpolated (use a format and arguments) — {where}");
                else if (!english.Contains(text)) bad.Add($"no English in SharedResource.en.resx — {where}");
            }
        }
        Assert.True(bad.Count == 0, string.Join("\n", bad));
    }

    [Fact]
    public void Every_open311_error_description_is_a_resource_key_with_an_english_translation()
    {
        var english = EnglishKeys();
        var bad = new List<string>();
        var seen = 0;
        foreach (var file in ApiSources().Where(f => f.Contains($"{Path.DirectorySeparatorChar}Open311", StringComparison.Ordinal)))
        {
            foreach (Match m in Open311Description().Matches(File.ReadAllText(file)))
            {
                seen++;
                var text = Regex.Unescape(m.Groups["text"].Value);
                var where = $"{Path.GetRelativePath(SourceRoot(), file)}: {text}";
                if (m.Groups["interpolated"].Value == "$") bad.Add($"interpolated (use a format and arguments) — {where}");
                else if (!english.Contains(text)) bad.Add($"no English in SharedResource.en.resx — {where}");
            }
        }
        Assert.True(seen >= 30, $"only {seen} Open311 descriptions found: the scan no longer recognises how they are written");
        Assert.True(bad.Count == 0, string.Join("\n", bad));
    }

    [Fact]
    public void Every_ticket_rule_says_its_action_and_its_refusal_in_both_languages()
    {
        var english = EnglishKeys();
        var missing = TicketRules.Actions.Select(TicketRules.Of)
            .SelectMany(r => new[] { r.Verb, r.NotTheirs })
            .Where(text => !english.Contains(text))
            .Distinct()
            .ToList();
        Assert.True(missing.Count == 0, "Add to SharedResource.en.resx:\n" + string.Join("\n", missing));
    }
}
