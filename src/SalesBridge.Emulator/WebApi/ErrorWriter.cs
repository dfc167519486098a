using System.Text.Json;
using Microsoft.AspNetCore.Http;
using SalesBridge.Emulator.Protocol;

namespace SalesBridge.Emulator.WebApi;

/// <summary>Writes Dataverse's error body: <c>{"error":{"code":"0x...","message":"..."}}</c>.</summary>
public static class ErrorWriter
{
    public static async Task WriteAsync(HttpContext http, DataverseFault fault)
    {
        var response = http.Response;
        response.StatusCode = fault.Status;
        foreach (var (name, value) in fault.Headers) response.Headers[name] = value;
        response.ContentType = "application/json; odata.metadata=minimal";
        await using var writer = new Utf8JsonWriter(response.Body, JsonOutput.Options);
        writer.WriteStartObject();
        writer.WriteStartObject("error");
        writer.WriteString("code", fault.Code);
        writer.WriteString("message", fault.Message);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
