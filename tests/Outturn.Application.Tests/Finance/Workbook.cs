using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Outturn.Application.Tests.Finance;

/// <summary>Writes a one-sheet .xlsx: text cells as inline strings, numbers as numbers.</summary>
public static class Workbook
{
    public static void Write(string path, IEnumerable<object?[]> rows)
    {
        using var doc = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var book = doc.AddWorkbookPart();
        book.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook();
        var sheetPart = book.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        uint r = 1;
        foreach (var values in rows)
        {
            var row = new Row { RowIndex = r };
            for (var c = 0; c < values.Length; c++)
            {
                var reference = $"{(char)('A' + c)}{r}";
                row.Append(values[c] switch
                {
                    null => new Cell { CellReference = reference },
                    decimal or int => new Cell { CellReference = reference, CellValue = new CellValue(Convert.ToDecimal(values[c])), DataType = CellValues.Number },
                    _ => new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(values[c]!.ToString()!)) },
                });
            }
            data.Append(row);
            r++;
        }
        sheetPart.Worksheet = new Worksheet(data);
        book.Workbook.AppendChild(new Sheets(new Sheet { Id = book.GetIdOfPart(sheetPart), SheetId = 1, Name = "Ledger" }));
        book.Workbook.Save();
    }
}
