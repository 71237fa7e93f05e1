namespace Linli.Modules.Workforce.Domain;

/// <summary>
/// A training a worker took part in (社区工作者培训): the day it ended and how many days it took. The plan asks for at least
/// 3 days a year per community worker and every committee member trained each year (data/indicators-2021-2025.json, 13, 14, S9).
/// </summary>
internal sealed class WorkerTraining
{
    public int Id { get; set; }
    public int WorkerId { get; set; }
    /// <summary>
    /// The community the worker served when trained: the region code that scopes the record (and places it beside its
    /// worker in a sharded deployment, docs/scale-out.md).
    /// </summary>
    public required string CommunityCode { get; set; }
    /// <summary>The day the training ended; it counts for that day's year.</summary>
    public DateOnly TrainedOn { get; set; }
    public int Days { get; set; }
    public bool IsSynthetic { get; set; }
}
