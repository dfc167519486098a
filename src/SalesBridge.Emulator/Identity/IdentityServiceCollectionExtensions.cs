using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SalesBridge.Emulator.Identity;

public static class IdentityServiceCollectionExtensions
{
    /// <summary>
    /// Registers the token service and the bearer-token validator. The caller registers an
    /// <see cref="ISignInDirectory"/>; a <see cref="TimeProvider"/> registered earlier (a fake one in tests) wins.
    /// </summary>
    public static IServiceCollection AddEmulatorIdentity(this IServiceCollection services, Action<EmulatorIdentityOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<EmulatorIdentityOptions>().BindConfiguration(EmulatorIdentityOptions.SectionName);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmulatorIdentityOptions>, EmulatorIdentityOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<EmulatorSigningKey>();
        services.TryAddSingleton<TokenFactory>();
        services.TryAddSingleton<AuthorizationCodeStore>();
        services.TryAddSingleton<RefreshTokenStore>();
        services.TryAddSingleton<UserTokenIssuer>();
        services.TryAddSingleton(provider => new AccessTokenValidator(
            provider.GetRequiredService<EmulatorSigningKey>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<IOptions<EmulatorIdentityOptions>>()));
        // Scoped: the org store behind ISignInDirectory may well be scoped (a DbContext).
        services.TryAddScoped<SignInFlow>();
        services.TryAddScoped<ClientCredentialsGrant>();
        services.TryAddSingleton<ClientAssertionCheck>();
        services.TryAddScoped<AuthorizationCodeGrant>();
        services.TryAddScoped<RefreshTokenGrant>();
        return services;
    }
}
