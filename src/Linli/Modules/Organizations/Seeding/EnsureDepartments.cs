using Linli.Modules.Organizations.Data;
using Linli.Modules.Organizations.Domain;
using Linli.Platform.Startup;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Organizations.Seeding;

/// <summary>
/// Reference data, not synthetic: at every start, each department of <see cref="Department.Catalogue"/> that is missing
/// is added. Existing rows are left alone, so a renamed or deactivated department stays as an administrator left it.
/// </summary>
internal sealed class EnsureDepartments(OrganizationsDbContext db) : IStartupTask
{
    public int Order => 12;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var existing = (await db.Departments.Select(d => d.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var missing = Department.Catalogue.Where(d => !existing.Contains(d.Code)).ToList();
        if (missing.Count == 0) return;
        db.Departments.AddRange(missing.Select(d => new Department { Code = d.Code, Name = d.Name, Kind = d.Kind, IsActive = d.IsActive }));
        await db.SaveChangesAsync(cancellationToken);
    }
}
