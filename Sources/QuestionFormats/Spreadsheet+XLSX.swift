import CXLSXWriter
import Foundation

extension Spreadsheet {
    /// One cell of a written workbook: text, a number, or a fraction shown as a percentage (0.985 → 98.5%).
    public enum Cell: Sendable, Equatable, ExpressibleByStringLiteral {
        case text(String)
        case number(Double)
        case percent(Double)
        case empty

        public init(stringLiteral value: String) { self = .text(value) }
    }

    /// A sheet to write: a bold, frozen header row, then the rows; `widths` in characters per column (optional).
    public struct Sheet: Sendable {
        public var name: String
        public var header: [String]
        public var rows: [[Cell]]
        public var widths: [Double]

        public init(name: String, header: [String], rows: [[Cell]], widths: [Double] = []) {
            self.name = name
            self.header = header
            self.rows = rows
            self.widths = widths
        }
    }

    /// Writes sheets as an .xlsx workbook with libxlsxwriter (reports, roster templates). Text that looks like a
    /// formula is written as text, never evaluated. Throws when a cell is longer than Excel allows or the file
    /// cannot be written.
    public static func xlsx(_ sheets: [Sheet]) throws -> [UInt8] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pufa-sheet-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        guard let workbook = workbook_new(url.path) else {
            throw XLSXExportError(description: "无法创建工作簿 / cannot create the workbook at \(url.path)")
        }
        let formats = Formats(workbook)
        var failure: String?
        var used: Set<String> = []
        for sheet in sheets where failure == nil {
            var name = XLSXFormat.sheetName(sheet.name)
            while used.contains(name.lowercased()) { name = String(name.prefix(28)) + "_\(used.count + 1)" }
            used.insert(name.lowercased())
            guard let worksheet = workbook_add_worksheet(workbook, name) else {
                failure = "无法添加工作表 / cannot add a worksheet"
                break
            }
            failure = write(sheet, to: worksheet, formats)
        }
        let closed = workbook_close(workbook)
        if let failure { throw XLSXExportError(description: failure) }
        guard closed == LXW_NO_ERROR else {
            throw XLSXExportError(description: "无法写入工作簿 / cannot write the workbook: " + String(cString: lxw_strerror(closed)))
        }
        return Array(try Data(contentsOf: url))
    }

    struct Formats {
        let bold, percent: UnsafeMutablePointer<lxw_format>?

        init(_ workbook: UnsafeMutablePointer<lxw_workbook>) {
            bold = workbook_add_format(workbook)
            format_set_bold(bold)
            percent = workbook_add_format(workbook)
            format_set_num_format(percent, "0.0%")
        }
    }

    static func write(_ sheet: Sheet, to worksheet: UnsafeMutablePointer<lxw_worksheet>, _ formats: Formats) -> String? {
        for (i, title) in sheet.header.enumerated() {
            let width = i < sheet.widths.count ? sheet.widths[i] : max(10, Double(title.count) * 2.2)
            worksheet_set_column(worksheet, lxw_col_t(i), lxw_col_t(i), width, nil)
            worksheet_write_string(worksheet, 0, lxw_col_t(i), title, formats.bold)
        }
        worksheet_freeze_panes(worksheet, 1, 0)
        for (r, cells) in sheet.rows.enumerated() {
            for (c, cell) in cells.enumerated() {
                let row = lxw_row_t(r + 1), col = lxw_col_t(c)
                let status: lxw_error
                switch cell {
                case .text(let text): status = worksheet_write_string(worksheet, row, col, XLSXFormat.excelEscaped(text), nil)
                case .number(let value): status = worksheet_write_number(worksheet, row, col, value, nil)
                case .percent(let value): status = worksheet_write_number(worksheet, row, col, value, formats.percent)
                case .empty: status = LXW_NO_ERROR
                }
                if status != LXW_NO_ERROR {
                    return "工作表「\(sheet.name)」第 \(r + 2) 行无法写入 / sheet \(sheet.name), row \(r + 2): "
                        + String(cString: lxw_strerror(status))
                }
            }
        }
        return nil
    }
}
