namespace SalesBridge.CrmConnection;

/// <summary>
/// Reports for connection attempts that end before <see cref="ConnectionCheck"/> runs (a refused URL, a sign-in that
/// did not complete), in the same shape, so the page and the API show every attempt alike: the failed step with its
/// S4 message and cause, the other steps skipped.
/// </summary>
internal static class ConnectionReports
{
    public static ConnectionCheckReport FailedAt(ConnectionCheckKind kind, string cause, DateTimeOffset now, Uri? organizationUrl = null) => new(
        Enum.GetValues<ConnectionCheckKind>()
            .Select(k => k == kind ? ConnectionCheckStep.Failed(k, ConnectionFailureMessages.CouldNotConnect, cause) : ConnectionCheckStep.Skipped(k))
            .ToList(),
        new CrmOrgFacts { OrganizationUrl = organizationUrl },
        now);
}
