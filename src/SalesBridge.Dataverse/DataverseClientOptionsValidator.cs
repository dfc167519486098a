using Microsoft.Extensions.Options;

namespace SalesBridge.Dataverse;

/// <summary>Validates <see cref="DataverseClientOptions"/>: the attributes, then the org URL rules of <see cref="OrganizationUrl"/>.</summary>
public sealed class DataverseClientOptionsValidator : IValidateOptions<DataverseClientOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, DataverseClientOptions options) => Check(options);

    /// <summary>The same checks, for callers outside dependency injection (<see cref="DataverseClientFactory"/>).</summary>
    public static ValidateOptionsResult Check(DataverseClientOptions options)
    {
        var attributes = new DataverseClientOptionsAttributeValidator().Validate(null, options);
        if (attributes.Failed) return attributes;
        return OrganizationUrl.Problem(options.OrganizationUrl, options.AllowNonDynamicsHost) is { } problem
            ? ValidateOptionsResult.Fail(problem)
            : ValidateOptionsResult.Success;
    }
}

/// <summary>The data-annotation checks, source-generated.</summary>
[OptionsValidator]
internal sealed partial class DataverseClientOptionsAttributeValidator : IValidateOptions<DataverseClientOptions>;
