using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace SalesBridge.Errors;

/// <summary>Checks a request's data annotations before a use case touches the database.</summary>
public static class RequestValidation
{
    /// <exception cref="RequestValidationException">Any annotation fails; every failing field is reported.</exception>
    public static void Validate(object request)
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(request, new ValidationContext(request), results, validateAllProperties: true))
        {
            return;
        }

        var errors = results
            .SelectMany(result => (result.MemberNames.Any() ? result.MemberNames : [""]).Select(member => (member, result.ErrorMessage ?? "is not valid")))
            .GroupBy(error => JsonNamingPolicy.CamelCase.ConvertName(error.member))
            .ToDictionary(group => group.Key, group => group.Select(error => error.Item2).ToArray());
        throw new RequestValidationException(errors);
    }
}
