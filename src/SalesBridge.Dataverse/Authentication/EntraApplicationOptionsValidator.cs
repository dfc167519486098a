using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace SalesBridge.Dataverse.Authentication;

/// <summary>
/// Checks <see cref="EntraApplicationOptions"/> before any token is asked for: the attributes, one credential, and
/// an authority that is https, an Entra ID host (unless <see cref="EntraApplicationOptions.AllowNonEntraAuthority"/>)
/// and names the configured tenant, so that a typo cannot send the client secret elsewhere.
/// </summary>
public sealed class EntraApplicationOptionsValidator<TOptions> : IValidateOptions<TOptions> where TOptions : EntraApplicationOptions
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, TOptions options) => Check(options);

    /// <summary>All problems with <paramref name="options"/>, or success.</summary>
    public static ValidateOptionsResult Check(TOptions options)
    {
        var failures = new List<string>();
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        failures.AddRange(results.Select(result => result.ErrorMessage ?? "Invalid value."));
        if (TenantProblem(options) is { } tenant) failures.Add(tenant);
        if (string.IsNullOrEmpty(options.ClientSecret) == (options.ClientCertificate is null))
        {
            failures.Add("Set exactly one credential: ClientSecret or ClientCertificate.");
        }
        if (options.ClientCertificate is { HasPrivateKey: false })
        {
            failures.Add("ClientCertificate must carry its private key.");
        }
        if (AuthorityProblem(options) is { } problem) failures.Add(problem);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string? TenantProblem(TOptions options)
    {
        var tenant = options.TenantId ?? "";
        if (tenant.Length == 0 || System.Text.RegularExpressions.Regex.IsMatch(tenant, EntraApplicationOptions.GuidPattern)) return null;
        if (options.AcceptsMultiTenantAuthority)
        {
            return EntraApplicationOptions.MultiTenantSegments.Contains(tenant, StringComparer.OrdinalIgnoreCase) ? null
                : "TenantId must be the directory (tenant) id, a GUID, or organizations or common for a multi-tenant app.";
        }
        return "TenantId must be the directory (tenant) id, a GUID.";
    }

    private static string? AuthorityProblem(TOptions options)
    {
        var authority = options.EffectiveAuthority;
        if (!authority.IsAbsoluteUri || authority.Scheme != Uri.UriSchemeHttps) return $"The authority '{authority}' must be an absolute https URL.";
        if (!string.IsNullOrEmpty(authority.UserInfo) || !string.IsNullOrEmpty(authority.Query) || !string.IsNullOrEmpty(authority.Fragment))
        {
            return $"The authority '{authority}' must not carry user info, a query or a fragment.";
        }
        if (!options.AllowNonEntraAuthority && !EntraAuthority.IsEntraHost(authority))
        {
            return $"'{authority.Host}' is not an Entra ID host ({string.Join(", ", EntraAuthority.Hosts)}).";
        }
        if (!authority.AbsolutePath.Trim('/').Equals(options.TenantId, StringComparison.OrdinalIgnoreCase))
        {
            return $"The authority '{authority}' must be the tenant's: <host>/{options.TenantId}.";
        }
        return null;
    }
}
