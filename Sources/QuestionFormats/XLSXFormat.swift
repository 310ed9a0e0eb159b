import Foundation
import Questions
import ZIPFoundation

/// The common Chinese question-bank template (see `CSVTemplate`) as an Excel workbook.
///
/// Reading opens the zip, finds the first sheet through xl/workbook.xml and its relationships, and reads
/// xl/sharedStrings.xml and the sheet's cells (shared, inline and formula strings, numbers, booleans). Locations are
/// `file:Sheet1!12`, the sheet's name and row. Writing uses libxlsxwriter: one sheet named after the bank, a bold,
/// frozen header row, every column, text wrapped.
public enum XLSXFormat {
    /// No part of a workbook is unpacked beyond this size, so a small zip cannot expand without bound.
    public static let maxUnpackedBytes = 200 * 1024 * 1024

    /// Reads the first sheet of an .xlsx file; called by `QuestionFiles.parse`. Either every row is read, or every
    /// problem is returned with its row.
    public static func parse(_ bytes: [UInt8], file: String) -> Result<ParsedBank, [ImportProblem]> {
        switch firstSheetRows(bytes, file: file) {
        case .failure(let problems): return .failure(problems)
        case .success(let sheet): return TemplateReader.read(sheet.rows, file: file, sheet: sheet.name)
        }
    }

    /// The first sheet's name and rows (row numbers as Excel shows them); every unreadable cell is a problem.
    static func firstSheetRows(_ bytes: [UInt8], file: String) -> Result<(name: String, rows: [SheetRow]), [ImportProblem]> {
        let origin = SourceLocation(file: file, line: 1)
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            return .failure([ImportProblem(origin, "这是旧版 Excel .xls 文件，请另存为 .xlsx / an old .xls workbook: save it as .xlsx")])
        }
        guard bytes.starts(with: [0x50, 0x4B]), let archive = try? Archive(data: Data(bytes), accessMode: .read, pathEncoding: nil) else {
            return .failure([ImportProblem(origin, "不是 xlsx 文件：无法作为 zip 压缩包打开 / not an xlsx file: it cannot be opened as a zip archive")])
        }
        guard archive["xl/workbook.xml"] != nil else {
            return .failure([ImportProblem(origin, "这是 zip 压缩包，但不是 Excel 工作簿（缺少 xl/workbook.xml）/ "
                + "a zip archive, but not an Excel workbook (no xl/workbook.xml)")])
        }
        do {
            let (sheetName, relationship) = try firstSheet(try unpack(archive, "xl/workbook.xml"))
            var sheetPart = "xl/worksheets/sheet1.xml"
            if let id = relationship, archive["xl/_rels/workbook.xml.rels"] != nil,
               let target = try sheetPath(try unpack(archive, "xl/_rels/workbook.xml.rels"), id: id) {
                sheetPart = target
            }
            let shared = archive["xl/sharedStrings.xml"] == nil ? [] : try sharedStrings(try unpack(archive, "xl/sharedStrings.xml"))
            let (rows, problems) = try cells(try unpack(archive, sheetPart), part: sheetPart, shared: shared)
            guard problems.isEmpty else {
                return .failure(problems.map { ImportProblem(SourceLocation(file: file, line: $0.row, sheet: sheetName), $0.reason) })
            }
            return .success((sheetName, rows))
        } catch {
            return .failure([ImportProblem(origin, error.reason)])
        }
    }

    /// One part of a workbook's bytes, such as `xl/styles.xml`; nil when it cannot be read.
    static func part(_ bytes: [UInt8], _ path: String) -> Data? {
        guard let archive = try? Archive(data: Data(bytes), accessMode: .read, pathEncoding: nil) else { return nil }
        return try? unpack(archive, path)
    }

    /// One part of the workbook, unpacked and checked against its CRC.
    static func unpack(_ archive: Archive, _ path: String) throws(XLSXReadError) -> Data {
        guard let entry = archive[path] else {
            throw XLSXReadError(reason: "xlsx 中缺少 \(path) / \(path) is missing from the workbook")
        }
        let tooLarge = XLSXReadError(reason: "\(path) 解压后超过 \(maxUnpackedBytes / 1024 / 1024) MB / \(path) unpacks to more than "
            + "\(maxUnpackedBytes / 1024 / 1024) MB")
        guard entry.uncompressedSize <= UInt64(maxUnpackedBytes) else { throw tooLarge }
        let corrupt = XLSXReadError(reason: "xlsx 文件已损坏：无法读取 \(path) / the xlsx file is corrupt: \(path) cannot be read")
        var data = Data()
        let checksum: CRC32
        do {
            checksum = try archive.extract(entry) { chunk in
                data.append(chunk)
                if data.count > maxUnpackedBytes { throw tooLarge }
            }
        } catch let error as XLSXReadError {
            throw error
        } catch {
            throw corrupt
        }
        guard checksum == entry.checksum, data.count == Int(entry.uncompressedSize) else { throw corrupt }
        return data
    }

    /// The first sheet's name and relationship id, from xl/workbook.xml.
    static func firstSheet(_ data: Data) throws(XLSXReadError) -> (String, String?) {
        let root = try tree(data, part: "xl/workbook.xml")
        guard let sheet = root.child("sheets")?.child("sheet") else {
            throw XLSXReadError(reason: "工作簿中没有工作表 / the workbook has no sheet")
        }
        let id = sheet.attributes.first { $0.key == "r:id" || $0.key.hasSuffix(":id") }?.value
        return (sheet.attributes["name"] ?? "Sheet1", id)
    }

    /// `worksheets/sheet1.xml` → `xl/worksheets/sheet1.xml`, from xl/_rels/workbook.xml.rels.
    static func sheetPath(_ data: Data, id: String) throws(XLSXReadError) -> String? {
        let root = try tree(data, part: "xl/_rels/workbook.xml.rels")
        guard let target = root.children("Relationship").first(where: { $0.attributes["Id"] == id })?.attributes["Target"] else {
            return nil
        }
        return target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
    }

    static func tree(_ data: Data, part: String) throws(XLSXReadError) -> XMLTreeNode {
        switch XMLTree.parse(data) {
        case .success(let root): return root
        case .failure(let error): throw XLSXReadError(reason: "xlsx 中的 \(part) 第 \(error.line) 行：\(error.reason) / in \(part), line \(error.line)")
        }
    }
}

/// Why a workbook cannot be read at all.
struct XLSXReadError: Error {
    var reason: String
}
