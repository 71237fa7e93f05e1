using Linli.Platform.Auth;

namespace Linli.Modules.Accounts;

internal static class AccountsPermissions
{
    public const string ManageAccounts = "accounts.manage";

    public static readonly Permission[] Declared = [new(ManageAccounts, [Roles.Administrator])];
}
