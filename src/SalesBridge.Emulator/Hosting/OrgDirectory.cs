using Microsoft.AspNetCore.Http;
using SalesBridge.Emulator.Org;

namespace SalesBridge.Emulator.Hosting;

/// <summary>The orgs this emulator process serves. Today one; the request decides which when there are more.</summary>
public sealed class OrgDirectory(EmulatedOrg org, OrgCredentials credentials)
{
    public EmulatedOrg Default { get; } = org;
    public OrgCredentials Credentials { get; } = credentials;

    public EmulatedOrg Resolve(HttpContext http) => Default;
}
