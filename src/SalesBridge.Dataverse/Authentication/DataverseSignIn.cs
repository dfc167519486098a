namespace SalesBridge.Dataverse.Authentication;

/// <summary>
/// A sign-in under way: send the admin's browser to <see cref="AuthorizationUrl"/> and keep the rest (encrypted,
/// e.g. in a cookie) until the redirect comes back with the code. <see cref="CodeVerifier"/> is the PKCE secret.
/// </summary>
/// <param name="AuthorizationUrl">The Entra ID sign-in page with the request (client, scopes, state, PKCE challenge).</param>
/// <param name="State">What the redirect must bring back in <c>state</c>, so a code from another sign-in is refused.</param>
/// <param name="CodeVerifier">The PKCE verifier the code is redeemed with.</param>
/// <param name="Resource">The org the sign-in is for.</param>
public sealed record DataverseSignInRequest(Uri AuthorizationUrl, string State, string CodeVerifier, Uri Resource)
{
    /// <inheritdoc/>
    public override string ToString() => $"DataverseSignInRequest(Resource={Resource}, State={State})";
}

/// <summary>Who signed in: the Entra user whose tokens the provider now serves.</summary>
/// <param name="UserName">The user's sign-in name (UPN).</param>
/// <param name="ObjectId">The user's Entra object id, when Entra reported it.</param>
/// <param name="TenantId">The user's tenant id, when Entra reported it.</param>
public sealed record DataverseSignedInUser(string UserName, string? ObjectId, string? TenantId);
