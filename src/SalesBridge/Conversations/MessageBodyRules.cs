using System.ComponentModel.DataAnnotations;

namespace SalesBridge.Conversations;

/// <summary>The length a message body may have depends on its kind (InMails are short); checked with the request's other rules.</summary>
internal static class MessageBodyRules
{
    public static IEnumerable<ValidationResult> Check(string? body, MessageKind kind, string memberName)
    {
        var max = ConversationMessage.MaxBodyLength(kind);
        if (body is not null && body.Trim().Length > max)
        {
            var what = kind == MessageKind.InMail ? "an InMail" : "a message";
            yield return new ValidationResult($"body must be at most {max} characters for {what}.", [memberName]);
        }
    }
}
