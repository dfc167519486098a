namespace SalesBridge.Web.Cli.Matching;

/// <summary>An input file of <c>salesbridge match</c> that cannot be used, with the reason a person can act on.</summary>
internal sealed class MatchInputException(string message) : Exception(message);
