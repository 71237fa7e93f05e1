namespace Linli.Modules.Requests.Domain;

/// <summary>
/// One node of the three-level request classification (一级/二级/三级分类). Tickets are filed under leaves (level 3).
/// Retired categories take no new tickets but stay on the old ones.
/// </summary>
internal sealed class Category
{
    public const int LeafLevel = 3;

    public int Id { get; set; }
    public required string Name { get; set; }
    public int? ParentId { get; set; }
    public int Level { get; set; }
    public bool IsRetired { get; set; }

    /// <summary>"level1/level2/level3" of the shipped tree for seeded categories (kept through renames and moves); null for added ones.</summary>
    public string? SeedKey { get; set; }

    public bool IsLeaf => Level == LeafLevel;
}
