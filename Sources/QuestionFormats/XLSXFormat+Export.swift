import CXLSXWriter
import Foundation
import Questions

/// Why a workbook could not be written.
public struct XLSXExportError: Error, CustomStringConvertible {
    /// What went wrong, in Chinese and English.
    public var description: String
}

extension XLSXFormat {
    /// Writes a bank as an .xlsx workbook in the template's layout; parsing the output gives the same questions.
    /// libxlsxwriter writes to a temporary file, which is read back and deleted. Throws when a cell is longer than
    /// Excel allows (32,767 characters) or the file cannot be written.
    public static func export(_ bank: ExportBank) throws -> [UInt8] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pufa-export-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        guard let workbook = workbook_new(url.path) else {
            throw XLSXExportError(description: "无法创建工作簿 / cannot create the workbook at \(url.path)")
        }
        var failure: String?
        if let sheet = workbook_add_worksheet(workbook, sheetName(bank.name)) {
            failure = write(bank, to: sheet, in: workbook)
        } else {
            failure = "无法添加工作表 / cannot add a worksheet"
        }
        let closed = workbook_close(workbook)
        if let failure { throw XLSXExportError(description: failure) }
        guard closed == LXW_NO_ERROR else {
            throw XLSXExportError(description: "无法写入工作簿 / cannot write the workbook: " + String(cString: lxw_strerror(closed)))
        }
        return Array(try Data(contentsOf: url))
    }

    /// The header and one row per question; the first failure, if any.
    static func write(_ bank: ExportBank, to sheet: UnsafeMutablePointer<lxw_worksheet>,
                      in workbook: UnsafeMutablePointer<lxw_workbook>) -> String? {
        let bold = workbook_add_format(workbook), wrap = workbook_add_format(workbook)
        format_set_bold(bold)
        format_set_text_wrap(wrap)
        format_set_align(wrap, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        let columns = CSVTemplate.columns(for: bank)
        for (i, column) in columns.enumerated() {
            worksheet_set_column(sheet, lxw_col_t(i), lxw_col_t(i), column.width, nil)
            worksheet_write_string(sheet, 0, lxw_col_t(i), column.header, bold)
        }
        worksheet_freeze_panes(sheet, 1, 0)
        for (r, q) in bank.questions.enumerated() {
            for (i, (column, text)) in zip(columns, CSVTemplate.cells(q, columns: columns)).enumerated() where !text.isEmpty {
                let row = lxw_row_t(r + 1), col = lxw_col_t(i)
                let status: lxw_error
                if column == .difficulty || column == .points, let number = Int(text) {
                    status = worksheet_write_number(sheet, row, col, Double(number), wrap)
                } else {
                    status = worksheet_write_string(sheet, row, col, excelEscaped(text), wrap)
                }
                if status != LXW_NO_ERROR {
                    return "第 \(r + 2) 行「\(column.header)」无法写入 / row \(r + 2), \(column.header): " + String(cString: lxw_strerror(status))
                }
            }
        }
        return nil
    }

    /// A literal `_x0041_` written as `_x005F_x0041_`, so that Excel (and `excelUnescaped`) does not read it as "A".
    static func excelEscaped(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var out = "", rest = Substring(text)
        while let range = rest.range(of: "_x") {
            out += rest[..<range.lowerBound]
            let hex = rest[range.upperBound...].prefix(5)
            let looksEscaped = hex.count == 5 && hex.last == "_" && hex.dropLast().allSatisfy(\.isHexDigit)
            out += looksEscaped ? "_x005F_x" : "_x"
            rest = rest[range.upperBound...]
        }
        return out + rest
    }

    /// Excel's rules for sheet names: at most 31 characters, none of `[]:*?/\`, no apostrophe at either end.
    static func sheetName(_ bank: String) -> String {
        var name = String(bank.filter { !"[]:*?/\\".contains($0) && !$0.isNewline }.prefix(31))
        while name.hasPrefix("'") { name.removeFirst() }
        while name.hasSuffix("'") { name.removeLast() }
        return name.trimmed.isEmpty ? "Sheet1" : name
    }
}
