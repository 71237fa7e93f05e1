using System.Text;
using Linli.Platform.InputHygiene;

namespace Linli.Tests.Platform;

/// <summary>The rules of what text input may hold, without a server.</summary>
public sealed class InputTextRulesTests
{
    [Theory]
    [InlineData("路灯不亮", false, -1)]
    [InlineData("a\u0000b", true, 1)]
    [InlineData("a\u0001", true, 1)]
    [InlineData("\u001f", true, 0)]
    [InlineData("第一行\r\n\t第二行", true, -1)]
    [InlineData("第一行\r\n第二行", false, 3)]
    [InlineData("a\tb", false, 1)]
    [InlineData("\u007f\u0085\u00a0", false, -1)] // DEL and C1 are not C0: left to each field's own rules
    [InlineData("\ud83d\ude00", false, -1)] // a surrogate pair (😀)
    public void Control_characters_are_found(string text, bool freeText, int index) =>
        Assert.Equal(index, ForbiddenCharacters.IndexOf(text, freeText));

    // Built here: a lone surrogate does not survive as theory data.
    [Fact]
    public void A_lone_surrogate_is_found()
    {
        Assert.Equal(1, ForbiddenCharacters.IndexOf("x" + (char)0xD800, freeText: true));
        Assert.Equal(0, ForbiddenCharacters.IndexOf((char)0xDE00 + "x", freeText: true));
        Assert.Equal(2, ForbiddenCharacters.IndexOf("\ud83d\ude00" + (char)0xD83D, freeText: true));
    }

    [Theory]
    [InlineData("{\"description\":\"a\\u0000\"}", "Description", "ForbiddenCharacter")]
    [InlineData("{\"household\":{\"address\":\"\\u0001\"}}", "Household.Address", "ForbiddenCharacter")]
    [InlineData("{\"tags\":[{\"tag\":\"Elderly\"},{\"note\":\"\\ud800\"}]}", "Tags[1].Note", "InvalidUtf8")]
    [InlineData("{\"departmentCodes\":[\"water\",\"\\u0000\"]}", "DepartmentCodes[1]", "ForbiddenCharacter")]
    [InlineData("[\"a\",\"b\\u0002\"]", "[1]", "ForbiddenCharacter")]
    [InlineData("{\"a\\u0000\":1}", null, "ForbiddenCharacter")]
    [InlineData("{\"description\":\"x\"", null, "Syntax")]
    [InlineData("{\"description\":\"a\u0000\"}", null, "Syntax")] // unescaped: not JSON at all
    public void A_json_body_is_checked_string_by_string_and_the_member_named(string json, string? path, string kind)
    {
        var problem = JsonTextCheck.Find(Encoding.UTF8.GetBytes(json));
        Assert.NotNull(problem);
        Assert.Equal(Enum.Parse<JsonTextProblemKind>(kind), problem.Kind);
        Assert.Equal(path, problem.Path);
    }

    [Theory]
    [InlineData("{\"description\":\"第一行\\r\\n\\t第二行\",\"tags\":[null,1,true,{\"x\":[]}]}")]
    [InlineData("\ufeff{\"a\":\"b\"}")]
    [InlineData("\"\\ud83d\\ude00\"")]
    [InlineData("[]")]
    public void Well_formed_json_passes(string json) => Assert.Null(JsonTextCheck.Find(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void Invalid_utf8_inside_a_string_is_named()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"name\":\"ab\"}");
        bytes[10] = 0xFF;
        var problem = JsonTextCheck.Find(bytes);
        Assert.Equal(new JsonTextProblem("Name", JsonTextProblemKind.InvalidUtf8), problem);
    }

    [Fact]
    public void Nesting_deeper_than_the_binder_reads_is_a_syntax_problem() =>
        Assert.Equal(JsonTextProblemKind.Syntax, JsonTextCheck.Find(Encoding.UTF8.GetBytes(new string('[', 1000) + new string(']', 1000)))?.Kind);
}
