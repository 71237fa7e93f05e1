using System.Text.RegularExpressions;

namespace Linli.Modules.ServiceDesk.Domain.Catalog;

/// <summary>
/// An item code in the shape of GB/T 39554.1-2020 (全国一体化政务服务平台 政务服务事项基本目录及实施清单 第1部分：编码要求):
/// the basic code — two letters for the kind of power (<see cref="Kinds"/>), five digits for the main item and three for
/// the sub-item — then a hyphen and the six-digit code of the region that implements it, e.g. <c>JF00101001-210100</c>.
/// </summary>
internal static partial class ItemCode
{
    /// <summary>The kinds of item the standard names, by their letters.</summary>
    public static readonly IReadOnlyDictionary<string, string> Kinds = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["XK"] = "行政许可", ["CF"] = "行政处罚", ["QZ"] = "行政强制", ["ZS"] = "行政征收", ["JF"] = "行政给付", ["JC"] = "行政检查",
        ["QR"] = "行政确认", ["JL"] = "行政奖励", ["CJ"] = "行政裁决", ["QT"] = "其他行政权力", ["GG"] = "公共服务",
    };

    public const int MaxLength = 64;

    [GeneratedRegex(@"^(?<kind>[A-Z]{2})(?<main>\d{5})(?<sub>\d{3})-(?<region>\d{6})$")]
    private static partial Regex Shape();

    public static bool IsWellFormed(string? code) =>
        code is not null && Shape().Match(code) is { Success: true } m && Kinds.ContainsKey(m.Groups["kind"].Value) && m.Groups["main"].Value != "00000";

    /// <summary>The kind's name (行政给付 …) of a well-formed code.</summary>
    public static string KindOf(string code) => Kinds.GetValueOrDefault(code.Length >= 2 ? code[..2] : "", "");
}
