using System.Text.Encodings.Web;
using System.Text.Json;

namespace SalesBridge.Emulator.Protocol;

/// <summary>How the emulator writes JSON: like Dataverse, without escaping quotes, apostrophes or non-ASCII letters.</summary>
public static class JsonOutput
{
    public static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };
}
