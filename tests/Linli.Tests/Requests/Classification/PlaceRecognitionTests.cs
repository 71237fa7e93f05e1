using Linli.Modules.Requests.Features.Classification;
using Linli.Modules.Requests.Features.PlaceRecognition;

namespace Linli.Tests.Requests.Classification;

/// <summary>Place names of the shipped region tree (data/shenyang-regions-2023.csv) found in sample messages, without a database.</summary>
public sealed class PlaceRecognitionTests
{
    private static readonly PlaceRecognizer Recognizer = new(ShippedData.Regions(TrainedOnce.Data));

    [Fact]
    public void A_full_street_name_is_found_with_its_span_and_proposed()
    {
        var text = "和平区浑河湾街道的路灯坏了三天";
        var found = Recognizer.Recognize(text);
        Assert.Contains(found.Matches, m => m.Text == "浑河湾街道" && text.Substring(m.Start, m.Length) == "浑河湾街道");
        Assert.Equal("210102001", found.Proposed?.Code);
    }

    [Fact]
    public void The_suffix_less_form_of_a_street_is_recognised()
    {
        var found = Recognizer.Recognize("浑河湾这边井盖丢了");
        Assert.Equal("浑河湾", Assert.Single(found.Matches).Text);
        Assert.Equal("210102001", found.Proposed?.Code);
    }

    [Fact]
    public void The_longest_name_wins_over_its_prefix()
    {
        // 长白街道 and 长白苑社区 share 长白: the community's full name is the match, not the street's stem.
        var found = Recognizer.Recognize("长白苑社区停水了");
        Assert.Equal("长白苑社区", Assert.Single(found.Matches).Text);
        Assert.Equal("210102021004", found.Proposed?.Code);
    }

    [Fact]
    public void A_community_name_shared_by_several_districts_is_settled_by_the_district_named()
    {
        var found = Recognizer.Recognize("大东区新华社区门口垃圾没人清");
        Assert.Equal("210104017007", found.Proposed?.Code);
    }

    [Fact]
    public void A_shared_village_name_alone_proposes_no_single_village()
    {
        var found = Recognizer.Recognize("三台子村的路坏了");
        Assert.True(Assert.Single(found.Matches).Regions.Count > 1);
        Assert.NotEqual(3, found.Proposed?.Depth);
    }

    [Fact]
    public void A_village_in_a_named_town_is_proposed_by_its_short_form()
    {
        var found = Recognizer.Recognize("新民屯镇三台子村委会附近有人倾倒垃圾");
        Assert.Equal("210115106201", found.Proposed?.Code);
    }

    [Fact]
    public void A_text_without_place_names_proposes_nothing()
    {
        var found = Recognizer.Recognize("楼上漏水，物业不管");
        Assert.Empty(found.Matches);
        Assert.Null(found.Proposed);
    }
}
