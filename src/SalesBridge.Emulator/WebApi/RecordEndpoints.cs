using Microsoft.AspNetCore.Http;
using SalesBridge.Emulator.Protocol;
using SalesBridge.Emulator.Query;
using SalesBridge.Emulator.Schema;
using SalesBridge.Emulator.Security;
using SalesBridge.Emulator.Store;

namespace SalesBridge.Emulator.WebApi;

/// <summary>
/// Create, retrieve, update, upsert and delete of one row, with the status codes, headers and precondition
/// rules of "Perform conditional operations using the Web API".
/// </summary>
public static class RecordEndpoints
{
    public static async Task CreateAsync(DataverseRequest request, TableDefinition table)
    {
        var representation = RepresentationQuery(request, table);
        var values = await ReadBodyAsync(request, table);
        var row = request.Org.Store.Write(scope => request.Org.Writer.Create(scope, table, values, request.Caller));
        await WriteWriteResultAsync(request, table, row, created: true, representation);
    }

    public static async Task RetrieveAsync(DataverseRequest request, TableDefinition table, KeyParameters key, string keyText)
    {
        var row = RowLocator.Find(request.Org.Store, table, key, keyText);
        request.Org.Security.DemandOnRow(request.Caller, table, AccessRight.Read, row);
        var ifNoneMatch = request.Http.Request.Headers.IfNoneMatch.ToString();
        // Dataverse never answers 304 when the response could differ for other reasons ($expand, annotations).
        if (ifNoneMatch.Length > 0 && ifNoneMatch == row.ETag && !request.Query.ContainsKey("$expand") && request.Prefer.Annotations.IsEmpty)
        {
            request.Http.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        await SingleRowResponse.WriteAsync(request, table, row, StatusCodes.Status200OK);
    }

    /// <summary>
    /// PATCH: update when the row exists, create it (with the key from the URL) when not — unless
    /// <c>If-Match: *</c> (update only) or <c>If-None-Match: *</c> (create only) says otherwise.
    /// </summary>
    public static async Task UpsertAsync(DataverseRequest request, TableDefinition table, KeyParameters key, string keyText)
    {
        var representation = RepresentationQuery(request, table);
        var values = await ReadBodyAsync(request, table);
        var headers = request.Http.Request.Headers;
        var ifMatch = headers.IfMatch.ToString();
        var ifNoneMatch = headers.IfNoneMatch.ToString();
        var created = false;
        var row = request.Org.Store.Write(scope =>
        {
            var existing = RowLocator.TryFind(request.Org.Store, table, key, keyText);
            if (existing is null)
            {
                if (ifMatch.Length > 0) throw RowLocator.NotFound(table, key, keyText);
                foreach (var (name, value) in RowLocator.KeyValues(table, key, keyText)) values[name] = value;
                created = true;
                return request.Org.Writer.Create(scope, table, values, request.Caller);
            }
            if (ifNoneMatch == "*") throw DataverseErrors.KeyExists();
            if (ifMatch.Length > 0 && ifMatch != "*" && ifMatch != existing.ETag) throw DataverseErrors.VersionMismatch();
            return request.Org.Writer.Update(scope, table, existing, values, request.Caller);
        });
        await WriteWriteResultAsync(request, table, row, created, representation);
    }

    public static Task DeleteAsync(DataverseRequest request, TableDefinition table, KeyParameters key, string keyText)
    {
        var ifMatch = request.Http.Request.Headers.IfMatch.ToString();
        request.Org.Store.Write(scope =>
        {
            var row = RowLocator.Find(request.Org.Store, table, key, keyText);
            if (ifMatch.Length > 0 && ifMatch != "*" && ifMatch != row.ETag) throw DataverseErrors.VersionMismatch();
            request.Org.Writer.Delete(scope, table, row, request.Caller);
            return row;
        });
        request.NoContent();
        return Task.CompletedTask;
    }

    // A bad $select must be refused before anything is written, not after.
    private static SingleRowQuery? RepresentationQuery(DataverseRequest request, TableDefinition table) =>
        request.Prefer.ReturnRepresentation ? SingleRowQuery.Parse(request, table) : null;

    public static async Task<Dictionary<string, object?>> ReadBodyAsync(DataverseRequest request, TableDefinition table)
    {
        using var document = await PayloadReader.ParseBodyAsync(request.Http.Request.Body, request.Aborted);
        return new PayloadReader(request.References, request.Org.Schema).Read(table, document.RootElement);
    }

    /// <summary>
    /// 204 with <c>OData-EntityId</c>; with <c>Prefer: return=representation</c>, the row itself
    /// (201 when created, 200 when updated).
    /// </summary>
    private static Task WriteWriteResultAsync(DataverseRequest request, TableDefinition table, EntityRow row, bool created, SingleRowQuery? representation)
    {
        request.Http.Response.Headers["OData-EntityId"] = request.EntityUrl(table.EntitySetName, row.Id);
        if (!request.Prefer.ReturnRepresentation)
        {
            request.NoContent();
            return Task.CompletedTask;
        }
        request.ApplyPreference("return=representation");
        return SingleRowResponse.WriteAsync(request, table, row, created ? StatusCodes.Status201Created : StatusCodes.Status200OK, representation);
    }
}
