/// What an uploaded image is, judged by its bytes, never by its name or the declared type.
public struct ImageInfo: Sendable, Equatable {
    public var mime: String
    public var ext: String
    public var width: Int
    public var height: Int
}

/// Checks an upload for teaching material: PNG, JPEG, GIF or WebP only (no SVG: it can carry script), at most
/// 2 MiB, sides of 1–8,000 pixels, and a declared type (if any) that agrees with the bytes.
public enum ImageCheck {
    public static let maxBytes = 2 << 20
    public static let maxSide = 8_000

    public static func check(_ bytes: [UInt8], declared: String?) -> Result<ImageInfo, ContentError> {
        guard !bytes.isEmpty else { return .failure(.invalid(["图片是空文件 / the image is empty"])) }
        guard bytes.count <= maxBytes else {
            return .failure(.invalid(["图片不能超过 2 MB / the image is larger than 2 MB"]))
        }
        guard let info = sniff(bytes) else {
            return .failure(.invalid(["只接受 PNG、JPEG、GIF 或 WebP 图片 / only PNG, JPEG, GIF or WebP images"]))
        }
        if let declared, declared.hasPrefix("image/"), declared != info.mime && !(declared == "image/jpg" && info.mime == "image/jpeg") {
            return .failure(.invalid(["文件内容是 \(info.mime)，与声明的 \(declared) 不符 / the bytes are \(info.mime), not \(declared)"]))
        }
        guard (1...maxSide).contains(info.width), (1...maxSide).contains(info.height) else {
            return .failure(.invalid(["图片尺寸应在 1–\(maxSide) 像素之间 / each side must be 1–\(maxSide) pixels"]))
        }
        return .success(info)
    }

    /// The type and size from the header bytes, or nil when it is none of the four formats (or is truncated).
    public static func sniff(_ b: [UInt8]) -> ImageInfo? {
        if b.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), b.count >= 24, Array(b[12..<16]) == Array("IHDR".utf8) {
            return ImageInfo(mime: "image/png", ext: "png", width: be32(b, 16), height: be32(b, 20))
        }
        if b.starts(with: Array("GIF87a".utf8)) || b.starts(with: Array("GIF89a".utf8)), b.count >= 10 {
            return ImageInfo(mime: "image/gif", ext: "gif", width: Int(b[6]) | Int(b[7]) << 8, height: Int(b[8]) | Int(b[9]) << 8)
        }
        if b.starts(with: [0xFF, 0xD8, 0xFF]) { return jpeg(b) }
        if b.count >= 30, b.starts(with: Array("RIFF".utf8)), Array(b[8..<12]) == Array("WEBP".utf8) { return webp(b) }
        return nil
    }

    /// JPEG: walk the segments to the first start-of-frame marker, which holds the size.
    static func jpeg(_ b: [UInt8]) -> ImageInfo? {
        var i = 2
        while i + 9 < b.count {
            guard b[i] == 0xFF else { return nil }
            let marker = b[i + 1]
            if marker == 0xFF { i += 1; continue }
            let length = Int(b[i + 2]) << 8 | Int(b[i + 3])
            let isFrame = (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker)
            if isFrame {
                return ImageInfo(mime: "image/jpeg", ext: "jpg", width: Int(b[i + 7]) << 8 | Int(b[i + 8]),
                                 height: Int(b[i + 5]) << 8 | Int(b[i + 6]))
            }
            guard length >= 2 else { return nil }
            i += 2 + length
        }
        return nil
    }

    /// WebP: lossy (VP8), lossless (VP8L) or extended (VP8X) chunk headers.
    static func webp(_ b: [UInt8]) -> ImageInfo? {
        let chunk = String(decoding: b[12..<16], as: UTF8.self)
        switch chunk {
        case "VP8 " where b[23] == 0x9D && b[24] == 0x01 && b[25] == 0x2A:
            return ImageInfo(mime: "image/webp", ext: "webp", width: (Int(b[26]) | Int(b[27]) << 8) & 0x3FFF,
                             height: (Int(b[28]) | Int(b[29]) << 8) & 0x3FFF)
        case "VP8L" where b[20] == 0x2F:
            let bits = Int(b[21]) | Int(b[22]) << 8 | Int(b[23]) << 16 | Int(b[24]) << 24
            return ImageInfo(mime: "image/webp", ext: "webp", width: (bits & 0x3FFF) + 1, height: ((bits >> 14) & 0x3FFF) + 1)
        case "VP8X":
            return ImageInfo(mime: "image/webp", ext: "webp", width: le24(b, 24) + 1, height: le24(b, 27) + 1)
        default: return nil
        }
    }

    static func be32(_ b: [UInt8], _ i: Int) -> Int { Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3]) }
    static func le24(_ b: [UInt8], _ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 | Int(b[i + 2]) << 16 }
}
