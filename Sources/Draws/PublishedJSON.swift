import Foundation

extension DrawRules {
    /// Reads a published `rules.json`. Any JSON layout is read, but only the canonical bytes
    /// (``canonicalJSON()``) hash to the commitment; ``DrawPublication/verify(publicValue:)`` reports a file that
    /// is not canonical. Throws with the line of a syntax error, or names a missing or mistyped field.
    public static func decode(json bytes: [UInt8], file: String) throws(DrawFileError) -> DrawRules {
        try PublishedJSON.decode(DrawRules.self, from: bytes, file: file)
    }
}

extension DrawResult {
    /// The published `result.json`: JSON with sorted keys, indented two spaces, "/" not escaped, ending in LF.
    /// Its layout is not hashed by anyone; verifiers compare its fields.
    public func publishedJSON() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // Strings, integers, arrays and nested structs only: encoding cannot fail.
        return String(decoding: try! encoder.encode(self), as: UTF8.self) + "\n"
    }

    /// Reads a published `result.json` (any JSON layout). Throws like ``DrawRules/decode(json:file:)``.
    public static func decode(json bytes: [UInt8], file: String) throws(DrawFileError) -> DrawResult {
        try PublishedJSON.decode(DrawResult.self, from: bytes, file: file)
    }
}

/// JSONDecoder with its errors turned into `file:line: reason` a member of the public can act on.
enum PublishedJSON {
    static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8], file: String) throws(DrawFileError) -> T {
        guard bytes.contains(where: { !isJSONWhiteSpace($0) }) else {
            throw DrawFileError(file: file, line: 1, reason: "the file is empty; expected a JSON object")
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw describe(error, bytes: bytes, file: file)
        } catch {
            throw DrawFileError(file: file, line: 1, reason: "cannot read the JSON: \(error)")
        }
    }

    private static func describe(_ error: DecodingError, bytes: [UInt8], file: String) -> DrawFileError {
        func at(_ line: Int, _ reason: String) -> DrawFileError { DrawFileError(file: file, line: line, reason: reason) }
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            let (line, detail) = syntaxError(in: bytes)
            return at(line, "not valid JSON" + (detail.map { ": \($0)" } ?? ""))
        case .dataCorrupted(let context):
            return at(1, "field \"\(path(context.codingPath))\": \(context.debugDescription)")
        case .keyNotFound(let key, let context):
            return at(1, "missing field \"\(path(context.codingPath + [key]))\"")
        case .valueNotFound(_, let context):
            return at(1, "field \"\(path(context.codingPath))\" is null")
        case .typeMismatch(let type, let context) where context.codingPath.isEmpty:
            return at(1, "expected \(kind(type)) at the top level")
        case .typeMismatch(let type, let context):
            return at(1, "field \"\(path(context.codingPath))\" should be \(kind(type))")
        @unknown default:
            return at(1, "\(error)")
        }
    }

    /// The line of a syntax error and Foundation's words for it. JSONDecoder gives no position, so the bytes are
    /// parsed again with JSONSerialization, whose message carries a byte offset ("around character 11").
    private static func syntaxError(in bytes: [UInt8]) -> (line: Int, detail: String?) {
        let lastLine = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).count
        do {
            _ = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
            return (1, nil)
        } catch {
            let message = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
            guard let message else { return (1, nil) }
            if message.lowercased().contains("end of file") { return (lastLine, message) }
            guard let range = message.range(of: "character "),
                  let offset = Int(message[range.upperBound...].prefix(while: \.isNumber)) else { return (1, message) }
            let line = bytes.prefix(offset).lazy.filter { $0 == UInt8(ascii: "\n") }.count + 1
            return (min(line, lastLine), message)
        }
    }

    /// `seed.issue`, `prizes[0].count`, `winners[2].entryId`.
    private static func path(_ keys: [any CodingKey]) -> String {
        var out = ""
        for key in keys {
            if let index = key.intValue {
                out += "[\(index)]"
            } else {
                out += (out.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return out
    }

    private static func kind(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type: return "a whole number"
        case is [Any].Type: return "a list"
        case is [String: Any].Type: return "an object"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Dictionary") { return "an object" }
            if name.hasPrefix("Array") { return "a list" }
            return name
        }
    }

    private static func isJSONWhiteSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
