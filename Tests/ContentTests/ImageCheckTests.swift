import Content
import Testing

/// Minimal headers of each accepted format (enough bytes for the size fields).
enum Images {
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        + [0, 0, 0x01, 0x40, 0, 0, 0, 0xF0, 8, 2, 0, 0, 0]   // 320 × 240
    static let gif: [UInt8] = Array("GIF89a".utf8) + [0x10, 0x00, 0x20, 0x00, 0, 0, 0]   // 16 × 32
    static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x4A, 0x46,           // APP0, length 4
                                0xFF, 0xC0, 0x00, 0x11, 0x08, 0x01, 0xE0, 0x02, 0x80, 0x03, 0, 0, 0, 0]   // SOF0 640 × 480
    static let webpLossless: [UInt8] = Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBPVP8L".utf8) + [0, 0, 0, 0, 0x2F]
        + [0x63, 0xC0, 0x0F, 0x00] + Array(repeating: 0, count: 6)   // 100 × 64
}

@Test(arguments: [
    (Images.png, "image/png", 320, 240),
    (Images.gif, "image/gif", 16, 32),
    (Images.jpeg, "image/jpeg", 640, 480),
    (Images.webpLossless, "image/webp", 100, 64),
])
func imagesAreKnownByTheirBytes(_ bytes: [UInt8], _ mime: String, _ width: Int, _ height: Int) throws {
    let info = try ImageCheck.check(bytes, declared: nil).get()
    #expect(info.mime == mime && info.width == width && info.height == height)
}

@Test func uploadsThatAreNotSafeImagesAreRefused() {
    let svg = Array(#"<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"#.utf8)
    for (bytes, declared) in [(svg, "image/svg+xml"), ([], "image/png"), (Array("<html>".utf8), "image/png"),
                              (Images.png, "image/jpeg"), (Array(Images.png.prefix(12)), nil),
                              (Images.png + Array(repeating: 0, count: ImageCheck.maxBytes), nil)] as [([UInt8], String?)] {
        guard case .failure(.invalid(let reasons)) = ImageCheck.check(bytes, declared: declared) else {
            Issue.record("accepted \(bytes.prefix(8)) as \(declared ?? "-")"); continue
        }
        #expect(!reasons.isEmpty)
    }
    var huge = Images.gif
    huge[6] = 0x50; huge[7] = 0xC3   // 50,000 px wide
    #expect(throws: ContentError.self) { try ImageCheck.check(huge, declared: "image/gif").get() }
}
