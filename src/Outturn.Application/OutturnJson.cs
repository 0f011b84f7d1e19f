using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Outturn.Application;

/// <summary>
/// How Outturn writes JSON for people and programs (the API and the command line): snake_case names, and every enum
/// as its snake_case word ("in_review", "not_started"), so no feature spells status words by hand.
/// </summary>
/// <remarks>Stored documents (a round's published snapshot) keep their own options: changing those would change what was published.</remarks>
public static class OutturnJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
    }

    /// <summary>For the command line: indented, and with text (names, commentary) written as it reads rather than escaped.</summary>
    public static readonly JsonSerializerOptions Indented = Create(o =>
    {
        o.WriteIndented = true;
        o.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
    });

    /// <summary>The word an enum value is written as in JSON, for the few places (CSV, messages) that write it outside JSON.</summary>
    public static string Word<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    private static JsonSerializerOptions Create(Action<JsonSerializerOptions> more)
    {
        var o = new JsonSerializerOptions();
        Configure(o);
        more(o);
        o.MakeReadOnly(populateMissingResolver: true);
        return o;
    }
}
