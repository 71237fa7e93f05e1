namespace Linli.Modules.Organizations.Contracts;

/// <summary>What kind of body a department is: a government office or a public utility that answers dispatched requests.</summary>
public enum DepartmentKind { Government = 1, PublicUtility = 2 }

/// <summary>A functional department (职能部门) requests are dispatched to; <see cref="Code"/> is what staff scopes name.</summary>
public sealed record DepartmentInfo(string Code, string Name, DepartmentKind Kind, bool IsActive);

/// <summary>Reads the department catalogue, for routing, whistles and scopes in other modules.</summary>
public interface IDepartmentDirectory
{
    /// <summary>Departments ordered by code; inactive ones only when asked for.</summary>
    Task<IReadOnlyList<DepartmentInfo>> ListAsync(bool includeInactive = false, CancellationToken cancellationToken = default);

    Task<DepartmentInfo?> FindAsync(string code, CancellationToken cancellationToken = default);
}

/// <summary>The plan's four kinds of community social organization (社区社会组织).</summary>
public enum SocialOrganizationKind
{
    /// <summary>生活服务类</summary>
    LifeService = 1,
    /// <summary>公益慈善类</summary>
    Charity = 2,
    /// <summary>救助帮扶类</summary>
    Assistance = 3,
    /// <summary>居民互助类</summary>
    MutualAid = 4,
}
