using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Placement.Matching.Domain;

namespace Placement.Matching.Features.Documents;

/// <summary>A column of a <see cref="PdfLayout.Table"/>: its header, its share of the width, its alignment.</summary>
internal sealed record PdfColumn(string Header, double Weight, bool Right = false);

/// <summary>
/// The documents' page layout on A4, top to bottom: the letterhead and the title on the first page, then blocks —
/// headings, wrapped paragraphs, label/value fields, tables whose rows flow onto new pages (their header repeated),
/// figures — the signature at the end, and « Page i/n » in every page's footer. Text is wrapped by measuring it.
/// </summary>
internal sealed class PdfLayout : IDisposable
{
    private const double Margin = 50, FooterHeight = 30, LineGap = 1.25;
    private static readonly XColor Ink = XColor.FromArgb(0x1E, 0x1E, 0x1E), Muted = XColor.FromArgb(0x66, 0x66, 0x66), Accent = XColor.FromArgb(0x00, 0x00, 0x91);
    private static readonly XColor Rule = XColor.FromArgb(0xCC, 0xCC, 0xCC), Shade = XColor.FromArgb(0xEE, 0xEE, 0xF4);

    // Fonts are made once the embedded ones are PDFsharp's (DocumentFonts.Register), hence per layout, not static.
    public XFont Body { get; }
    public XFont Strong { get; }
    public XFont Small { get; }
    public XFont SmallStrong { get; }
    public XFont Note { get; }
    private XFont Section { get; }
    private XFont TitleFont { get; }
    private XFont Letter { get; }

    private readonly PdfDocument _document = new();
    private readonly string _title;
    private readonly Letterhead _letterhead;
    private readonly DocumentStamp _stamp;
    private readonly DateOnly _issuedOn;
    private XGraphics? _graphics;
    private double _y;

    /// <param name="title">The document's title, on the first page and in the footers.</param>
    /// <param name="letterhead">The SPIP's letterhead and signatory.</param>
    /// <param name="stamp">The document's number, version and issue.</param>
    /// <param name="issuedOn">The day of <paramref name="stamp"/>'s issue on the service's clocks.</param>
    public PdfLayout(string title, Letterhead letterhead, DocumentStamp stamp, DateOnly issuedOn)
    {
        DocumentFonts.Register();
        Body = new XFont(DocumentFonts.Family, 9.5, XFontStyleEx.Regular);
        Strong = new XFont(DocumentFonts.Family, 9.5, XFontStyleEx.Bold);
        Small = new XFont(DocumentFonts.Family, 8, XFontStyleEx.Regular);
        SmallStrong = new XFont(DocumentFonts.Family, 8, XFontStyleEx.Bold);
        Note = new XFont(DocumentFonts.Family, 8.5, XFontStyleEx.Italic);
        Section = new XFont(DocumentFonts.Family, 11.5, XFontStyleEx.Bold);
        TitleFont = new XFont(DocumentFonts.Family, 17, XFontStyleEx.Bold);
        Letter = new XFont(DocumentFonts.Family, 11, XFontStyleEx.Bold);
        _issuedOn = issuedOn;
        _title = title;
        _letterhead = letterhead;
        _stamp = stamp;
        _document.Info.Title = title;
        _document.Info.Author = letterhead.Name;
        _document.Info.Subject = $"{title} n° {stamp.Number}, version {stamp.Version}";
        _document.Info.Creator = "Placement";
        _document.Info.CreationDate = stamp.IssuedAt.UtcDateTime;
        _document.Info.ModificationDate = stamp.IssuedAt.UtcDateTime;
        NewPage();
        FirstPageHeader();
    }

    private XGraphics G => _graphics!;
    private PdfPage Page => _document.Pages[_document.PageCount - 1];
    private double PageWidth => Page.Width.Point;
    private double Bottom => Page.Height.Point - Margin - FooterHeight;
    private static double Left => Margin;
    public double Width => PageWidth - 2 * Margin;

    /// <summary>The pages so far.</summary>
    public int PageCount => _document.PageCount;

    private static double LineHeight(XFont font) => font.Size * LineGap + 1;

    private void NewPage()
    {
        _graphics?.Dispose();
        var page = _document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        _graphics = XGraphics.FromPdfPage(page);
        _y = Margin;
        if (_document.PageCount == 1) return;
        // The running head of the following pages: who, what, which number.
        G.DrawString($"{_letterhead.Name} — {_title}", Small, new XSolidBrush(Muted), Left, _y, XStringFormats.TopLeft);
        G.DrawString($"N° {_stamp.Number}", Small, new XSolidBrush(Muted), Left + Width, _y, XStringFormats.TopRight);
        _y += LineHeight(Small) + 2;
        G.DrawLine(new XPen(Rule, 0.5), Left, _y, Left + Width, _y);
        _y += 10;
    }

    private void FirstPageHeader()
    {
        var top = _y;
        G.DrawRectangle(new XSolidBrush(Accent), Left, top, 3, 58);
        var x = Left + 10;
        var width = Width * 0.6;
        _y = top;
        foreach (var line in Wrap(_letterhead.Name, Letter, width)) { G.DrawString(line, Letter, new XSolidBrush(Ink), x, _y, XStringFormats.TopLeft); _y += LineHeight(Letter); }
        var lines = _letterhead.AddressLines.Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        if (!string.IsNullOrWhiteSpace(_letterhead.Phone)) lines.Add($"Tél. : {_letterhead.Phone}");
        if (!string.IsNullOrWhiteSpace(_letterhead.Email)) lines.Add($"Courriel : {_letterhead.Email}");
        foreach (var line in lines.SelectMany(l => Wrap(l, Small, width))) { G.DrawString(line, Small, new XSolidBrush(Muted), x, _y, XStringFormats.TopLeft); _y += LineHeight(Small); }
        G.DrawString("RÉPUBLIQUE FRANÇAISE", SmallStrong, new XSolidBrush(Ink), Left + Width, top, XStringFormats.TopRight);
        G.DrawString("Ministère de la Justice", Small, new XSolidBrush(Muted), Left + Width, top + LineHeight(SmallStrong), XStringFormats.TopRight);
        _y = Math.Max(_y, top + 58) + 22;
        foreach (var line in Wrap(_title, TitleFont, Width)) { G.DrawString(line, TitleFont, new XSolidBrush(Accent), Left, _y, XStringFormats.TopLeft); _y += LineHeight(TitleFont); }
        _y += 2;
        G.DrawString($"N° {_stamp.Number} — version {_stamp.Version} — émis le {_issuedOn.ToString("dd/MM/yyyy", French.Culture)}",
            Body, new XSolidBrush(Muted), Left, _y, XStringFormats.TopLeft);
        _y += LineHeight(Body) + 4;
        G.DrawLine(new XPen(Accent, 1), Left, _y, Left + Width, _y);
        _y += 12;
    }

    /// <summary>Room for <paramref name="height"/> points below the cursor, or a new page.</summary>
    public void Need(double height)
    {
        if (_y + height > Bottom) NewPage();
    }

    public void Space(double points) => _y += points;

    /// <summary>A section's heading, kept with at least a few lines of what follows.</summary>
    public void Heading(string text)
    {
        Need(LineHeight(Section) + 4 * LineHeight(Body));
        _y += 6;
        G.DrawString(text, Section, new XSolidBrush(Accent), Left, _y, XStringFormats.TopLeft);
        _y += LineHeight(Section);
        G.DrawLine(new XPen(Rule, 0.5), Left, _y, Left + Width, _y);
        _y += 5;
    }

    /// <summary>Text wrapped to the width (lines break at « \n » too), line by line onto the next page when it must.</summary>
    public void Paragraph(string text, XFont? font = null, double indent = 0, XColor? color = null)
    {
        var f = font ?? Body;
        var brush = new XSolidBrush(color ?? Ink);
        foreach (var line in Wrap(text, f, Width - indent))
        {
            Need(LineHeight(f));
            G.DrawString(line, f, brush, Left + indent, _y, XStringFormats.TopLeft);
            _y += LineHeight(f);
        }
        _y += 3;
    }

    /// <summary>Items with a bullet, each wrapped under itself.</summary>
    public void Bullets(IEnumerable<string> items)
    {
        foreach (var item in items)
        {
            var lines = Wrap(item, Body, Width - 14);
            for (var i = 0; i < lines.Count; i++)
            {
                Need(LineHeight(Body));
                if (i == 0) G.DrawString("•", Strong, new XSolidBrush(Accent), Left + 3, _y, XStringFormats.TopLeft);
                G.DrawString(lines[i], Body, new XSolidBrush(Ink), Left + 14, _y, XStringFormats.TopLeft);
                _y += LineHeight(Body);
            }
            _y += 1.5;
        }
        _y += 2;
    }

    /// <summary>« Label : value » lines, the labels in a column; a blank value prints « — ».</summary>
    public void Fields(params (string Label, string? Value)[] fields)
    {
        const double labelWidth = 165;
        foreach (var (label, value) in fields)
        {
            var labels = Wrap(label, Strong, labelWidth - 8);
            var values = Wrap(string.IsNullOrWhiteSpace(value) ? "—" : value, Body, Width - labelWidth);
            var rows = Math.Max(labels.Count, values.Count);
            Need(Math.Min(rows, 3) * LineHeight(Body));
            for (var i = 0; i < rows; i++)
            {
                Need(LineHeight(Body));
                if (i < labels.Count) G.DrawString(labels[i], Strong, new XSolidBrush(Ink), Left, _y, XStringFormats.TopLeft);
                if (i < values.Count) G.DrawString(values[i], Body, new XSolidBrush(Ink), Left + labelWidth, _y, XStringFormats.TopLeft);
                _y += LineHeight(Body);
            }
            _y += 1.5;
        }
        _y += 3;
    }

    /// <summary>A table: a shaded header, rows wrapped in their cells, onto new pages with the header again.</summary>
    public void Table(IReadOnlyList<PdfColumn> columns, IEnumerable<IReadOnlyList<string>> rows, string? empty = null)
    {
        const double pad = 3;
        var total = columns.Sum(c => c.Weight);
        var widths = columns.Select(c => Width * c.Weight / total).ToArray();
        var list = rows.ToList();
        if (list.Count == 0)
        {
            if (empty is not null) Paragraph(empty, Note, color: Muted);
            return;
        }
        void Header()
        {
            var cells = columns.Select((c, i) => Wrap(c.Header, SmallStrong, widths[i] - 2 * pad)).ToList();
            var height = cells.Max(c => c.Count) * LineHeight(SmallStrong) + 2 * pad;
            G.DrawRectangle(new XSolidBrush(Shade), Left, _y, Width, height);
            Cells(cells, SmallStrong, height);
        }
        void Cells(List<List<string>> cells, XFont font, double height)
        {
            var x = Left;
            for (var i = 0; i < cells.Count; i++)
            {
                var y = _y + pad;
                foreach (var line in cells[i])
                {
                    if (columns[i].Right) G.DrawString(line, font, new XSolidBrush(Ink), x + widths[i] - pad, y, XStringFormats.TopRight);
                    else G.DrawString(line, font, new XSolidBrush(Ink), x + pad, y, XStringFormats.TopLeft);
                    y += LineHeight(font);
                }
                x += widths[i];
            }
            _y += height;
            G.DrawLine(new XPen(Rule, 0.5), Left, _y, Left + Width, _y);
        }
        Need(3 * LineHeight(Small) + 4 * pad);
        Header();
        foreach (var row in list)
        {
            var cells = row.Select((text, i) => Wrap(text, Small, widths[i] - 2 * pad)).ToList();
            var height = cells.Max(c => c.Count) * LineHeight(Small) + 2 * pad;
            if (_y + height > Bottom)
            {
                NewPage();
                Header();
            }
            Cells(cells, Small, height);
        }
        _y += 8;
    }

    /// <summary>A drawing of <paramref name="height"/> points across the width (a new page if it does not fit).</summary>
    public void Figure(double height, Action<XGraphics, XRect> draw)
    {
        Need(height);
        draw(G, new XRect(Left, _y, Width, height));
        _y += height + 8;
    }

    /// <summary>The signature block, then the footers; the PDF's bytes.</summary>
    public byte[] Finish()
    {
        Need(90);
        _y += 18;
        var x = Left + Width * 0.55;
        G.DrawString($"Fait le {French.Date(_issuedOn)}", Body, new XSolidBrush(Ink), x, _y, XStringFormats.TopLeft);
        _y += LineHeight(Body) + 4;
        foreach (var line in Wrap(_letterhead.SignatoryTitle, Body, Width * 0.45)) { G.DrawString(line, Body, new XSolidBrush(Ink), x, _y, XStringFormats.TopLeft); _y += LineHeight(Body); }
        _y += 26;
        G.DrawString(_letterhead.SignatoryName, Strong, new XSolidBrush(Ink), x, _y, XStringFormats.TopLeft);
        _graphics?.Dispose();
        _graphics = null;

        var count = _document.PageCount;
        for (var i = 0; i < count; i++)
        {
            var page = _document.Pages[i];
            using var g = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var y = page.Height.Point - Margin - FooterHeight + 14;
            g.DrawLine(new XPen(Rule, 0.5), Left, y, page.Width.Point - Margin, y);
            g.DrawString($"{_title} — N° {_stamp.Number} — version {_stamp.Version}", Small, new XSolidBrush(Muted), Left, y + 4, XStringFormats.TopLeft);
            g.DrawString($"Page {i + 1}/{count}", Small, new XSolidBrush(Muted), page.Width.Point - Margin, y + 4, XStringFormats.TopRight);
        }
        using var bytes = new MemoryStream();
        _document.Save(bytes, false);
        return bytes.ToArray();
    }

    /// <summary>Lines of <paramref name="text"/> within <paramref name="width"/>: at spaces, or inside a word too long for a line.</summary>
    public List<string> Wrap(string text, XFont font, double width) => Wrap(G, text, font, width);

    private static List<string> Wrap(XGraphics g, string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in (text ?? "").Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (g.MeasureString(candidate, font).Width <= width) { line = candidate; continue; }
                if (line.Length > 0) lines.Add(line);
                line = word;
                while (line.Length > 1 && g.MeasureString(line, font).Width > width)
                {
                    var cut = line.Length - 1;
                    while (cut > 1 && g.MeasureString(line[..cut], font).Width > width) cut--;
                    lines.Add(line[..cut]);
                    line = line[cut..];
                }
            }
            lines.Add(line);
        }
        return lines;
    }

    public void Dispose()
    {
        _graphics?.Dispose();
        _document.Dispose();
    }
}
