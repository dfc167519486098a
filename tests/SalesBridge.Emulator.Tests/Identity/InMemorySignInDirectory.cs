using System.Collections.Concurrent;
using SalesBridge.Emulator.Identity;

namespace SalesBridge.Emulator.Tests.Identity;

/// <summary>The org store's stand-in: accounts and app registrations held in memory, changeable mid-test.</summary>
public sealed class InMemorySignInDirectory : ISignInDirectory
{
    private readonly ConcurrentDictionary<string, SignInAccount> _users = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, SignInAccount> _applications = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, ClientRegistration> _clients = new(StringComparer.OrdinalIgnoreCase);

    public SignInAccount AddUser(string userName, string displayName, string password, bool disabled = false) =>
        _users[userName] = new SignInAccount(Guid.NewGuid(), userName, displayName, password, disabled);

    public SignInAccount AddApplication(string clientId, string displayName, string secret, bool disabled = false) =>
        _applications[clientId] = new SignInAccount(Guid.NewGuid(), clientId, displayName, secret, disabled);

    public SignInAccount AddApplicationCertificate(string clientId, System.Security.Cryptography.X509Certificates.X509Certificate2 publicCertificate) =>
        _applications[clientId] = _applications[clientId] with { Certificates = [.. _applications[clientId].Certificates, publicCertificate] };

    public ClientRegistration AddClient(string clientId, string? secret, params string[] redirectUris) =>
        _clients[clientId] = new ClientRegistration(clientId, secret, redirectUris);

    public void Disable(string userName) => _users[userName] = _users[userName] with { IsDisabled = true };

    public SignInAccount? FindUser(string userName) => _users.GetValueOrDefault(userName);

    public SignInAccount? FindApplication(string clientId) => _applications.GetValueOrDefault(clientId);

    public ClientRegistration? FindClient(string clientId) => _clients.GetValueOrDefault(clientId);
}
