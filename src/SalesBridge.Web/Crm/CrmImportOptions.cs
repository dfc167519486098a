using System.ComponentModel.DataAnnotations;

namespace SalesBridge.Web.Crm;

/// <summary>The import schedule (configuration section <c>CrmImport</c>); each contract's interval is a CRM setting.</summary>
public sealed class CrmImportOptions
{
    public const string SectionName = "CrmImport";

    /// <summary>
    /// Start runs on schedule. On by default; tests switch it off so that no run starts by itself in the middle of a
    /// test, and call <see cref="ImportSchedule.RunOnceAsync"/> themselves.
    /// </summary>
    public bool ScheduleEnabled { get; set; } = true;

    /// <summary>
    /// How often the schedule looks for contracts that are due. Short against the shortest interval (5 minutes), so a run
    /// starts within this much of its time.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:30:00")]
    public TimeSpan ScheduleTickInterval { get; set; } = TimeSpan.FromSeconds(30);
}
