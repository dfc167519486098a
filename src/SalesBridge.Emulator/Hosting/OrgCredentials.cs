using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Security.Cryptography.X509Certificates;

namespace SalesBridge.Emulator.Hosting;

/// <summary>
/// Secrets that live in Entra, not in the org: user passwords, application client secrets and the public
/// certificates applications sign client assertions with. Kept apart from the rows so that no query can read them.
/// </summary>
public sealed class OrgCredentials
{
    private readonly ConcurrentDictionary<string, string> _passwords = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<Guid, string> _clientSecrets = new();
    private readonly ConcurrentDictionary<Guid, ImmutableList<X509Certificate2>> _clientCertificates = new();

    public void SetPassword(string userName, string password) => _passwords[userName] = password;

    public void SetClientSecret(Guid applicationId, string secret) => _clientSecrets[applicationId] = secret;

    /// <summary>
    /// Registers a certificate on the application, as uploading one under "Certificates &amp; secrets" does: only its
    /// public part is kept, whatever <paramref name="publicCertificate"/> carries. An application may have several.
    /// </summary>
    public void AddClientCertificate(Guid applicationId, X509Certificate2 publicCertificate)
    {
        var publicOnly = X509CertificateLoader.LoadCertificate(publicCertificate.RawData);
        _clientCertificates.AddOrUpdate(applicationId, _ => [publicOnly], (_, existing) => existing.Add(publicOnly));
    }

    public string? PasswordOf(string userName) => _passwords.GetValueOrDefault(userName);

    public string? ClientSecretOf(Guid applicationId) => _clientSecrets.GetValueOrDefault(applicationId);

    public IReadOnlyList<X509Certificate2> ClientCertificatesOf(Guid applicationId) =>
        _clientCertificates.TryGetValue(applicationId, out var certificates) ? certificates : [];
}
