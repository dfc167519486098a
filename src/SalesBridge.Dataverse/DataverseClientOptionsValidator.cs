using Microsoft.Extensions.Options;

namespace SalesBridge.Dataverse;

/// <summary>Validates <see cref="DataverseClientOptions"/>: the attributes (source-generated) and the org URL rules.</summary>
[OptionsValidator]
public sealed partial class DataverseClientOptionsValidator : IValidateOptions<DataverseClientOptions>
{
    /// <summary>Checks attributes and the org URL; used by <see cref="DataverseClientFactory"/> too.</summary>
    public static ValidateOptionsResult Check(DataverseClientOptions options)
    {
        var attributes = new DataverseClientOptionsValidator().Validate(null, options);
        if (attributes.Failed) return attributes;
        return OrganizationUrl.Problem(options.OrganizationUrl, options.AllowNonDynamicsHost) is { } problem
            ? ValidateOptionsResult.Fail(problem)
            : ValidateOptionsResult.Success;
    }
}
