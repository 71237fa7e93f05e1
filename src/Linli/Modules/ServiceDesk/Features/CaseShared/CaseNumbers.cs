using Linli.Modules.ServiceDesk.Domain.Cases;
using Linli.Platform.Numbering;

namespace Linli.Modules.ServiceDesk.Features.CaseShared;

/// <summary>Case numbers (20261201000001): the platform's daily numbers over the module's counter table.</summary>
internal sealed class CaseNumbers() : DailyNumbers<CaseNumberCounter>("");
