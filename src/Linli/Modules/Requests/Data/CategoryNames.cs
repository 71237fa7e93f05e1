using Microsoft.VisualBasic.FileIO;

namespace Linli.Modules.Requests.Data;

/// <summary>
/// Translations of the shipped category names (data/request-category-names-en.csv: name, name_en; see data/SOURCES.md),
/// for the English interface. Names repeat across the tree ("其他"), so they are translated by name, not by node.
/// </summary>
internal static class CategoryNames
{
    public const string EnglishFile = "request-category-names-en.csv";

    public static IReadOnlyDictionary<string, string> Parse(string path)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        using var parser = new TextFieldParser(path, System.Text.Encoding.UTF8) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        parser.ReadLine();
        while (!parser.EndOfData)
            if (parser.ReadFields() is [var name, var english, ..] && name.Length > 0 && english.Length > 0) names[name.Trim()] = english.Trim();
        return names;
    }
}
