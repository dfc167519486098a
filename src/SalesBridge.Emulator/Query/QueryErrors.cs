using Microsoft.OData;
using SalesBridge.Emulator.Protocol;

namespace SalesBridge.Emulator.Query;

/// <summary>
/// How query errors read. Dataverse parses query options with the OData library and returns its messages with
/// code 0x0, so the library's own text is passed through.
/// </summary>
internal static class QueryErrors
{
    public static DataverseFault Syntax(string message) => new(400, DataverseErrors.QueryParseError, message);

    public static DataverseFault From(ODataException exception) => Syntax(exception.Message);

    public static DataverseFault NotSupported(string option) => Syntax($"The query parameter {option} is not supported");

    public static DataverseFault NotSupportedOnSingleRow(string option) =>
        Syntax($"The query parameter {option} is not supported when retrieving a single record.");

    public static DataverseFault BadSkipToken(string why) =>
        DataverseErrors.BadRequest($"The $skiptoken value is not a valid paging cookie: {why} Follow the @odata.nextLink URL without changing it.",
            DataverseErrors.QueryParseError);

    /// <summary>Runs the OData parser, turning its exceptions into Dataverse's 400.</summary>
    public static T Parse<T>(Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (ODataException exception)
        {
            throw From(exception);
        }
    }
}
