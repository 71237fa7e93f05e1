namespace Linli.Modules.ServiceDesk.Domain;

/// <summary>One material an item's version asks for (申请材料).</summary>
internal sealed class ItemMaterial
{
    public long Id { get; set; }
    public long VersionId { get; set; }

    /// <summary>Its place in the list (1, 2, 3 …), as the guide and the one-time notice number them.</summary>
    public int Position { get; set; }

    public required string Name { get; set; }

    /// <summary>原件 (true) or 复印件 (false).</summary>
    public bool Original { get; set; }

    /// <summary>电子 (true) or 纸质 (false).</summary>
    public bool Electronic { get; set; }

    public int Copies { get; set; } = 1;

    /// <summary>必要 (true) or conditional (false: needed only under <see cref="Condition"/>).</summary>
    public bool Mandatory { get; set; } = true;

    /// <summary>When a conditional material is needed, in words.</summary>
    public string? Condition { get; set; }

    /// <summary>容缺受理: may be brought later under a written commitment.</summary>
    public bool AcceptLater { get; set; }

    /// <summary>免提交: what the platform supplies itself instead of asking the resident.</summary>
    public SuppliedProof Supplied { get; set; }
}
