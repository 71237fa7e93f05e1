using System.Reflection;
using Linli.Platform.Audit;

namespace Linli.Tests.Audit;

/// <summary>
/// The check that every audit code has a Chinese label reads <see cref="AuditActions.All"/> and <see cref="AuditSubjects.All"/>,
/// lists written by hand beside the constants: a constant left out of its list (as the service catalog's subjects and
/// the password change were) escapes that check, and the audit page showed "password-changed" as it is stored.
/// </summary>
public sealed class AuditListsTests
{
    private static IEnumerable<string> Constants(Type type) => type.GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!);

    [Fact]
    public void Every_audit_action_and_subject_constant_is_in_its_list_once()
    {
        Assert.Equal(Constants(typeof(AuditActions)).Order(StringComparer.Ordinal), AuditActions.All.Order(StringComparer.Ordinal));
        Assert.Equal(Constants(typeof(AuditSubjects)).Order(StringComparer.Ordinal), AuditSubjects.All.Order(StringComparer.Ordinal));
    }
}
