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

    public static NodeName Of(string? configured) =>
        string.IsNullOrWhiteSpace(configured) ? ThisProcess : new(configured.Trim()[..Math.Min(configured.Trim().Length, MaxLength)]);
}
