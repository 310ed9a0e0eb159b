import Foundation
import Questions

/// Turning imported bytes into text, with a located error when they are not text.
enum TextDecoding {
    /// UTF-8 (a BOM is dropped); binary files and other encodings are refused with a reason.
    static func utf8(_ bytes: [UInt8], file: String) -> Result<String, [ImportProblem]> {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if body.contains(0) {
            return .failure([ImportProblem(SourceLocation(file: file, line: 1), "这是二进制文件，不是文本 / this is a binary file, not text")])
        }
        guard let text = String(validating: body, as: UTF8.self) else {
            let line = 1 + validPrefixNewlines(body)
            return .failure([ImportProblem(SourceLocation(file: file, line: line),
                                           "不是 UTF-8 编码 / not valid UTF-8 text (save the file as UTF-8)")])
        }
        return .success(text)
    }

    static func validPrefixNewlines(_ bytes: ArraySlice<UInt8>) -> Int {
        var newlines = 0
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if b < 0x80 { if b == 10 { newlines += 1 }; i += 1; continue }
            let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 0
            guard length > 0, i + length <= bytes.endIndex,
                  String(validating: bytes[i..<(i + length)], as: UTF8.self) != nil else { return newlines }
            i += length
        }
        return newlines
    }
}
