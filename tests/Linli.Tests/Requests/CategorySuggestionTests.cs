using System.Net;
using System.Text.RegularExpressions;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.SuggestCategory;
using Linli.Tests.Infrastructure;
using Linli.Tests.Requests.Pages;
using Linli.Tests.Ui;

namespace Linli.Tests.Requests;

/// <summary>Category suggestions for the words residents actually use, by the rule alone and on the intake page over HTTP.</summary>
[Collection("city2")]
public sealed partial class CategorySuggestionTests(CityFixture city)
{
    /// <summary>What residents wrote, and the category (last level) a clerk would file it under first.</summary>
    public static TheoryData<string, string> EverydayDescriptions => new()
    {
        { "小区井盖丢了", "城市公共设施" },
        { "我们社区的井盖丢失了，晚上很危险", "城市公共设施" },
        { "路灯不亮", "城市公共设施" },
        { "停水了", "自来水供应" },
        { "暖气不热", "冬季采暖" },
        { "路面有坑", "基础设施" },
        { "楼下饭店油烟扰民", "大气污染" },
        { "电梯坏了", "物业服务" },
    };

    private static readonly string Data = Path.Combine(AppContext.BaseDirectory, "data");

    /// <summary>The shipped tree, seeded as at startup (seed keys "level1/level2/level3"), without a database.</summary>
    private static CategoryTree ShippedTree()
    {
        var categories = new Dictionary<string, Category>(StringComparer.Ordinal);
        foreach (var parts in File.ReadLines(Path.Combine(Data, "request-categories-3level.csv")).Skip(1).Select(l => l.Split(',')).Where(p => p.Length == 3))
            for (var level = 1; level <= Category.LeafLevel; level++)
            {
                var key = string.Join('/', parts.Take(level));
                if (categories.ContainsKey(key)) continue;
                var parent = level == 1 ? null : categories[string.Join('/', parts.Take(level - 1))];
                categories[key] = new Category { Id = categories.Count + 1, Name = parts[level - 1].Trim(), Level = level, SeedKey = key, ParentId = parent?.Id };
            }
        return new CategoryTree(categories.Values);
    }

    private static EverydayWords ShippedWords() => EverydayWords.Parse(File.ReadLines(Path.Combine(Data, EverydayWords.File)));

    [Theory]
    [MemberData(nameof(EverydayDescriptions))]
    public void An_everyday_description_suggests_its_category_first(string description, string expected)
    {
        var suggestions = CategorySuggester.Suggest(ShippedTree(), ShippedWords(), description, 5);
        Assert.NotEmpty(suggestions);
        Assert.EndsWith("/ " + expected, suggestions[0].Path);
    }

    [Fact]
    public void A_manhole_cover_in_the_community_suggests_neither_community_building_nor_community_corrections()
    {
        var paths = CategorySuggester.Suggest(ShippedTree(), ShippedWords(), "我们社区的井盖丢失了", 5).Select(s => s.Path).ToList();
        Assert.DoesNotContain(paths, p => p.EndsWith("社区矫正", StringComparison.Ordinal));
        Assert.DoesNotContain(paths, p => p.EndsWith("社区建设", StringComparison.Ordinal));
    }

    [Fact]
    public void A_broken_lift_also_offers_the_lift_safety_supervisor_and_a_word_with_no_category_suggests_nothing_by_itself()
    {
        var tree = ShippedTree();
        var words = ShippedWords();
        var lift = CategorySuggester.Suggest(tree, words, "电梯坏了", 5).Select(s => s.Path).ToList();
        Assert.Equal(1, lift.FindIndex(p => p.EndsWith("特种设备管理", StringComparison.Ordinal)));
        Assert.Empty(CategorySuggester.Suggest(tree, words, "社区", 5));
    }

    [Fact]
    public void A_renamed_seeded_category_keeps_its_everyday_words()
    {
        var tree = ShippedTree();
        tree.All.Single(c => c.SeedKey == "城乡建设/城市建设和市政管理/冬季采暖").Name = "供热服务";
        Assert.EndsWith("/ 供热服务", CategorySuggester.Suggest(tree, ShippedWords(), "暖气不热", 5)[0].Path);
    }

    [Fact]
    public void Words_are_read_with_several_categories_in_order_and_place_words_apart()
    {
        var words = EverydayWords.Parse(["word,category", "电梯,a/b/c", "", "电梯,d/e/f", "社区,", "电梯,a/b/c"]);
        var (word, keys) = Assert.Single(words.Topics);
        Assert.Equal("电梯", word);
        Assert.Equal(["a/b/c", "d/e/f"], keys);
        Assert.Equal(["社区"], words.Places);
    }

    [Fact]
    public void Every_shipped_everyday_word_names_a_shipped_category()
    {
        var keys = ShippedTree().All.Where(c => c.IsLeaf).Select(c => c.SeedKey).ToHashSet();
        Assert.All(ShippedWords().Topics.SelectMany(t => t.CategoryKeys), key => Assert.Contains(key, keys));
    }

    [Theory]
    [MemberData(nameof(EverydayDescriptions))]
    public async Task The_intake_page_suggests_the_everyday_descriptions_category_first(string description, string expected)
    {
        var resident = await PageClient.SignedInAsync(city.App, "resident");
        var response = await resident.PostMultipartAsync("/requests/new", "/requests/new", [("Description", description), ("Step", "suggest")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = Suggested().Matches(await response.HtmlAsync()).Select(m => m.Groups[1].Value.Trim()).ToList();
        Assert.NotEmpty(paths);
        Assert.EndsWith("/ " + expected, paths[0]);
        Assert.DoesNotContain(paths, p => p.EndsWith("社区矫正", StringComparison.Ordinal));
    }

    [GeneratedRegex("name=\"SuggestedCategoryId\" value=\"\\d+\" /> ([^<]*)</label>")]
    private static partial Regex Suggested();
}
