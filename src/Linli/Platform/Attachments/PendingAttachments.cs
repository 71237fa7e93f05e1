using System.Security.Cryptography;
using System.Text;

namespace Linli.Platform.Attachments;

/// <summary>
/// Files uploaded with a form that was shown again (a validation error, a suggestion asked for) wait under
/// <see cref="Kind"/> until the form is filed, so that nobody has to choose them again (AttachmentStore.KeepPendingAsync).
/// Their owner id is <see cref="Id"/>: derived from the signed-in user and the form's own key, so nobody else can name
/// them; after <see cref="Lifetime"/> they are dropped (<see cref="PendingAttachmentsCleanupJob"/>). When the form is
/// given a new key (it was filed already and came back changed), they move to the new key's id (AttachmentStore.MovePendingAsync).
/// </summary>
internal static class PendingAttachments
{
    public const string Kind = "pending";

    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    /// <summary>The pending owner id of one user's one form (hex, never the key itself).</summary>
    public static string Id(string userId, string formKey) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(userId + "\n" + formKey)))[..40].ToLowerInvariant();
}
