namespace SalesBridge.Errors;

/// <summary>One or more fields of a request are missing or wrong; <see cref="Errors"/> names each field and why.</summary>
public sealed class RequestValidationException(IReadOnlyDictionary<string, string[]> errors)
    : RequestRefusedException("The request is not valid", Describe(errors))
{
    public RequestValidationException(string field, string message)
        : this(new Dictionary<string, string[]> { [field] = [message] })
    {
    }

    /// <summary>Field names as they appear in JSON (camelCase), each with its messages.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public override int StatusCode => 400;

    private static string Describe(IReadOnlyDictionary<string, string[]> errors) =>
        string.Join(" ", errors.SelectMany(field => field.Value));
}
