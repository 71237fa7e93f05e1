using System.Globalization;
using System.Text;

namespace Linli.Modules.Residents.Features.ImportResidents;

/// <summary>
/// The import's template to download: the Chinese header row the importer reads (<see cref="ResidentFile.Aliases"/>) and
/// one example row of synthetic data in the caller's community — a made-up person whose ID number has a valid check digit,
/// so that the template imports as it is (once; a second import of the same example is refused as a duplicate).
/// </summary>
internal static class ResidentTemplate
{
    public static byte[] Csv(string communityCode)
    {
        var header = ResidentFile.Columns.Select(c => ResidentFile.Aliases.First(a => a.Value == c).Key);
        var example = new Dictionary<string, string>
        {
            [ResidentFile.HouseholdRef] = "示例户1", [ResidentFile.CommunityCode] = communityCode, [ResidentFile.Address] = "示例路1号",
            [ResidentFile.Building] = "1", [ResidentFile.Unit] = "1", [ResidentFile.Room] = "101", [ResidentFile.Name] = "示例居民",
            [ResidentFile.IdNumber] = ExampleIdNumber(communityCode), [ResidentFile.Gender] = "男", [ResidentFile.Relation] = "户主",
        };
        var text = new StringBuilder().AppendJoin(',', header).Append("\r\n")
            .AppendJoin(',', ResidentFile.Columns.Select(c => example.GetValueOrDefault(c, ""))).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>A synthetic ID number (GB 11643: area, 1980-01-01, a sequence, the check character) — nobody's.</summary>
    public static string ExampleIdNumber(string communityCode)
    {
        var area = communityCode.Length >= 6 ? communityCode[..6] : "210102";
        var body = area + "19800101" + (Random.Shared.Next(100, 999) | 1).ToString("D3", CultureInfo.InvariantCulture); // odd: male
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }
}
