using Linli.Modules.Regions.ContractImplementations;
using Linli.Platform;
using Linli.Platform.Cli;
using Linli.Platform.Errors;
using Linli.Platform.Startup;

namespace Linli.Modules.Regions.Features.Import;

internal sealed class ImportRegionsVerb : ICommandVerb
{
    public string Name => "import-regions";
    public string Usage => "re-import division codes and district boundaries: import-regions [--regions file.csv] [--boundaries file.geojson]";

    public async Task<int> RunAsync(Verb verb, IServiceProvider services, CancellationToken cancellationToken)
    {
        await services.PrepareAsync(cancellationToken);
        using var scope = services.CreateScope();
        var importer = scope.ServiceProvider.GetRequiredService<RegionFileImporter>();
        var folder = ReferenceData.Folder(services.GetRequiredService<IConfiguration>());
        await using var regions = File.OpenRead(verb.Text("regions") ?? Path.Combine(folder, ReferenceData.RegionsFile));
        await using var boundaries = File.OpenRead(verb.Text("boundaries") ?? Path.Combine(folder, ReferenceData.BoundariesFile));
        try
        {
            var result = await importer.ImportAsync(regions, boundaries, cancellationToken);
            Console.WriteLine($"Imported: {result.Inserted} new, {result.Updated} changed, {result.Unchanged} unchanged, {result.Boundaries} boundaries.");
            scope.ServiceProvider.GetRequiredService<DistrictGeometry>().Invalidate();
            return 0;
        }
        catch (ValidationFailedException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
    }
}
