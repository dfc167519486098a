using Microsoft.AspNetCore.Http;
using SalesBridge.CrmConnection;
using SalesBridge.Web.Crm;

namespace SalesBridge.Web.Tests.Crm;

public sealed class CrmSignInRedirectTests
{
    private static HttpRequest RequestTo(string scheme, string host)
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = scheme;
        context.Request.Host = new HostString(host);
        return context.Request;
    }

    [Fact]
    public void For_NothingConfigured_IsTheCallbackOnTheHostTheRequestReached()
    {
        var redirect = CrmSignInRedirect.For(RequestTo("http", "127.0.0.1:5080"), new CrmOptions());

        redirect.ShouldBe(new Uri("http://127.0.0.1:5080/Admin/Crm/SignedIn"));
    }

    [Fact]
    public void For_BehindAProxy_IsTheConfiguredRedirectUri()
    {
        var options = new CrmOptions { SignIn = new CrmSignInApplication { ClientId = "app", RedirectUri = new Uri("https://salesbridge.example.com/Admin/Crm/SignedIn") } };

        var redirect = CrmSignInRedirect.For(RequestTo("http", "10.0.0.7:8080"), options);

        redirect.ShouldBe(new Uri("https://salesbridge.example.com/Admin/Crm/SignedIn"));
    }
}
