namespace SalesBridge.Web.Demo;

/// <summary>The demo contract as the start-up banner shows it.</summary>
public sealed record DemoContract(Guid Id, string CompanyName, string Password, IReadOnlyList<DemoSignIn> SignIns);

/// <summary>A demo user: what they can do, and the email they sign in with.</summary>
public sealed record DemoSignIn(string Role, string Email);
