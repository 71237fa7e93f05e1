using Linli.Modules.Residents.Contracts;

namespace Linli.Modules.ServiceDesk.Domain.Catalog;

/// <summary>
/// What an administrator writes into a draft (办事指南): the API's body, the edit page's form and the seed file all say it
/// this way. A draft may be incomplete; <see cref="ItemRules.CheckPublication"/> says what is missing before publication.
/// </summary>
internal record ItemGuide
{
    public string? Name { get; init; }
    public string? DepartmentCode { get; init; }
    public string? LegalBasis { get; init; }
    public string? Conditions { get; init; }
    public PopulationTagKind? RequiredTag { get; init; }
    public int? MinimumAge { get; init; }
    public string? Fee { get; init; }
    public int LegalLimitDays { get; init; }
    public int PromisedLimitDays { get; init; }
    public HandlingModes Modes { get; init; }
    public bool CityWide { get; init; }
    public CommunitySteps CommunitySteps { get; init; }
    public NonCountingSteps NonCountingSteps { get; init; }
    public IReadOnlyList<MaterialGuide>? Materials { get; init; }

    public static ItemGuide Of(ServiceItemVersion v) => new()
    {
        Name = v.Name, DepartmentCode = v.DepartmentCode, LegalBasis = v.LegalBasis, Conditions = v.Conditions, RequiredTag = v.RequiredTag,
        MinimumAge = v.MinimumAge, Fee = v.Fee, LegalLimitDays = v.LegalLimitDays, PromisedLimitDays = v.PromisedLimitDays, Modes = v.Modes,
        CityWide = v.CityWide, CommunitySteps = v.CommunitySteps, NonCountingSteps = v.NonCountingSteps,
        Materials = [.. v.Materials.OrderBy(m => m.Position).Select(MaterialGuide.Of)],
    };

    /// <summary>Writes the guide into a draft version, replacing its materials (numbered 1, 2, 3 … in the given order).</summary>
    public void WriteTo(ServiceItemVersion draft)
    {
        draft.Name = Name?.Trim() ?? "";
        draft.DepartmentCode = DepartmentCode?.Trim() ?? "";
        draft.LegalBasis = LegalBasis?.Trim() ?? "";
        draft.Conditions = Conditions?.Trim() ?? "";
        draft.RequiredTag = RequiredTag;
        draft.MinimumAge = MinimumAge;
        draft.Fee = Fee?.Trim() ?? "";
        draft.LegalLimitDays = LegalLimitDays;
        draft.PromisedLimitDays = PromisedLimitDays;
        draft.Modes = Modes;
        draft.CityWide = CityWide;
        draft.CommunitySteps = CommunitySteps;
        draft.NonCountingSteps = NonCountingSteps;
        draft.Materials.Clear();
        var position = 0;
        foreach (var m in Materials ?? [])
            draft.Materials.Add(new ItemMaterial
            {
                Position = ++position, Name = m.Name?.Trim() ?? "", Original = m.Original, Electronic = m.Electronic, Copies = m.Copies,
                Mandatory = m.Mandatory, Condition = string.IsNullOrWhiteSpace(m.Condition) ? null : m.Condition.Trim(), AcceptLater = m.AcceptLater, Supplied = m.Supplied,
            });
    }
}

/// <summary>A new item: its code (fixed for life) and its first draft.</summary>
internal sealed record NewItem : ItemGuide
{
    public string? Code { get; init; }
}

/// <summary>One material of a guide, as written (see <see cref="ItemMaterial"/>).</summary>
internal sealed record MaterialGuide
{
    public string? Name { get; init; }
    public bool Original { get; init; }
    public bool Electronic { get; init; }
    public int Copies { get; init; } = 1;
    public bool Mandatory { get; init; } = true;
    public string? Condition { get; init; }
    public bool AcceptLater { get; init; }
    public SuppliedProof Supplied { get; init; }

    public static MaterialGuide Of(ItemMaterial m) => new()
    {
        Name = m.Name, Original = m.Original, Electronic = m.Electronic, Copies = m.Copies, Mandatory = m.Mandatory, Condition = m.Condition,
        AcceptLater = m.AcceptLater, Supplied = m.Supplied,
    };
}
