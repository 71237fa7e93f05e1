using Linli.Modules.ServiceDesk.Domain;
using Linli.Modules.ServiceDesk.Domain.Catalog;

namespace Linli.Tests.ServiceDesk.Catalog;

public sealed class ItemRulesTests
{
    private static readonly HashSet<string> Departments = ["civil_affairs"];

    private static ItemGuide Complete() => new()
    {
        Name = "高龄津贴申领", DepartmentCode = "civil_affairs", LegalBasis = "《老年人权益保障法》", Conditions = "年满80周岁", Fee = "不收费",
        LegalLimitDays = 20, PromisedLimitDays = 10, Modes = HandlingModes.Window | HandlingModes.Proxy,
        CommunitySteps = CommunitySteps.Receive | CommunitySteps.Accept,
        Materials = [new MaterialGuide { Name = "居民身份证", Original = true, Supplied = SuppliedProof.Identity }],
    };

    [Theory]
    [InlineData("JF00101001-210100", true)]
    [InlineData("GG00503002-210181", true)]
    [InlineData("jf00101001-210100", false)]
    [InlineData("AB00101001-210100", false)]
    [InlineData("JF0010100-210100", false)]
    [InlineData("JF00101001210100", false)]
    [InlineData("JF00000001-210100", false)]
    [InlineData("JF00101001-2101", false)]
    public void Codes_must_have_the_shape_of_the_national_standard(string code, bool wellFormed) => Assert.Equal(wellFormed, ItemCode.IsWellFormed(code));

    [Fact]
    public void A_complete_guide_publishes_without_errors() =>
        Assert.Empty(ItemRules.CheckPublication("JF00101001-210100", Complete(), Departments));

    [Fact]
    public void An_empty_draft_is_answered_with_every_missing_field_at_once()
    {
        var errors = ItemRules.CheckPublication("bad", new ItemGuide(), Departments);
        foreach (var field in new[] { "Code", "Name", "DepartmentCode", "LegalBasis", "Conditions", "Fee", "LegalLimitDays", "PromisedLimitDays", "Modes", "CommunitySteps", "Materials" })
            Assert.True(errors.ContainsKey(field), $"{field} missing from {string.Join(", ", errors.Keys)}");
    }

    [Fact]
    public void The_promised_limit_may_not_exceed_the_legal_limit()
    {
        var errors = ItemRules.CheckPublication("JF00101001-210100", Complete() with { LegalLimitDays = 10, PromisedLimitDays = 15 }, Departments);
        Assert.Equal(["PromisedLimitDays"], errors.Keys);
        Assert.Empty(ItemRules.CheckPublication("JF00101001-210100", Complete() with { LegalLimitDays = 10, PromisedLimitDays = 10 }, Departments));
    }

    [Fact]
    public void An_unknown_department_is_refused() =>
        Assert.Equal(["DepartmentCode"], ItemRules.CheckPublication("JF00101001-210100", Complete() with { DepartmentCode = "nowhere" }, Departments).Keys);

    [Fact]
    public void Community_steps_start_at_receiving_and_skip_nothing()
    {
        Assert.True(ItemRules.CheckPublication("JF00101001-210100", Complete() with { CommunitySteps = CommunitySteps.Accept }, Departments).ContainsKey("CommunitySteps"));
        Assert.True(ItemRules.CheckPublication("JF00101001-210100", Complete() with { CommunitySteps = CommunitySteps.Receive | CommunitySteps.Review }, Departments).ContainsKey("CommunitySteps"));
        Assert.Empty(ItemRules.CheckPublication("JF00101001-210100", Complete() with { CommunitySteps = CommunitySteps.Receive | CommunitySteps.Accept | CommunitySteps.Review }, Departments));
        // The department decides and the community hands the result over.
        Assert.Empty(ItemRules.CheckPublication("JF00101001-210100", Complete() with { CommunitySteps = CommunitySteps.Receive | CommunitySteps.Accept | CommunitySteps.HandOver }, Departments));
    }

    [Fact]
    public async Task Every_shipped_item_passes_the_publication_rules_and_the_file_holds_at_least_30()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "Linli.slnx"))) dir = dir.Parent;
        var items = await Linli.Modules.ServiceDesk.Seeding.EnsureServiceItems.ReadAsync(Path.Combine(dir.FullName, "data", "service-items.json"), CancellationToken.None);
        var departments = Linli.Modules.Organizations.Domain.Department.Catalogue.Select(d => d.Code).ToHashSet();
        Assert.True(items.Count >= 30, $"{items.Count} items");
        Assert.Equal(items.Count, items.Select(i => i.Code).Distinct().Count());
        foreach (var item in items)
            Assert.True(ItemRules.CheckPublication(item.Code, item, departments).Count == 0, item.Code);
    }

    [Fact]
    public void Each_material_is_checked_and_named_by_its_place()
    {
        var guide = Complete() with
        {
            Materials =
            [
                new MaterialGuide { Name = "居民身份证", Supplied = SuppliedProof.Identity },
                new MaterialGuide { Name = "诊断证明", Mandatory = false },
                new MaterialGuide { Name = "居民身份证" },
                new MaterialGuide { Name = "户口簿", Supplied = SuppliedProof.Identity, AcceptLater = true },
                new MaterialGuide { Name = "", Copies = 0 },
            ],
        };
        var errors = ItemRules.CheckPublication("JF00101001-210100", guide, Departments);
        Assert.Equal(
            new[] { "Materials[2].Condition", "Materials[3].Name", "Materials[4].AcceptLater", "Materials[4].Supplied", "Materials[5].Copies", "Materials[5].Name" }.Order(),
            errors.Keys.Order());
    }

    [Fact]
    public void A_saved_draft_keeps_texts_within_their_columns()
    {
        var errors = ItemRules.CheckDraft(new ItemGuide { Name = new string('长', 10_000_000), Materials = [new MaterialGuide { Condition = new string('x', 501) }] });
        Assert.Equal(new[] { "Materials[1].Condition", "Name" }, errors.Keys.Order());
        Assert.Empty(ItemRules.CheckDraft(new ItemGuide()));
    }
}
