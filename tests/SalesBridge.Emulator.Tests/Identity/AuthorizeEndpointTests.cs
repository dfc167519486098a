using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using static SalesBridge.Emulator.Tests.Identity.IdentityTestClient;

namespace SalesBridge.Emulator.Tests.Identity;

public sealed class AuthorizeEndpointTests(IdentityHostFixture host) : IClassFixture<IdentityHostFixture>, IDisposable
{
    private const string UserName = "ada@contoso.example";
    private readonly IdentityTestClient _client = host.CreateClient();

    private string Scope => $"{host.Resource}/user_impersonation offline_access openid";

    [Fact]
    public async Task Authorize_ValidRequest_RendersLabelledSignInFormCarryingTheRequest()
    {
        using var response = await _client.GetAuthorizeAsync(Query(state: "s-1", loginHint: UserName));

        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        html.ShouldContain("<html lang=\"en\">");
        html.ShouldContain("<label for=\"username\">");
        html.ShouldContain("<input id=\"username\" name=\"username\"");
        html.ShouldContain("<label for=\"password\">");
        html.ShouldContain("id=\"password\" name=\"password\" type=\"password\"");
        html.ShouldContain("<button type=\"submit\">");
        html.ShouldContain($"<input type=\"hidden\" name=\"client_id\" value=\"{IdentityHostFixture.PublicClientId}\">");
        html.ShouldContain("<input type=\"hidden\" name=\"state\" value=\"s-1\">");
        html.ShouldContain("autocomplete=\"username\" required value=\"ada@contoso.example\"");
    }

    [Fact]
    public async Task Authorize_StateWithMarkup_IsHtmlEncodedOnThePage()
    {
        const string hostile = "\"><script>alert('x')</script>";

        using var response = await _client.GetAuthorizeAsync(Query(state: hostile));

        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldNotContain("<script>alert");
        html.ShouldContain("value=\"&quot;&gt;&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;\"");
    }

    [Fact]
    public async Task Authorize_UnknownClient_ShowsErrorOnPageInsteadOfRedirecting()
    {
        var query = Query();
        query["client_id"] = Guid.NewGuid().ToString();

        using var response = await _client.GetAuthorizeAsync(query);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Headers.Location.ShouldBeNull();
        (await response.Content.ReadAsStringAsync()).ShouldContain("AADSTS700016");
    }

    [Fact]
    public async Task Authorize_UnregisteredRedirectUri_ShowsErrorOnPageInsteadOfRedirecting()
    {
        var query = Query();
        query["redirect_uri"] = "https://attacker.example/steal";
        query["response_type"] = "token";

        using var response = await _client.GetAuthorizeAsync(query);

        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Headers.Location.ShouldBeNull();
        html.ShouldContain("AADSTS50011");
        html.ShouldContain("https://attacker.example/steal");
        html.ShouldNotContain("<form");
    }

    [Fact]
    public async Task Authorize_UnsupportedResponseType_RedirectsErrorToTheRegisteredUri()
    {
        var query = Query(state: "s-2");
        query["response_type"] = "token";

        using var response = await _client.GetAuthorizeAsync(query);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Headers.Location!;
        location.GetLeftPart(UriPartial.Path).ShouldBe(IdentityHostFixture.PublicRedirectUri);
        var parameters = QueryHelpers.ParseQuery(location.Query);
        parameters["error"].ToString().ShouldBe("unsupported_response_type");
        parameters["error_description"].ToString().ShouldStartWith("AADSTS70005:");
        parameters["state"].ToString().ShouldBe("s-2");
    }

    [Fact]
    public async Task Authorize_PromptNone_RedirectsLoginRequired()
    {
        var query = Query();
        query["prompt"] = "none";

        using var response = await _client.GetAuthorizeAsync(query);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        QueryHelpers.ParseQuery(response.Headers.Location!.Query)["error"].ToString().ShouldBe("login_required");
    }

    [Fact]
    public async Task SignIn_WrongPassword_RerendersFormWithInvalidCredentialsError()
    {
        using var response = await _client.PostSignInAsync(SignInForm(IdentityHostFixture.PublicClientId, IdentityHostFixture.PublicRedirectUri, Scope, UserName, "wrong password"));

        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.Location.ShouldBeNull();
        html.ShouldContain("role=\"alert\">AADSTS50126: Error validating credentials due to invalid username or password.");
        html.ShouldContain("aria-describedby=\"signin-error\"");
        html.ShouldContain("<label for=\"password\">");
        html.ShouldNotContain("wrong password");
    }

    [Fact]
    public async Task SignIn_DisabledUser_RerendersFormWithUserDisabledError()
    {
        using var response = await _client.PostSignInAsync(SignInForm(IdentityHostFixture.PublicClientId, IdentityHostFixture.PublicRedirectUri, Scope, "grace@contoso.example", IdentityHostFixture.Password));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.Location.ShouldBeNull();
        (await response.Content.ReadAsStringAsync()).ShouldContain("AADSTS50057");
    }

    [Fact]
    public async Task SignIn_CorrectPassword_RedirectsWithCodeAndState()
    {
        using var response = await _client.PostSignInAsync(SignInForm(IdentityHostFixture.PublicClientId, IdentityHostFixture.PublicRedirectUri, Scope, "ADA@contoso.example", IdentityHostFixture.Password));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Headers.Location!;
        location.GetLeftPart(UriPartial.Path).ShouldBe(IdentityHostFixture.PublicRedirectUri);
        var parameters = QueryHelpers.ParseQuery(location.Query);
        parameters["code"].ToString().Length.ShouldBeGreaterThanOrEqualTo(43);
        parameters["state"].ToString().ShouldBe("opaque-state-42");
    }

    [Fact]
    public async Task SignIn_FormPostResponseMode_ReturnsSelfSubmittingFormToTheRedirectUri()
    {
        var form = SignInForm(IdentityHostFixture.WebClientId, IdentityHostFixture.WebRedirectUri, Scope, UserName, IdentityHostFixture.Password);
        form["response_mode"] = "form_post";

        using var response = await _client.PostSignInAsync(form);

        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain($"<form method=\"post\" action=\"{IdentityHostFixture.WebRedirectUri}\">");
        html.ShouldContain("<input type=\"hidden\" name=\"code\" value=\"");
        html.ShouldContain("<input type=\"hidden\" name=\"state\" value=\"opaque-state-42\">");
        html.ShouldContain("document.forms[0].submit()");
    }

    [Fact]
    public async Task SignIn_TamperedRedirectUriInPostedForm_ShowsErrorInsteadOfRedirecting()
    {
        var form = SignInForm(IdentityHostFixture.PublicClientId, "https://attacker.example/steal", Scope, UserName, IdentityHostFixture.Password);

        using var response = await _client.PostSignInAsync(form);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Headers.Location.ShouldBeNull();
        (await response.Content.ReadAsStringAsync()).ShouldContain("AADSTS50011");
    }

    [Fact]
    public async Task Authorize_LoopbackRedirectUriOnAnotherPort_IsAccepted()
    {
        var query = Query();
        query["redirect_uri"] = "http://127.0.0.1:61000/callback";

        using var response = await _client.GetAuthorizeAsync(query);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    public void Dispose() => _client.Dispose();

    private Dictionary<string, string?> Query(string? state = null, string? loginHint = null) => new()
    {
        ["client_id"] = IdentityHostFixture.PublicClientId,
        ["response_type"] = "code",
        ["redirect_uri"] = IdentityHostFixture.PublicRedirectUri,
        ["scope"] = Scope,
        ["state"] = state,
        ["login_hint"] = loginHint,
        ["code_challenge"] = S256("verifier-verifier-verifier-verifier-verifier-1"),
        ["code_challenge_method"] = "S256",
    };
}
