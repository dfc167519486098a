namespace SalesBridge.CrmConnection;

/// <summary>
/// The four messages a failed connection shows (SPEC S4), verbatim; the specific cause is shown beneath.
/// Which one applies: the URL, reachability, sign-in and version gates use <see cref="CouldNotConnect"/>;
/// anything else the org answered with an error uses <see cref="ApiError"/>; missing privileges use
/// <see cref="InsufficientPrivileges"/>; tables whose definitions cannot be read use <see cref="RequiredObjectsUnreadable"/>.
/// </summary>
public static class ConnectionFailureMessages
{
    public const string CouldNotConnect = "Could not connect to CRM. Please try again later.";

    public const string ApiError = "The CRM API reported an error. Please try again later.";

    public const string InsufficientPrivileges =
        "Your CRM account does not have sufficient access privileges. Please check with your CRM administrator.";

    public const string RequiredObjectsUnreadable = "Could not read the required CRM objects from your org.";
}
