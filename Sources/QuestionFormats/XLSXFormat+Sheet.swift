import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

extension XLSXFormat {
    /// xl/sharedStrings.xml: each `<si>`'s text, rich-text runs joined, phonetic guides (`<rPh>`) left out.
    static func sharedStrings(_ data: Data) throws(XLSXReadError) -> [String] {
        let reader = SharedStringsReader()
        try stream(data, part: "xl/sharedStrings.xml", reader)
        return reader.strings
    }

    /// A sheet's rows with their row numbers, and the cells that point at a shared string that does not exist.
    static func cells(_ data: Data, part: String, shared: [String]) throws(XLSXReadError) -> ([SheetRow], [(row: Int, reason: String)]) {
        let reader = SheetReader(shared: shared)
        try stream(data, part: part, reader)
        return (reader.rows, reader.problems)
    }

    static func stream(_ data: Data, part: String, _ delegate: some XMLParserDelegate) throws(XLSXReadError) {
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        parser.shouldResolveExternalEntities = false
        // On Linux parse() can return true after an error: parserError is what tells.
        guard parser.parse(), parser.parserError == nil else {
            let code = (parser.parserError as NSError?)?.code ?? 0
            throw XLSXReadError(reason: "xlsx 中的 \(part) 第 \(parser.lineNumber) 行：\(XMLTree.describe(code)) / in \(part), line \(parser.lineNumber)")
        }
    }

    /// Excel writes characters XML cannot hold as `_x000D_`; a literal `_x` before four hex digits as `_x005F_x`.
    static func excelUnescaped(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var out = "", rest = Substring(text)
        while let range = rest.range(of: "_x") {
            out += rest[..<range.lowerBound]
            let hex = rest[range.upperBound...].prefix(5)
            if hex.count == 5, hex.last == "_", let code = UInt32(hex.dropLast(), radix: 16), let scalar = UnicodeScalar(code) {
                out.unicodeScalars.append(scalar)
                rest = rest[rest.index(range.upperBound, offsetBy: 5)...]
            } else {
                out += "_x"
                rest = rest[range.upperBound...]
            }
        }
        return out + rest
    }

    /// `C12` → column 2 (zero-based); nil without letters.
    static func column(_ reference: String) -> Int? {
        let letters = reference.prefix { $0.isASCII && $0.isLetter }.uppercased()
        guard !letters.isEmpty, letters.count <= 3 else { return nil }
        return letters.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1
    }
}

func localName(_ name: String) -> Substring { name.split(separator: ":").last ?? Substring(name) }

final class SharedStringsReader: NSObject, XMLParserDelegate {
    var strings: [String] = []
    var current = "", inText = false, inPhonetic = false

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        switch localName(elementName) {
        case "si": current = ""
        case "t": inText = true
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        switch localName(elementName) {
        case "si": strings.append(XLSXFormat.excelUnescaped(current))
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText && !inPhonetic { current += string }
    }
}

final class SheetReader: NSObject, XMLParserDelegate {
    let shared: [String]
    var rows: [SheetRow] = []
    var problems: [(row: Int, reason: String)] = []
    var row = SheetRow(line: 0, cells: [])
    var column = 0, type = "", value = "", inline = ""
    var inValue = false, inText = false, inPhonetic = false

    init(shared: [String]) { self.shared = shared }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        switch localName(elementName) {
        case "row":
            row = SheetRow(line: attributeDict["r"].flatMap { Int($0) } ?? (rows.last?.line ?? 0) + 1, cells: [])
        case "c":
            column = attributeDict["r"].flatMap(XLSXFormat.column) ?? row.cells.count
            type = attributeDict["t"] ?? "n"
            value = ""
            inline = ""
        case "v": inValue = true
        case "t": inText = true
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        switch localName(elementName) {
        case "row": rows.append(row)
        case "c": place(cellText())
        case "v": inValue = false
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue { value += string } else if inText && !inPhonetic { inline += string }
    }

    func cellText() -> String {
        switch type {
        case "s":
            guard let index = Int(value.trimmed), shared.indices.contains(index) else {
                problems.append((row.line, "单元格引用了不存在的共享字符串 \(value) / a cell refers to a missing shared string \(value)"))
                return ""
            }
            return shared[index]
        case "inlineStr": return XLSXFormat.excelUnescaped(inline)
        case "str", "e", "d": return XLSXFormat.excelUnescaped(value)
        case "b": return value == "1" ? "TRUE" : "FALSE"
        default:
            if let number = Double(value), number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
            return value
        }
    }

    /// Cells beyond column 256 are ignored: no template has that many columns.
    func place(_ text: String) {
        guard column < 256 else { return }
        if row.cells.count <= column { row.cells += Array(repeating: "", count: column + 1 - row.cells.count) }
        row.cells[column] = text
    }
}
