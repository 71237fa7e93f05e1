using Linli.Platform.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Linli.Modules.Facilities.Features.ImportFacilities;

internal sealed record ImportFacilitiesSummary(int Rows, int Imported);

internal static class ImportFacilitiesEndpoint
{
    /// <summary>"rows[3].floor_area": the row of the file (header = row 1) and the column.</summary>
    public static string Key(ImportProblem p) => p.Row > 0 ? $"rows[{p.Row}].{p.Field}" : p.Field;

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/import", async Task<Results<Ok<ImportFacilitiesSummary>, ValidationProblem>> (IFormFile file, FacilityImporter importer,
                IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            {
                await using var stream = file.OpenReadStream();
                var outcome = await importer.ImportAsync(stream, file.FileName, ct);
                if (outcome.Succeeded) return TypedResults.Ok(new ImportFacilitiesSummary(outcome.Rows, outcome.Imported));
                var problems = outcome.Problems.Select(p => p with { Message = p.Phrase.In(text) }).ToList();
                return TypedResults.ValidationProblem(
                    problems.GroupBy(Key).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()),
                    title: text["文件未导入：{0} 行有错误。", problems.Select(p => p.Row).Distinct().Count()],
                    extensions: new Dictionary<string, object?> { ["rowErrors"] = problems });
            })
            .RequireAuthorization(FacilitiesPermissions.Edit)
            // API clients send a bearer token; the auth cookie is SameSite=Lax, so a cross-site form cannot post here with it.
            .DisableAntiforgery()
            .WithName("ImportFacilities")
            .WithSummary("Imports facilities from a CSV or .xlsx file (multipart field \"file\"); all rows or none, with a report per row and column.")
            .ProducesValidationProblem();
}
