namespace SalesBridge.CrmSeats;

/// <summary>Which CRM users count as the people seats are tied to, and how emails are compared.</summary>
public static class CrmUserRules
{
    /// <summary>
    /// A seat is tied only to an enabled person who signs in to Dynamics. From Microsoft's systemuser reference:
    /// <c>isdisabled</c> is true for users whose account is disabled (they cannot sign in, though they may still own
    /// records); <c>applicationid</c> is set only for application users (an app registration acting through client
    /// credentials, never a person); <c>accessmode</c> is 0 Read-Write, 1 Administrative, 2 Read, 3 Support User
    /// (Microsoft support staff), 4 Non-interactive (service accounts) and 5 Delegated Admin (a partner's staff). Of
    /// these, 0–2 are the org's own people signing in interactively; 3–5 are never a seller of the contract, so they
    /// are treated like disabled users: not tied, not offered by <i>Assign seats from CRM</i>.
    /// </summary>
    public static bool IsEnabledPerson(bool isDisabled, int? accessMode, Guid? applicationId) =>
        !isDisabled && applicationId is null && accessMode is null or ReadWrite or Administrative or Read;

    public const int ReadWrite = 0;
    public const int Administrative = 1;
    public const int Read = 2;

    /// <summary>The form emails are compared in: trimmed, case-insensitive (emails are matched as the CRM stores them, nothing more).</summary>
    public static string? EmailKey(string? email) =>
        string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToUpperInvariant();
}
