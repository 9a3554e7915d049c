using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace Placement.Matching.Features.Documents;

/// <summary>
/// The fonts of the documents: DejaVu Sans (regular, bold, oblique), embedded in this assembly with its licence
/// (Fonts/LICENSE-DejaVu.txt), so that no system font is needed at run time. Every family asked for resolves to it.
/// </summary>
public sealed class DocumentFonts : IFontResolver
{
    /// <summary>The family the templates ask for.</summary>
    public const string Family = "DejaVu Sans";

    private const string Regular = "DejaVuSans", Bold = "DejaVuSans-Bold", Oblique = "DejaVuSans-Oblique";
    private static readonly Lock Gate = new();
    private static readonly ConcurrentDictionary<string, byte[]> Faces = new(StringComparer.Ordinal);

    /// <summary>
    /// Makes these fonts PDFsharp's, once per process: its <see cref="GlobalFontSettings.FontResolver"/> is process-wide and
    /// may not change once a font was used, so a second call (another host in the same process) leaves it as it is.
    /// </summary>
    public static void Register()
    {
        if (GlobalFontSettings.FontResolver is DocumentFonts) return;
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is DocumentFonts) return;
            if (GlobalFontSettings.FontResolver is not null)
                throw new InvalidOperationException("Un autre résolveur de polices PDFsharp est déjà installé : les documents demandent les polices DejaVu intégrées.");
            GlobalFontSettings.FontResolver = new DocumentFonts();
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        (bold, italic) switch
        {
            (true, true) => new FontResolverInfo(Bold, mustSimulateBold: false, mustSimulateItalic: true),
            (true, false) => new FontResolverInfo(Bold),
            (false, true) => new FontResolverInfo(Oblique),
            _ => new FontResolverInfo(Regular),
        };

    public byte[]? GetFont(string faceName) => faceName is Regular or Bold or Oblique ? Faces.GetOrAdd(faceName, Load) : null;

    private static byte[] Load(string faceName)
    {
        var name = $"Placement.Matching.Documents.Fonts.{faceName}.ttf";
        using var stream = typeof(DocumentFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Police intégrée absente : {name}.");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}
