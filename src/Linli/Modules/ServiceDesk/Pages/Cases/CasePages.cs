using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain;
using Linli.Platform.Errors;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Linli.Modules.ServiceDesk.Pages.Cases;

/// <summary>What the case pages share: the pickers' choices and how a refusal becomes a form message naming its field.</summary>
internal static class CasePages
{
    /// <summary>The modes a worker chooses at the window (网上办 is the applicant's own).</summary>
    public static readonly HandlingModes[] WindowModes = [HandlingModes.Window, HandlingModes.Proxy, HandlingModes.DoorToDoor, HandlingModes.Appointment, HandlingModes.SelfService];

    public static readonly HandlingModes[] AllModes = [.. WindowModes, HandlingModes.Online];

    /// <summary>The item picker of a list: every item that has a published version (code, name), by name.</summary>
    public static async Task<List<(string Code, string Name)>> ItemChoicesAsync(ServiceDeskDbContext db, CancellationToken ct) =>
        (await db.ServiceItems.AsNoTracking().Where(i => i.PublishedVersionId != null).OrderBy(i => i.Name).ThenBy(i => i.Code)
            .Select(i => new { i.Code, i.Name }).Take(1000).ToListAsync(ct)).Select(i => (i.Code, i.Name)).ToList();

    /// <summary>A refusal's messages on the form, under the field they name (the fields' names as the form spells them).</summary>
    public static void AddTo(this ValidationFailedException e, ModelStateDictionary state, IStringLocalizer text, Func<string, string>? field = null)
    {
        foreach (var (key, messages) in e.Localized(text))
        foreach (var message in messages)
            state.AddModelError(field?.Invoke(key) ?? key, message);
    }
}
