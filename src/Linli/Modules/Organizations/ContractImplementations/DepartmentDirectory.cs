using Linli.Modules.Organizations.Contracts;
using Linli.Modules.Organizations.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Organizations.ContractImplementations;

internal sealed class DepartmentDirectory(OrganizationsDbContext db) : IDepartmentDirectory
{
    public async Task<IReadOnlyList<DepartmentInfo>> ListAsync(bool includeInactive = false, CancellationToken cancellationToken = default) =>
        await db.Departments.AsNoTracking()
            .Where(d => includeInactive || d.IsActive)
            .OrderBy(d => d.Code)
            .Select(d => new DepartmentInfo(d.Code, d.Name, d.Kind, d.IsActive))
            .ToListAsync(cancellationToken);

    public async Task<DepartmentInfo?> FindAsync(string code, CancellationToken cancellationToken = default) =>
        (await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Code == code, cancellationToken))?.ToInfo();
}
