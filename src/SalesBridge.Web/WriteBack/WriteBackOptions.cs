using System.ComponentModel.DataAnnotations;

namespace SalesBridge.Web.WriteBack;

/// <summary>The write-back worker (configuration section <c>WriteBack</c>).</summary>
public sealed class WriteBackOptions
{
    public const string SectionName = "WriteBack";

    /// <summary>
    /// Run the worker in this process. Commits wake it at once (B1); the sweep below catches retries that come due and
    /// anything a lost wake-up left behind.
    /// </summary>
    public bool WorkerEnabled { get; set; } = true;

    /// <summary>How often the sweep looks for contracts with items due (retries after back-off, items held by a setting).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Items due for longer than this mean the contract's pass is not coming (no wake-up takes that long): the sweep
    /// replaces the job's waiting triggers. Longer than a long pass (10,000 items paced by the org's budget take minutes),
    /// though replacing them during one is harmless.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan StuckAfter { get; set; } = TimeSpan.FromMinutes(3);
}
