using SalesBridge.Emulator.Org;

namespace SalesBridge.Emulator.Hosting;

/// <summary>
/// The orgs this emulator process serves, each with its users' Entra credentials. All share the process's
/// tenant, as the orgs of one customer do; each has its own URL name, users, data and limits.
/// </summary>
public sealed class OrgDirectory
{
    private readonly List<(EmulatedOrg Org, OrgCredentials Credentials)> _orgs = [];
    private readonly Lock _gate = new();

    public OrgDirectory(EmulatedOrg defaultOrg, OrgCredentials credentials) => Add(defaultOrg, credentials);

    public EmulatedOrg Default => All[0];

    public IReadOnlyList<EmulatedOrg> All
    {
        get
        {
            lock (_gate) return _orgs.Select(o => o.Org).ToArray();
        }
    }

    public void Add(EmulatedOrg org, OrgCredentials credentials)
    {
        lock (_gate)
        {
            if (_orgs.Any(o => string.Equals(o.Org.Settings.UrlName, org.Settings.UrlName, StringComparison.OrdinalIgnoreCase)))
            {
                throw new InvalidOperationException($"An org named '{org.Settings.UrlName}' is already served.");
            }
            _orgs.Add((org, credentials));
        }
    }

    /// <summary>The org with this URL name, or null.</summary>
    public EmulatedOrg? Find(string urlName)
    {
        lock (_gate)
        {
            return _orgs.FirstOrDefault(o => string.Equals(o.Org.Settings.UrlName, urlName, StringComparison.OrdinalIgnoreCase)).Org;
        }
    }

    /// <summary>
    /// The org a host name addresses, as <c>contoso.crm.dynamics.com</c> addresses <c>contoso</c>: its first label,
    /// when an org has that URL name; otherwise the default org (plain <c>127.0.0.1</c> or <c>localhost</c>).
    /// </summary>
    public EmulatedOrg ByHost(string host)
    {
        var label = host.Split('.')[0];
        return Find(label) ?? Default;
    }

    public OrgCredentials CredentialsOf(EmulatedOrg org)
    {
        lock (_gate) return _orgs.First(o => ReferenceEquals(o.Org, org)).Credentials;
    }
}
