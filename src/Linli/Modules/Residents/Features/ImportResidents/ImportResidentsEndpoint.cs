using Linli.Modules.Residents.Contracts;
using Linli.Platform.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Linli.Modules.Residents.Features.ImportResidents;

internal sealed record ImportSummary(int Households, int Residents, int Tags);

internal static class ImportResidentsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/import", async Task<Results<Ok<ImportSummary>, ValidationProblem>> (IFormFile file, ResidentImporter importer,
                IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            {
                await using var stream = file.OpenReadStream();
                var result = await importer.ImportAsync(stream, file.FileName, ct);
                if (result.Succeeded) return TypedResults.Ok(new ImportSummary(result.Households, result.Residents, result.Tags));
                var errors = result.Errors.Select(e => e with { Message = e.Phrase.In(text) }).ToList();
                return TypedResults.ValidationProblem(
                    errors.GroupBy(e => ErrorKey(e)).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                    title: text["文件未导入：{0} 行有错误。", errors.Select(e => e.Row).Distinct().Count()],
                    extensions: new Dictionary<string, object?> { ["rowErrors"] = errors });
            })
            .RequireAuthorization(ResidentsPermissions.ImportPeople)
            // API clients send a bearer token; the auth cookie is SameSite=Lax, so a cross-site form cannot post here with it.
            .DisableAntiforgery()
            .WithName("ImportResidents")
            .WithSummary("Imports households and residents from a CSV or .xlsx file (multipart field \"file\"); all rows or none, with a report per row.")
            .ProducesValidationProblem();

    /// <summary>"rows[3].id_number": the row of the file (header = row 1) and the column.</summary>
    public static string ErrorKey(RowError e) => e.Row > 0 ? $"rows[{e.Row}].{e.Field}" : e.Field;
}
