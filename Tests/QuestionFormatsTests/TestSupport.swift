import Foundation
#if canImport(Glibc)
import Glibc
#endif
@testable import QuestionFormats
import Questions

/// The repository root, found from this file's path (Tests/QuestionFormatsTests/TestSupport.swift).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// Every starter bank in Questions/, parsed by the native format, in file-name order.
func starterBanks() throws -> [(file: String, bank: ParsedBank)] {
    let folder = repositoryRoot.appendingPathComponent("Questions")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
    return try files.map { name in
        let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(name)))
        switch QuestionFiles.parse(bytes, filename: name) {
        case .success(let bank): return (name, bank)
        case .failure(let problems): throw StarterBankError(problems: problems)
        }
    }
}

struct StarterBankError: Error, CustomStringConvertible {
    var problems: [ImportProblem]
    var description: String { problems.map(\.description).joined(separator: "\n") }
}

extension ParsedBank {
    var exported: ExportBank {
        ExportBank(name: name, law: law, description: description, questions: questions.map(\.exported))
    }
}

extension SourceQuestion {
    var exported: ExportQuestion { ExportQuestion(externalId: externalId, content: content, status: status) }
}

extension Result where Success == ParsedBank, Failure == [ImportProblem] {
    var problems: [ImportProblem] {
        if case .failure(let problems) = self { return problems }
        return []
    }

    var bank: ParsedBank? {
        if case .success(let bank) = self { return bank }
        return nil
    }

    /// `file:line` of every problem, for asserting where problems were found.
    var locations: [String] { problems.map(\.location.description) }

    /// True when some problem is at `location` and its reason contains `words`.
    func reports(_ words: String, at location: String) -> Bool {
        problems.contains { $0.location.description == location && $0.reason.contains(words) }
    }
}

/// `text` encoded with iconv, as another program would have saved it.
func encoded(_ text: String, as encoding: String) -> [UInt8] {
    guard let cd = iconv_open(encoding, "UTF-8"), Int(bitPattern: cd) != -1 else { return [] }
    defer { iconv_close(cd) }
    var input = Array(text.utf8)
    var output = [UInt8](repeating: 0, count: input.count * 4 + 16)
    let capacity = output.count
    let produced = input.withUnsafeMutableBytes { inRaw in
        output.withUnsafeMutableBytes { outRaw in
            var inPointer = inRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
            var outPointer = outRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
            var inLeft = inRaw.count, outLeft = outRaw.count
            _ = iconv(cd, &inPointer, &inLeft, &outPointer, &outLeft)
            return capacity - outLeft
        }
    }
    return Array(output.prefix(produced))
}

/// The first bytes of a real PNG image, NUL bytes and all.
let pngBytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
                         0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
                         0x89, 0x00, 0x00, 0x00, 0x0A, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00]

/// A zip archive with stored (uncompressed) entries, for workbooks written by hand.
struct ZipBuilder {
    var entries: [(name: String, data: [UInt8])] = []

    mutating func add(_ name: String, _ text: String) { entries.append((name, Array(text.utf8))) }

    var bytes: [UInt8] {
        var out: [UInt8] = [], central: [UInt8] = []
        for (name, data) in entries {
            let offset = out.count, crc = crc32(data), path = Array(name.utf8)
            let sizes = le32(crc) + le32(data.count) + le32(data.count) + le16(path.count) + le16(0)
            out += le32(0x0403_4B50) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0) + sizes + path + data
            central += le32(0x0201_4B50) + le16(20) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0) + sizes
                + le16(0) + le16(0) + le16(0) + le32(0) + le32(offset) + path
        }
        let directoryOffset = out.count
        return out + central + le32(0x0605_4B50) + le16(0) + le16(0) + le16(entries.count) + le16(entries.count)
            + le32(central.count) + le32(directoryOffset) + le16(0)
    }

    func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
    func le32(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 24 & 0xFF)] }
    func le32(_ v: UInt32) -> [UInt8] { le32(Int(v)) }

    func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
