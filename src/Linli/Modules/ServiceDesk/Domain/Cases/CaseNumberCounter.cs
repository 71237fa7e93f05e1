using Linli.Platform.Numbering;

namespace Linli.Modules.ServiceDesk.Domain.Cases;

/// <summary>Per-day counter behind case numbers (Platform/Numbering).</summary>
internal sealed class CaseNumberCounter : DailyNumberCounter;
