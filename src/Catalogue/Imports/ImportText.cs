using System.Text;

namespace Placement.Catalogue.Imports;

/// <summary>The two formats of an import file.</summary>
public enum ImportFormat { Csv, Json }

/// <summary>
/// What an import file's bytes say: UTF-8 with or without BOM, or Windows-1252 as French office software exports it (bytes
/// that are not UTF-8); JSON when it starts with « [ » (or is named .json), CSV otherwise, separated by « ; » or « , » —
/// whichever the header line holds more of.
/// </summary>
public static class ImportText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static ImportText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return Encoding.UTF8.GetString(bytes[3..]);
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1252).GetString(bytes);
        }
    }

    public static ImportFormat FormatOf(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        return fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || text.TrimStart().StartsWith('[') ? ImportFormat.Json : ImportFormat.Csv;
    }

    public static char SeparatorOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var header = text.AsSpan(0, text.IndexOfAny(['\r', '\n']) is var end and >= 0 ? end : text.Length);
        return header.Count(',') > header.Count(';') ? ',' : ';';
    }
}
