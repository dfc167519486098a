namespace SalesBridge.Observability;

/// <summary>
/// The name of the process doing scheduled work, stored on every import run and write-back pass so that admins and
/// operators can tell which node of a cluster did it (and how much each did). Configured as <c>Node:Name</c>; by default
/// the machine's name and the process id, which tells apart several worker processes on one machine too.
/// </summary>
public sealed record NodeName(string Value)
{
    public const int MaxLength = 200;

    public static NodeName ThisProcess { get; } = new($"{Environment.MachineName}:{Environment.ProcessId}");

    /// <summary>The configured name (cut to <see cref="MaxLength"/>), or <see cref="ThisProcess"/> when none is.</summary>
    public static NodeName Of(string? configured)
    {
        var name = configured?.Trim() ?? "";
        return name.Length == 0 ? ThisProcess : new(name[..Math.Min(name.Length, MaxLength)]);
    }
}
