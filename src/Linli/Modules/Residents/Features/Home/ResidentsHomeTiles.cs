using System.Security.Claims;
using Linli.Modules.Residents.Contracts;
using Linli.Platform.Auth;
using Linli.Platform.Localization;
using Linli.Platform.Ui;
using Microsoft.Extensions.Localization;

namespace Linli.Modules.Residents.Features.Home;

/// <summary>The population pool on the home page, for the roles that may read or import it.</summary>
internal sealed class ResidentsHomeTiles(IStringLocalizer<SharedResource> text, PermissionCatalog permissions) : IHomeTiles
{
    public Task<IReadOnlyList<HomeTile>> ForAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        bool May(string permission) => permissions.Allows(user, permission);
        var tiles = new List<HomeTile>();
        if (May(ResidentsPermissions.ReadPeople))
            tiles.Add(new HomeTile("residents", text["居民查询"], text["本辖区的户籍与常住人口信息"], "/residents", 40));
        if (May(ResidentsPermissions.ImportPeople))
            tiles.Add(new HomeTile("residents-import", text["导入居民"], text["从表格批量导入居民信息"], "/residents/import", 41));
        return Task.FromResult<IReadOnlyList<HomeTile>>(tiles);
    }
}
