using System.ComponentModel.DataAnnotations;

namespace SalesBridge.Web.Hosting;

/// <summary>
/// Quartz.NET (configuration section <c>Scheduler</c>). Alone, a process keeps its jobs in memory; with
/// <see cref="Clustered"/> every node keeps them in the PostgreSQL database, so a contract's import run or write-back pass
/// runs on one node at a time across the cluster and a dead node's triggers are taken over by the others.
/// </summary>
public sealed class SchedulerOptions
{
    public const string SectionName = "Scheduler";

    /// <summary>Quartz's clustered job store in the database (PostgreSQL only). Required for web and worker roles.</summary>
    public bool Clustered { get; set; }

    /// <summary>The cluster's name: every node of one deployment uses the same (Quartz's scheduler name).</summary>
    [Required, StringLength(80)]
    public string InstanceName { get; set; } = "salesbridge";

    /// <summary>How often a node tells the others it is alive; a node silent for longer than this (plus a margin) is taken over.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan CheckinInterval { get; set; } = TimeSpan.FromSeconds(7.5);

    /// <summary>How late a trigger may fire before it counts as misfired; also the margin after which a silent node's work moves.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Jobs one node runs at once (import runs and write-back passes of different contracts).</summary>
    [Range(1, 200)]
    public int MaxConcurrency { get; set; } = 10;
}
