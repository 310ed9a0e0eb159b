import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Questions

extension TextDecoding {
    /// Decodes a CSV the way spreadsheets save it: UTF-8 with or without a BOM, UTF-16 with a BOM ("Unicode text"),
    /// or GB18030/GBK, which Excel on Chinese Windows writes for "CSV (逗号分隔)". Binary files and text in any
    /// other encoding are refused with the line where decoding went wrong. Called by `QuestionFiles.parse`.
    static func spreadsheetText(_ bytes: [UInt8], file: String) -> Result<String, [ImportProblem]> {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return utf16(bytes, file: file) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.contains(0) { return utf8(bytes, file: file) }
        if let text = String(validating: bytes, as: UTF8.self) { return .success(text) }
        return gb18030(bytes, file: file)
    }

    static func utf16(_ bytes: [UInt8], file: String) -> Result<String, [ImportProblem]> {
        let little = bytes[0] == 0xFF
        let units = stride(from: 2, to: bytes.count - 1, by: 2).map { i in
            little ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1])
        }
        guard bytes.count % 2 == 0, let text = String(validating: units, as: UTF16.self) else {
            let line = 1 + units.prefix { !UTF16.isSurrogate($0) }.filter { $0 == 10 }.count
            return .failure([ImportProblem(SourceLocation(file: file, line: line), "不是有效的 UTF-16 文本 / not valid UTF-16 text")])
        }
        if text.unicodeScalars.contains("\0") {
            return .failure([ImportProblem(SourceLocation(file: file, line: 1), "这是二进制文件，不是文本 / this is a binary file, not text")])
        }
        return .success(text)
    }

    /// GB18030 through iconv; text that decodes but does not look like Chinese (Shift-JIS, Big5, random bytes
    /// often decode as rare GBK characters) is refused rather than imported as mojibake.
    static func gb18030(_ bytes: [UInt8], file: String) -> Result<String, [ImportProblem]> {
        let unknown = "文件编码无法识别：既不是 UTF-8，也不是 GB18030/GBK 中文，请另存为“CSV UTF-8” / "
            + "unrecognised encoding: neither UTF-8 nor GB18030 Chinese; save the file as CSV UTF-8"
        switch iconvDecode(bytes, from: "GB18030") {
        case .failure(let failure):
            return .failure([ImportProblem(SourceLocation(file: file, line: 1 + newlines(in: bytes.prefix(failure.offset))), unknown)])
        case .success(let text):
            if let offset = firstImplausibleChinese(bytes) {
                return .failure([ImportProblem(SourceLocation(file: file, line: 1 + newlines(in: bytes.prefix(offset))), unknown)])
            }
            return .success(text)
        }
    }

    /// Converts bytes to a String with iconv; on failure, the offset of the first byte it could not convert.
    static func iconvDecode(_ bytes: [UInt8], from encoding: String) -> Result<String, IconvFailure> {
        guard let cd = iconv_open("UTF-8", encoding), Int(bitPattern: cd) != -1 else { return .failure(IconvFailure(offset: 0)) }
        defer { iconv_close(cd) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        let outputCount = output.count
        let (status, consumed, produced) = input.withUnsafeMutableBytes { inRaw in
            output.withUnsafeMutableBytes { outRaw in
                var inPointer = inRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outPointer = outRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = inRaw.count, outLeft = outRaw.count
                let status = iconv(cd, &inPointer, &inLeft, &outPointer, &outLeft)
                return (status, inRaw.count - inLeft, outputCount - outLeft)
            }
        }
        guard status != -1 else { return .failure(IconvFailure(offset: consumed)) }
        return .success(String(decoding: output.prefix(produced), as: UTF8.self))
    }

    struct IconvFailure: Error { var offset: Int }

    /// The offset of the first double-byte character in a GB18030 text that is outside GB2312's hanzi and symbols,
    /// when fewer than 80% are inside: real Chinese text is almost all GB2312, mis-decoded text is mostly not.
    static func firstImplausibleChinese(_ bytes: [UInt8]) -> Int? {
        var common = 0, total = 0, firstRare: Int?
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let width = i + 1 < bytes.count && (0x30...0x39).contains(bytes[i + 1]) ? 4 : 2
            total += 1
            if width == 2, (0xA1...0xF7).contains(b), i + 1 < bytes.count, (0xA1...0xFE).contains(bytes[i + 1]) {
                common += 1
            } else if firstRare == nil {
                firstRare = i
            }
            i += width
        }
        return total > 0 && Double(common) < 0.8 * Double(total) ? firstRare : nil
    }

    static func newlines(in bytes: ArraySlice<UInt8>) -> Int { bytes.filter { $0 == 10 }.count }

    /// A bank's name from its file name: the last path component without `.gift.txt`, `.csv`, `.xlsx`….
    static func bankName(fromFile file: String) -> String {
        var name = Substring(file.split(separator: "/").last ?? Substring(file))
        for suffix in [".txt", ".gift", ".xml", ".csv", ".xlsx", ".yaml", ".yml"] where name.lowercased().hasSuffix(suffix) {
            name = name.dropLast(suffix.count)
        }
        return name.isEmpty ? file : String(name)
    }
}
