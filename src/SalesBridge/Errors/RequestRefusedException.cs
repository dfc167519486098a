namespace SalesBridge.Errors;

/// <summary>
/// A user action the workspace refuses, with the reason a person can act on. The host turns each kind into its
/// HTTP status and a ProblemDetails body (API) or a message next to the form (pages); nothing was changed.
/// </summary>
public abstract class RequestRefusedException(string title, string detail) : Exception(detail)
{
    public string Title { get; } = title;
    public abstract int StatusCode { get; }
}

/// <summary>
/// The thing asked for does not exist for this caller. Rows of other contracts and other seat holders answer
/// the same way, so that ids cannot be probed.
/// </summary>
public sealed class NotFoundException(string what, Guid id)
    : RequestRefusedException($"{what} not found", $"{what} {id} was not found.")
{
    public override int StatusCode => 404;
}

/// <summary>The caller is signed in but their role does not allow the action (e.g. an admin without a seat).</summary>
public sealed class AccessDeniedException(string detail) : RequestRefusedException("Not allowed", detail)
{
    public override int StatusCode => 403;
}

/// <summary>The action conflicts with the current state (a name already used, the seat count reached).</summary>
public sealed class ConflictException(string detail) : RequestRefusedException("Conflict", detail)
{
    public override int StatusCode => 409;
}
