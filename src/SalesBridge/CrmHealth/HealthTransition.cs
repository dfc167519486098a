using SalesBridge.CrmConnection;
using SalesBridge.Text;

namespace SalesBridge.CrmHealth;

/// <summary>The connection's health after a check (B8): Connected → Failing at the first failure, Paused once the grace period has passed.</summary>
internal static class HealthTransition
{
    public static HealthChange Apply(OrgConnection connection, HealthFinding finding, DateTimeOffset now, TimeSpan gracePeriod)
    {
        connection.LastCheckedAt = now;
        if (finding.Passed)
        {
            if (connection is { Status: OrgConnectionStatus.Connected, FailingSince: null }) return HealthChange.StillHealthy;
            connection.Status = OrgConnectionStatus.Connected;
            connection.ClearFailure();
            connection.Revision = Guid.NewGuid();
            return HealthChange.Recovered;
        }

        connection.FailureMessage = ColumnFit.Shortened(finding.Message, OrgConnection.MaxNameLength);
        // One cause per line: Entra's descriptions carry their own line breaks (trace and correlation ids).
        connection.FailureCauses = ColumnFit.Shortened(string.Join('\n', finding.Causes.Select(cause => cause.ReplaceLineEndings(" "))), OrgConnection.MaxFailureLength);
        switch (connection.Status)
        {
            case OrgConnectionStatus.Connected:
                connection.Status = OrgConnectionStatus.Failing;
                connection.FailingSince = now;
                connection.Revision = Guid.NewGuid();
                return HealthChange.StartedFailing;
            case OrgConnectionStatus.Failing when now - (connection.FailingSince ??= now) >= gracePeriod:
                connection.Status = OrgConnectionStatus.Paused;
                connection.Revision = Guid.NewGuid();
                return HealthChange.Paused;
            default:
                return HealthChange.StillFailing;
        }
    }
}
