using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.ServiceDesk.Features.CaseFiles;

/// <summary>A file handed in for a case's material: served to whoever may see the case (staff in its scope, its applicant); otherwise 404.</summary>
internal static class CaseFileEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/{id:long}/materials/{materialId:long}/files/{name}", async Task<Results<FileStreamHttpResult, NotFound>> (long id, long materialId, string name,
                CaseMaterialFiles files, HttpContext http, CancellationToken ct) =>
            {
                if (await files.OpenAsync(id, materialId, name, ct) is not { } file) return TypedResults.NotFound();
                http.Response.Headers.CacheControl = "private, max-age=3600";
                // Served as the type its content has, as a download: a PDF is never rendered inside the site's origin.
                return TypedResults.File(file.Stream, file.ContentType, fileDownloadName: name,
                    entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{file.Sha256}\""));
            })
            .WithName("GetCaseMaterialFile")
            .WithSummary("One file handed in online for a material of a case the caller may see (PDF, JPEG or PNG, typed by its content when it was taken).");
}
