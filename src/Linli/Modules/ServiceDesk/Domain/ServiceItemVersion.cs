using Linli.Modules.Residents.Contracts;

namespace Linli.Modules.ServiceDesk.Domain;

/// <summary>One version of an item's guide (办事指南): everything a window and a resident need to know about it.</summary>
internal sealed class ServiceItemVersion
{
    public long Id { get; set; }
    public long ItemId { get; set; }

    /// <summary>1, 2, 3 … within the item.</summary>
    public int Number { get; set; }

    public ItemVersionState State { get; set; }

    public required string Name { get; set; }

    /// <summary>The deciding department's code (as Organizations knows it).</summary>
    public required string DepartmentCode { get; set; }

    /// <summary>设定依据: the laws and rules the item rests on.</summary>
    public string LegalBasis { get; set; } = "";

    /// <summary>申请条件, in words.</summary>
    public string Conditions { get; set; } = "";

    /// <summary>A population tag the applicant must carry (e.g. 高龄 for the elderly allowance), if any.</summary>
    public PopulationTagKind? RequiredTag { get; set; }

    /// <summary>The applicant's minimum age in years, if any.</summary>
    public int? MinimumAge { get; set; }

    /// <summary>收费标准, in words ("不收费" when free).</summary>
    public string Fee { get; set; } = "不收费";

    /// <summary>法定办结时限, in working days.</summary>
    public int LegalLimitDays { get; set; }

    /// <summary>承诺办结时限, in working days (no longer than the legal limit).</summary>
    public int PromisedLimitDays { get; set; }

    public HandlingModes Modes { get; set; }

    /// <summary>全市通办: any community of the city may accept it.</summary>
    public bool CityWide { get; set; }

    public CommunitySteps CommunitySteps { get; set; }

    public NonCountingSteps NonCountingSteps { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? PublishedAt { get; set; }
    public string? PublishedBy { get; set; }

    public List<ItemMaterial> Materials { get; set; } = [];
}
