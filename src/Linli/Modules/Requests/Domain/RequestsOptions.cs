using System.ComponentModel.DataAnnotations;

namespace Linli.Modules.Requests.Domain;

/// <summary>Bound from the "Requests" configuration section; checked at start-up (a value out of range stops the start, naming the key).</summary>
internal sealed class RequestsOptions
{
    public const string Section = "Requests";

    /// <summary>How many times a dissatisfied resident can send a ticket back to be handled again (重办).</summary>
    [Range(0, 10)]
    public int MaxReopens { get; set; } = 2;

    /// <summary>Office time a summoned department has to report in (报到), by urgency.</summary>
    [Range(1, 7 * 24 * 60)]
    public int ReportInMinutesUrgent { get; set; } = 30;
    [Range(1, 7 * 24 * 60)]
    public int ReportInMinutesNormal { get; set; } = 120;

    /// <summary>How far back intake looks for duplicates (0: none).</summary>
    [Range(0, 90)]
    public int DuplicateDays { get; set; } = 7;

    /// <summary>How often the deadline watcher looks for work (the notification sender: five times as often, at least once a second).</summary>
    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 10;

    /// <summary>
    /// How long an instance keeps the category tree and routing rules before reading them again: the bound within which
    /// another instance's change is seen (a change on this instance is seen at once).
    /// </summary>
    [Range(1, 3600)]
    public int CatalogRefreshSeconds { get; set; } = 30;

    /// <summary>Run the background jobs (off only for tools that must not touch the data).</summary>
    public bool RunJobs { get; set; } = true;

    /// <summary>
    /// The precision the classifier's per-class thresholds are chosen for on the held-out split: a ticket is categorised
    /// and dispatched automatically only when the model is at least this sure for its class (0.95: 19 in 20 right).
    /// </summary>
    [Range(0.5, 1.0)]
    public double ClassifierTargetPrecision { get; set; } = 0.95;

    /// <summary>Set category and dispatch automatically above the threshold (off: the model only suggests).</summary>
    public bool ClassifierAutoDispatch { get; set; } = true;

    /// <summary>How often the classifier is retrained on all confirmed examples (hours; 0: only by the verb or the admin page).</summary>
    [Range(0, 24 * 365)]
    public int ClassifierRetrainHours { get; set; } = 24 * 7;

    /// <summary>Confirmed tickets a first-level class needs before the model, not the keyword rules, picks its leaf.</summary>
    [Range(1, 1_000_000)]
    public int ClassifierLeafHistory { get; set; } = 200;

    /// <summary>How often the hotspot detection (未诉先办) runs over the last days (hours; 0: only from the hotspot page or API).</summary>
    [Range(0, 24 * 31)]
    public int HotspotDetectHours { get; set; } = 24;

    /// <summary>A cluster: at least this many tickets of one category within the radius (metres) and within the window (days).</summary>
    [Range(2, 1000)]
    public int HotspotClusterMinTickets { get; set; } = 5;
    [Range(10, 5000)]
    public int HotspotRadiusMeters { get; set; } = 300;
    [Range(1, 90)]
    public int HotspotClusterDays { get; set; } = 7;

    /// <summary>A repeat caller: at least this many tickets of one category from one caller within the days.</summary>
    [Range(2, 100)]
    public int HotspotRepeatMinTickets { get; set; } = 3;
    [Range(1, 365)]
    public int HotspotRepeatDays { get; set; } = 30;

    /// <summary>A rising category: a street's week at least this count and this factor over the mean of the baseline weeks before.</summary>
    [Range(1, 100_000)]
    public int HotspotRisingMinTickets { get; set; } = 10;
    [Range(1.0, 100.0)]
    public double HotspotRisingFactor { get; set; } = 2.0;
    [Range(1, 52)]
    public int HotspotBaselineWeeks { get; set; } = 8;

    public HotspotSettings Hotspots => new(HotspotRadiusMeters, HotspotClusterMinTickets, HotspotClusterDays, HotspotRepeatMinTickets, HotspotRepeatDays,
        HotspotRisingMinTickets, HotspotRisingFactor, HotspotBaselineWeeks);
}
