using System.ComponentModel.DataAnnotations;

namespace Linli.Modules.ServiceDesk.Domain.Cases;

/// <summary>The cases' settings (section ServiceDesk:Cases).</summary>
internal sealed class CaseOptions
{
    public const string Section = "ServiceDesk:Cases";

    /// <summary>Working days from 收件 within which a one-time notice must be issued, or the case counts as accepted (行政许可法 art. 32).</summary>
    [Range(1, 30)]
    public int NoticeWindowDays { get; set; } = 5;

    /// <summary>Working days the owner has to follow a 差评 up.</summary>
    [Range(1, 30)]
    public int FollowUpDays { get; set; } = 5;

    /// <summary>A case is due soon when its due time is at most this many working days away.</summary>
    [Range(1, 30)]
    public int DueSoonDays { get; set; } = 2;

    /// <summary>The longest extension one may ask for, in working days.</summary>
    [Range(1, 60)]
    public int MaxExtensionDays { get; set; } = 20;

    /// <summary>How often the due-time watcher looks for work (the notification sender: five times as often).</summary>
    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 10;

    /// <summary>Run the background jobs (off only for tools that must not touch the data).</summary>
    public bool RunJobs { get; set; } = true;
}
