using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SalesBridge.Dataverse;

namespace SalesBridge.CrmConnection;

/// <summary>
/// Checks a CRM connection before it is saved (SPEC S2, S4, B3), in order, stopping at the first failing gate:
/// the URL, reachability, sign-in, version, org type, privileges for import and write-back, and the tables import
/// reads. Every check appears in the report; those after a failure as skipped.
/// </summary>
public sealed partial class ConnectionCheck(
    DataverseClientFactory clients,
    ReachabilityProbe probe,
    TimeProvider time,
    IOptions<ConnectionCheckOptions> options,
    ILogger<ConnectionCheck> logger)
{
    public async Task<ConnectionCheckReport> RunAsync(ConnectionCheckRequest request, CancellationToken cancellationToken)
    {
        var run = new Run();
        var verdict = OrgUrlGate.Check(request.OrganizationUrl, request.AllowedExtraHosts);
        if (verdict is not OrgUrlVerdict.Accepted url)
        {
            // Nothing is sent, and the refused URL is not logged: it may be anything the admin pasted.
            return Finish(run, "(refused URL)", ConnectionCheckStep.Failed(ConnectionCheckKind.OrganizationUrl,
                ConnectionFailureMessages.CouldNotConnect, ((OrgUrlVerdict.Refused)verdict).Cause));
        }
        var host = url.Root.Authority;
        Log.CheckStarted(logger, host);
        run.Facts = run.Facts with { OrganizationUrl = url.Root };
        run.Steps.Add(ConnectionCheckStep.Passed(ConnectionCheckKind.OrganizationUrl, url.IsExtraHost
            ? $"{host} is on the allow-list of extra hosts (demo)." : $"{host} is a Dynamics 365 online org."));

        var client = clients.Create(new DataverseClientOptions
        {
            OrganizationUrl = url.Root, AllowNonDynamicsHost = url.IsExtraHost,
            MaxRetries = options.Value.MaxRetries, AttemptTimeout = options.Value.RequestTimeout, RetryBaseDelay = TimeSpan.FromSeconds(1),
        }, request.Tokens);
        var unreachable = await probe.ProbeAsync(client.WebApiUrl, cancellationToken).ConfigureAwait(false);
        if (unreachable.Length > 0) return Finish(run, host, ConnectionCheckStep.Failed(ConnectionCheckKind.Reachable, ConnectionFailureMessages.CouldNotConnect, unreachable));
        run.Steps.Add(ConnectionCheckStep.Passed(ConnectionCheckKind.Reachable, $"{host} answered."));

        var current = ConnectionCheckKind.SignedIn;
        try
        {
            var me = await client.WhoAmIAsync(null, cancellationToken).ConfigureAwait(false);
            run.Facts = run.Facts with { SignedInUserId = me.UserId, OrganizationId = me.OrganizationId };
            run.Steps.Add(ConnectionCheckStep.Passed(current, $"Signed in as CRM user {me.UserId}."));

            current = ConnectionCheckKind.Version;
            var version = await client.RetrieveVersionAsync(cancellationToken).ConfigureAwait(false);
            run.Facts = run.Facts with { Version = version };
            if (CrmVersion.Refusal(version) is { Length: > 0 } tooOld)
            {
                return Finish(run, host, ConnectionCheckStep.Failed(current, ConnectionFailureMessages.CouldNotConnect, tooOld));
            }
            run.Steps.Add(ConnectionCheckStep.Passed(current, $"Version {version}."));

            current = ConnectionCheckKind.OrganizationType;
            var org = await client.RetrieveCurrentOrganizationAsync(cancellationToken).ConfigureAwait(false);
            var label = EnvironmentLabel(org);
            run.Facts = run.Facts with { OrganizationId = org.OrganizationId, OrganizationName = org.FriendlyName, IsSandbox = org.IsSandbox, EnvironmentLabel = label };
            run.Steps.Add(ConnectionCheckStep.Passed(current, $"{org.FriendlyName}: {label}."));

            current = ConnectionCheckKind.ImportPrivileges;
            if (!await CheckPrivilegesAsync(client, request, run, cancellationToken).ConfigureAwait(false)) return Finish(run, host, null);

            current = ConnectionCheckKind.RequiredObjects;
            return Finish(run, host, await CheckRequiredObjectsAsync(client, cancellationToken).ConfigureAwait(false));
        }
        catch (DataverseException failure)
        {
            // The whole answer (with Entra's trace and correlation ids, which support may ask for) goes to the log;
            // the admin sees the condensed cause. Neither carries a token or secret.
            Log.CheckAnswered(logger, current, host, failure.ErrorCode, failure.Message);
            return Finish(run, host, DataverseFailures.StepFor(current, failure));
        }
    }

    /// <summary>"Sandbox" for test orgs (SPEC S2), "Production" for customer orgs, otherwise the org type's own name (Trial, Developer …).</summary>
    private static string EnvironmentLabel(OrganizationDetail org) => org.IsSandbox ? "Sandbox"
        : org.OrganizationType is "Customer" or "Secondary" or "0" or "4" or "" ? "Production"
        : org.OrganizationType;

    /// <summary>Adds the last step, marks the checks that did not run as skipped, and logs the outcome.</summary>
    private ConnectionCheckReport Finish(Run run, string host, ConnectionCheckStep? last)
    {
        if (last is not null) run.Steps.Add(last);
        foreach (var failed in run.Steps.Where(s => s.Outcome == ConnectionCheckOutcome.Failed))
        {
            Log.CheckFailed(logger, failed.Kind, host, string.Join(" ", failed.Causes));
        }
        var done = run.Steps.Select(s => s.Kind).ToHashSet();
        run.Steps.AddRange(Enum.GetValues<ConnectionCheckKind>().Where(k => !done.Contains(k)).Select(ConnectionCheckStep.Skipped));
        var report = new ConnectionCheckReport(run.Steps, run.Facts, time.GetUtcNow());
        Log.CheckEnded(logger, host, report.Outcome);
        return report;
    }

    /// <summary>The report as it grows.</summary>
    private sealed class Run
    {
        public List<ConnectionCheckStep> Steps { get; } = [];
        public CrmOrgFacts Facts { get; set; } = new();
    }
}
