using System.Text.Encodings.Web;
using System.Text.Json;

namespace Placement.Web.Features.Shared;

/// <summary>Data for a page's scripts, written inside a <c>&lt;script type="application/json"&gt;</c> element.</summary>
public static class ScriptJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        // Inside a <script> element: « < » and « & » must never be written as such.
        Encoder = JavaScriptEncoder.Default,
    };

    public static string Serialize(object value) => JsonSerializer.Serialize(value, Options);
}
