using System.Text;
using Microsoft.AspNetCore.Mvc;
using MiniExcelLibs;
using MiniExcelLibs.Csv;
using Placement.Catalogue.Imports;

namespace Placement.Web.Features.Shared;

/// <summary>
/// Tables as the spreadsheets coordinators open, written by MiniExcel: <c>.xlsx</c>, and CSV as French office software
/// reads it (semicolons, UTF-8 with a byte-order mark). Each row maps French column names to values; text from data that
/// would start a formula is written behind a quote (<see cref="SpreadsheetCells"/>), numbers stay numbers.
/// </summary>
public static class SpreadsheetExports
{
    private static readonly byte[] Bom = Encoding.UTF8.GetPreamble();

    public static FileContentResult Xlsx(IReadOnlyList<IDictionary<string, object?>> rows, string name)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(AsText(rows), excelType: ExcelType.XLSX);
        return new FileContentResult(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") { FileDownloadName = name + ".xlsx" };
    }

    public static FileContentResult CsvFile(IReadOnlyList<IDictionary<string, object?>> rows, string name)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(AsText(rows), excelType: ExcelType.CSV, configuration: new CsvConfiguration { Seperator = ';' });
        var bytes = stream.ToArray();
        if (!bytes.AsSpan().StartsWith(Bom)) bytes = [.. Bom, .. bytes];
        return new FileContentResult(bytes, "text/csv; charset=utf-8") { FileDownloadName = name + ".csv" };
    }

    private static List<Dictionary<string, object?>> AsText(IReadOnlyList<IDictionary<string, object?>> rows) =>
        [.. rows.Select(row => row.ToDictionary(c => c.Key, c => c.Value is string text ? SpreadsheetCells.ForExport(text) : c.Value, StringComparer.Ordinal))];
}
