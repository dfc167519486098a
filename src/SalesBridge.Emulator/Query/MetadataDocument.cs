using System.Xml;
using Microsoft.OData.Edm.Csdl;
using SalesBridge.Emulator.WebApi;

namespace SalesBridge.Emulator.Query;

/// <summary><c>GET $metadata</c>: the CSDL of the org's EDM model.</summary>
public static class MetadataDocument
{
    public static async Task WriteAsync(DataverseRequest request)
    {
        var model = EdmModelFactory.Create(request.Org.Schema);
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false) }))
        {
            if (!CsdlWriter.TryWriteCsdl(model, xml, CsdlTarget.OData, out var errors))
            {
                throw new InvalidOperationException("The EDM model cannot be written as CSDL: " + string.Join("; ", errors.Select(e => e.ErrorMessage)));
            }
        }
        var response = request.Http.Response;
        response.StatusCode = 200;
        response.ContentType = "application/xml";
        buffer.Position = 0;
        await buffer.CopyToAsync(response.Body, request.Aborted);
    }
}
