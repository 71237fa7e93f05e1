using Linli.Modules.Organizations.Contracts;
using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain.Catalog;
using Linli.Platform.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.ServiceDesk.Features.Catalog.EditItem;

/// <summary>
/// Administrators write drafts: a new item starts as draft 1; a draft is rewritten as a whole (the form and the API send
/// the full guide); writing to a published item opens draft n+1, and writing to a published version by its number is 409.
/// </summary>
internal static class EditItemEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/", async Task<Created<ItemVersionView>> (NewItem request, ServiceDeskDbContext db, IDepartmentDirectory departments, TimeProvider clock,
                CancellationToken ct) =>
            {
                var view = await CreateAsync(request, db, departments, clock, ct);
                return TypedResults.Created($"/api/service-items/{view.Code}/draft", view);
            })
            .WithName("CreateServiceItem")
            .WithSummary("Creates an item with its code and its first draft (administrators); the code must have the shape of GB/T 39554.1 and be new.");

        api.MapGet("/{code}/draft", async Task<Ok<ItemVersionView>> (string code, ServiceDeskDbContext db, IDepartmentDirectory departments, TimeProvider clock,
                CancellationToken ct) => TypedResults.Ok(await DraftAsync(code, db, departments, ct)))
            .WithName("GetServiceItemDraft")
            .WithSummary("The item's open draft, or (when none is open) the guide a new draft would start from (administrators).");

        api.MapPut("/{code}/draft", async Task<Ok<ItemVersionView>> (string code, ItemGuide request, ServiceDeskDbContext db, IDepartmentDirectory departments,
                TimeProvider clock, CancellationToken ct) => TypedResults.Ok(await SaveDraftAsync(code, null, request, db, departments, clock, ct)))
            .WithName("SaveServiceItemDraft")
            .WithSummary("Writes the whole guide into the item's draft, opening draft n+1 when the item has none (administrators); a published version is never changed.");

        api.MapPut("/{code}/versions/{number:int}", async Task<Ok<ItemVersionView>> (string code, int number, ItemGuide request, ServiceDeskDbContext db,
                IDepartmentDirectory departments, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await SaveDraftAsync(code, number, request, db, departments, clock, ct)))
            .WithName("SaveServiceItemVersion")
            .WithSummary("Writes the guide into version {number} if it is still a draft; a published or superseded version is frozen (409).");
    }

    public static async Task<ItemVersionView> CreateAsync(NewItem request, ServiceDeskDbContext db, IDepartmentDirectory departments, TimeProvider clock, CancellationToken ct)
    {
        var code = request.Code?.Trim() ?? "";
        var errors = ItemRules.CheckDraft(request);
        if (!ItemCode.IsWellFormed(code))
            errors["Code"] = [new Phrase("事项编码应为两位类型字母、五位主项编码、三位子项编码，再加连字符和六位实施区划代码，如 JF00101001-210100。")];
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        if (await db.ServiceItems.AnyAsync(i => i.Code == code, ct)) throw new ConflictException(new Phrase("事项编码 {0} 已存在。", code));
        var item = ItemVersions.Create(code, request, clock.GetUtcNow().UtcDateTime);
        db.ServiceItems.Add(item);
        await SaveAsync(db, ct);
        return await CatalogItems.ViewAsync(db, departments, item, item.Draft!, ct);
    }

    public static async Task<ItemVersionView> DraftAsync(string code, ServiceDeskDbContext db, IDepartmentDirectory departments, CancellationToken ct)
    {
        var item = await CatalogItems.LoadAsync(db, code, ct);
        var version = item.Draft ?? item.Published ?? item.Versions.OrderByDescending(v => v.Number).First();
        var view = await CatalogItems.ViewAsync(db, departments, item, version, ct);
        db.ChangeTracker.Clear();
        return view;
    }

    /// <param name="number">The version the caller means to write (409 unless it is the draft); null for "the draft, opened if needed".</param>
    public static async Task<ItemVersionView> SaveDraftAsync(string code, int? number, ItemGuide guide, ServiceDeskDbContext db, IDepartmentDirectory departments,
        TimeProvider clock, CancellationToken ct)
    {
        var item = await CatalogItems.LoadAsync(db, code, ct);
        var draft = number is { } n ? ItemVersions.Editable(item, n) : ItemVersions.DraftFor(item, clock.GetUtcNow().UtcDateTime);
        var errors = ItemRules.CheckDraft(guide);
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        guide.WriteTo(draft);
        if (item.PublishedVersionId is null) item.Name = draft.Name;
        await SaveAsync(db, ct);
        return await CatalogItems.ViewAsync(db, departments, item, draft, ct);
    }

    /// <summary>Saves, answering a lost race (another administrator created the same code or opened a draft at the same moment) with 409.</summary>
    public static async Task SaveAsync(ServiceDeskDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new ConflictException(new Phrase("事项刚被他人修改，请刷新后重试。"));
        }
    }
}
