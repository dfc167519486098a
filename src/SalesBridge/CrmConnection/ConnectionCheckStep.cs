namespace SalesBridge.CrmConnection;

/// <summary>The checks, in the order they run.</summary>
public enum ConnectionCheckKind
{
    OrganizationUrl,
    Reachable,
    SignedIn,
    Version,
    OrganizationType,
    ImportPrivileges,
    WriteBackPrivileges,
    RequiredObjects,
}

/// <summary>How one check ended.</summary>
public enum ConnectionCheckOutcome
{
    Passed,
    Failed,

    /// <summary>Not required for what was asked, but needed later (write-back privileges while write-back is off).</summary>
    Warning,

    /// <summary>Not run because an earlier check failed.</summary>
    Skipped,
}

/// <summary>
/// One check's result. <see cref="Message"/> is one of <see cref="ConnectionFailureMessages"/> for a failure or
/// warning and empty otherwise; <see cref="Causes"/> are the specifics shown beneath it (or what was found, when passed).
/// </summary>
public sealed record ConnectionCheckStep(
    ConnectionCheckKind Kind,
    ConnectionCheckOutcome Outcome,
    string Message,
    IReadOnlyList<string> Causes,
    IReadOnlyList<CrmPrivilege> MissingPrivileges)
{
    /// <summary>The check's name as the status screen shows it.</summary>
    public string Name => Kind switch
    {
        ConnectionCheckKind.OrganizationUrl => "Organization URL",
        ConnectionCheckKind.Reachable => "Org reachable",
        ConnectionCheckKind.SignedIn => "Signed in",
        ConnectionCheckKind.Version => "Dynamics version",
        ConnectionCheckKind.OrganizationType => "Organization type",
        ConnectionCheckKind.ImportPrivileges => "Privileges for import",
        ConnectionCheckKind.WriteBackPrivileges => "Privileges for write-back",
        ConnectionCheckKind.RequiredObjects => "Required CRM objects",
        _ => Kind.ToString(),
    };

    public static ConnectionCheckStep Passed(ConnectionCheckKind kind, params string[] found) => new(kind, ConnectionCheckOutcome.Passed, "", found, []);

    public static ConnectionCheckStep Failed(ConnectionCheckKind kind, string message, params string[] causes) =>
        new(kind, ConnectionCheckOutcome.Failed, message, causes, []);

    public static ConnectionCheckStep Skipped(ConnectionCheckKind kind) => new(kind, ConnectionCheckOutcome.Skipped, "", [], []);
}
