using Linli.Modules.Requests.Domain;
using Linli.Platform.Errors;
using Linli.Platform.Idempotency;

namespace Linli.Modules.Requests.Features.FileTicket;

/// <summary>An intake made under an idempotency key, and how its caller answers once the ticket is filed.</summary>
internal sealed record IdempotentIntake(IdempotencyKey Key, Func<FiledTicket, IdempotentAnswer> Answer)
{
    /// <summary>Keys are the caller's own: a signed-in user's.</summary>
    public static string CallerOf(Actor actor) => "user:" + (actor.UserId ?? throw new ForbiddenException("带幂等键的提交需要先登录。"));
}
