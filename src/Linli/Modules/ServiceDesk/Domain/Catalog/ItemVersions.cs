using Linli.Platform.Errors;

namespace Linli.Modules.ServiceDesk.Domain.Catalog;

/// <summary>
/// The life of an item's versions, without a database (the item is loaded with all its versions and materials): one draft
/// at a time is edited; publishing freezes it and supersedes the version it replaces, whose row stays as it was for the
/// cases received under it; editing a published item opens a new draft numbered after the last version.
/// </summary>
internal static class ItemVersions
{
    public static ServiceItem Create(string code, ItemGuide guide, DateTime now)
    {
        var item = new ServiceItem { Code = code, Name = guide.Name?.Trim() ?? "", CreatedAt = now };
        var draft = NewVersion(item, now);
        guide.WriteTo(draft);
        return item;
    }

    /// <summary>The draft to write into: the open one, or a new one (n+1) so that no published version is ever changed.</summary>
    public static ServiceItemVersion DraftFor(ServiceItem item, DateTime now)
    {
        RefuseRetired(item);
        return item.Draft ?? NewVersion(item, now);
    }

    /// <summary>Writing into a given version number: only a draft may be edited; a published or superseded one is frozen (409).</summary>
    public static ServiceItemVersion Editable(ServiceItem item, int number)
    {
        RefuseRetired(item);
        var version = item.Versions.SingleOrDefault(v => v.Number == number) ?? throw new NotFoundException("该版本不存在。");
        if (version.State != ItemVersionState.Draft)
            throw new ConflictException(new Phrase("第 {0} 版已发布，不能再修改；请编辑新的草稿。", number),
                new Dictionary<string, object?> { ["state"] = version.State.ToString(), ["version"] = number });
        return version;
    }

    /// <summary>
    /// Publishes the draft when <see cref="ItemRules.CheckPublication"/> finds nothing wrong (else 400 naming every field);
    /// the version it replaces becomes superseded. The draft must have been saved (it has an id).
    /// </summary>
    public static ServiceItemVersion Publish(ServiceItem item, IReadOnlySet<string> departments, DateTime now, string by)
    {
        RefuseRetired(item);
        var draft = item.Draft ?? throw new ConflictException(new Phrase("没有待发布的草稿。"), new Dictionary<string, object?> { ["publishedVersion"] = item.Published?.Number });
        var errors = ItemRules.CheckPublication(item.Code, ItemGuide.Of(draft), departments);
        if (errors.Count > 0) throw new ValidationFailedException(errors, "草稿还不能发布，请按提示修改。");
        if (item.Published is { } previous) previous.State = ItemVersionState.Superseded;
        draft.State = ItemVersionState.Published;
        draft.PublishedAt = now;
        draft.PublishedBy = by;
        item.Name = draft.Name;
        item.PublishedVersionId = draft.Id;
        return draft;
    }

    /// <summary>Retires the item: no new cases; its published version is superseded, its cases run on under their versions.</summary>
    public static void Retire(ServiceItem item)
    {
        RefuseRetired(item);
        if (item.Published is { } published) published.State = ItemVersionState.Superseded;
        item.PublishedVersionId = null;
        item.Retired = true;
    }

    private static ServiceItemVersion NewVersion(ServiceItem item, DateTime now)
    {
        var source = item.Published ?? item.Versions.OrderByDescending(v => v.Number).FirstOrDefault();
        var version = new ServiceItemVersion
        {
            Number = item.Versions.Count == 0 ? 1 : item.Versions.Max(v => v.Number) + 1,
            State = ItemVersionState.Draft, Name = item.Name, DepartmentCode = "", CreatedAt = now,
        };
        source.CopyGuideTo(version);
        item.Versions.Add(version);
        return version;
    }

    private static void CopyGuideTo(this ServiceItemVersion? source, ServiceItemVersion target)
    {
        if (source is not null) ItemGuide.Of(source).WriteTo(target);
    }

    private static void RefuseRetired(ServiceItem item)
    {
        if (item.Retired) throw new ConflictException(new Phrase("事项已停用，不能再修改或发布。"), new Dictionary<string, object?> { ["retired"] = true });
    }
}
