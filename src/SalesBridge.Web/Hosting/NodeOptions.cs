namespace SalesBridge.Web.Hosting;

/// <summary>
/// What this process does in a deployment (configuration section <c>Node</c>, <c>salesbridge serve --role</c>): everything
/// (the default, one machine), only the web UI and REST API, or only the scheduled work (import runs, write-back, health
/// checks). Web and worker nodes share the PostgreSQL database and its clustered scheduler.
/// </summary>
public sealed class NodeOptions
{
    public const string SectionName = "Node";

    public NodeRole Role { get; set; } = NodeRole.All;

    /// <summary>
    /// Shown on the import runs and write-back passes this process does (cut to 200 characters); by default the machine's
    /// name and process id.
    /// </summary>
    public string? Name { get; set; }

    public bool ServesWeb => Role is NodeRole.All or NodeRole.Web;
    public bool RunsJobs => Role is NodeRole.All or NodeRole.Worker;
}

public enum NodeRole
{
    All,
    Web,
    Worker,
}
