using System.Net;
using System.Text;
using CsvHelper;
using MiniExcelLibs;

namespace Linli.Tests.Infrastructure;

/// <summary>
/// An export as a reader sees it: the title row, the header row and the data rows (by header), read from the workbook with
/// MiniExcel or from the CSV with CsvHelper — never by searching the bytes.
/// </summary>
public sealed record ExportFile(string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyDictionary<string, string>> Rows)
{
    public static async Task<ExportFile> ReadAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"Expected an export, got {(int)response.StatusCode}: {Encoding.UTF8.GetString(bytes)}");
        return response.Content.Headers.ContentType?.MediaType == "text/csv" ? Csv(bytes) : Xlsx(bytes);
    }

    public static ExportFile Xlsx(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        var lines = stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>()
            .Select(row => row.Values.Select(v => v switch { null => "", double d => d.ToString(System.Globalization.CultureInfo.InvariantCulture), _ => v.ToString() ?? "" }).ToList())
            .ToList();
        return From(lines);
    }

    public static ExportFile Csv(byte[] bytes)
    {
        if (!bytes.AsSpan().StartsWith(Encoding.UTF8.GetPreamble())) throw new InvalidOperationException("A CSV export starts with the UTF-8 byte-order mark.");
        var lines = new List<List<string>>();
        using var csv = CsvReader.FromText(Encoding.UTF8.GetString(bytes[3..]), new CsvReaderOptions { HasHeader = false });
        while (csv.Read())
        {
            var fields = new List<string>();
            for (var i = 0; i < csv.FieldCount; i++) fields.Add(csv.GetString(i));
            lines.Add(fields);
        }
        return From(lines);
    }

    private static ExportFile From(List<List<string>> lines)
    {
        var headers = lines[1].TakeWhile(h => h.Length > 0).ToList();
        var rows = lines.Skip(2)
            .Select(l => (IReadOnlyDictionary<string, string>)headers.Select((h, i) => (h, v: i < l.Count ? l[i] : "")).ToDictionary(x => x.h, x => x.v))
            .ToList();
        return new ExportFile(lines[0][0], headers, rows);
    }
}
