using System.Collections.Concurrent;

namespace SalesBridge.Emulator.Hosting;

/// <summary>
/// Secrets that live in Entra, not in the org: user passwords and application client secrets. Kept apart
/// from the rows so that no query can read them.
/// </summary>
public sealed class OrgCredentials
{
    private readonly ConcurrentDictionary<string, string> _passwords = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<Guid, string> _clientSecrets = new();

    public void SetPassword(string userName, string password) => _passwords[userName] = password;

    public void SetClientSecret(Guid applicationId, string secret) => _clientSecrets[applicationId] = secret;

    public string? PasswordOf(string userName) => _passwords.GetValueOrDefault(userName);

    public string? ClientSecretOf(Guid applicationId) => _clientSecrets.GetValueOrDefault(applicationId);
}
