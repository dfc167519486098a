using SalesBridge.Emulator.Identity;

namespace SalesBridge.Emulator.Hosting;

/// <summary>How the emulator starts: which demo world it generates and what its org reports about itself.</summary>
public sealed class EmulatorOptions
{
    /// <summary>Seed of the demo world; the same seed always gives the same org.</summary>
    public int Seed { get; set; } = 2026;

    /// <summary><c>tiny</c>, <c>demo</c> (default) or <c>large</c> (100,000 open opportunities).</summary>
    public string Size { get; set; } = "demo";

    /// <summary>Client id of the demo integration (application) user, for client-credentials sign-in.</summary>
    public Guid? IntegrationClientId { get; set; }

    /// <summary>Client secret of the demo integration user.</summary>
    public string? IntegrationClientSecret { get; set; }

    /// <summary>
    /// Certificates registered on the demo integration user (only their public part is kept): it may then sign in
    /// with a client assertion signed by one of their keys instead of its secret. More at run time through
    /// <see cref="OrgCredentials.AddClientCertificate"/>.
    /// </summary>
    public List<System.Security.Cryptography.X509Certificates.X509Certificate2> IntegrationClientCertificates { get; } = [];

    /// <summary>Password of every interactive demo user.</summary>
    public string? DemoPassword { get; set; }

    /// <summary>What <c>RetrieveVersion</c> reports (8.0, 8.2, 9.2.x ...).</summary>
    public string Version { get; set; } = "9.2.24044.00150";

    /// <summary>OrganizationType: 0 production, 5 or 6 sandbox, see <see cref="Org.OrgSettings"/>.</summary>
    public int OrganizationType { get; set; }

    /// <summary>
    /// More orgs served by the same process, each reached at <c>/{UrlName}/api/data/v9.2/</c> or through a host
    /// name whose first label is its URL name. Their users sign in at the same tenant with <c>@{UrlName}.example.com</c> names.
    /// </summary>
    public List<AdditionalOrg> AdditionalOrgs { get; } = [];

    /// <summary>
    /// Service protection limits of every org of the process when it starts; null: each org's
    /// <see cref="Org.OrgSettings.ServiceProtection"/> (the documented defaults). Change them at run time through
    /// <c>EmulatorServer.Traffic(org).Protection.Limits</c> or <c>PUT /_emulator/orgs/{urlName}/limits</c>.
    /// </summary>
    public Limits.ServiceProtectionLimits? ServiceProtection { get; set; }

    /// <summary>App registrations that may sign users in with the authorization-code flow.</summary>
    public List<ClientRegistration> Clients { get; } =
    [
        // A public client for scripts and the SalesBridge host in demo mode; loopback redirect URIs as Entra allows for them.
        new("51f81489-12ee-4a9e-aaae-a2591f45987d", null, ["http://localhost", "http://127.0.0.1"]),
    ];
}

/// <summary>Another org in the same emulator process: its URL name and how its demo world is generated.</summary>
public sealed record AdditionalOrg(string UrlName, int Seed, string Size = "tiny", string Version = "9.2.24044.00150", int OrganizationType = 0);
