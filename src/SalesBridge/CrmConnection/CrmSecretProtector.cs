using Microsoft.AspNetCore.DataProtection;

namespace SalesBridge.CrmConnection;

/// <summary>
/// Encrypts the connection's secrets (client secrets, token caches) before they reach the database, with ASP.NET
/// Core Data Protection under a purpose of their own, so no other protected payload can be swapped in for them.
/// </summary>
public sealed class CrmSecretProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("SalesBridge.CrmConnection.Secrets.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);

    public string Protect(byte[] secret) => Convert.ToBase64String(_protector.Protect(secret));

    public byte[] UnprotectBytes(string protectedSecret) => _protector.Unprotect(Convert.FromBase64String(protectedSecret));
}
