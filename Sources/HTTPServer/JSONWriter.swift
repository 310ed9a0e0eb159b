/// Writes JSON straight into bytes, for the few responses on every page's hot path (`/api/v1/me`), where
/// Foundation's `JSONEncoder` was a third of the request's cost. Everything else uses `Response.json`.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    private var needsComma: [Bool] = []

    public init(capacity: Int = 512) { bytes.reserveCapacity(capacity) }

    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        value { w in
            w.bytes.append(UInt8(ascii: "{"))
            w.needsComma.append(false)
            body(&w)
            w.needsComma.removeLast()
            w.bytes.append(UInt8(ascii: "}"))
        }
    }

    public mutating func array<S: Sequence>(_ items: S, _ each: (inout JSONWriter, S.Element) -> Void) {
        value { w in
            w.bytes.append(UInt8(ascii: "["))
            w.needsComma.append(false)
            for item in items { each(&w, item) }
            w.needsComma.removeLast()
            w.bytes.append(UInt8(ascii: "]"))
        }
    }

    /// A key inside an object; the next value call writes its value.
    public mutating func key(_ name: String) {
        separate()
        writeString(name)
        bytes.append(UInt8(ascii: ":"))
        if !needsComma.isEmpty { needsComma[needsComma.count - 1] = false }
    }

    public mutating func string(_ s: String?) { value { w in if let s { w.writeString(s) } else { w.null() } } }
    public mutating func int(_ n: Int?) { value { w in if let n { Self.appendDigits(n, to: &w.bytes) } else { w.null() } } }
    /// A finite number as Swift prints it (`0.5`, `1.0`); JSON readers take both forms of a whole number.
    public mutating func double(_ d: Double?) {
        value { w in if let d, d.isFinite { w.bytes += Array(d.description.utf8) } else { w.null() } }
    }
    public mutating func bool(_ b: Bool) { value { w in w.bytes.append(contentsOf: (b ? "true" : "false").utf8) } }

    /// A string value whose bytes `body` appends: ASCII that needs no escaping (a timestamp, a code), written without
    /// building a String first.
    public mutating func asciiString(_ body: (inout [UInt8]) -> Void) {
        value { w in
            w.bytes.append(UInt8(ascii: "\""))
            body(&w.bytes)
            w.bytes.append(UInt8(ascii: "\""))
        }
    }

    /// Appends `n` in decimal, zero-padded to at least `width` digits, without allocating.
    public static func appendDigits(_ n: Int, width: Int = 1, to bytes: inout [UInt8]) {
        if n < 0 { bytes.append(UInt8(ascii: "-")) }
        var m = n.magnitude, count = 0
        repeat { count += 1; m /= 10 } while m > 0
        let digits = max(count, width), start = bytes.count
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digits))
        m = n.magnitude
        var i = start + digits - 1
        while m > 0 {
            bytes[i] = UInt8(truncatingIfNeeded: 0x30 + m % 10)
            m /= 10
            i -= 1
        }
    }

    private mutating func null() { bytes.append(contentsOf: "null".utf8) }

    private mutating func value(_ write: (inout JSONWriter) -> Void) {
        separate()
        write(&self)
        if !needsComma.isEmpty { needsComma[needsComma.count - 1] = true }
    }

    private mutating func separate() {
        if needsComma.last == true { bytes.append(UInt8(ascii: ",")) }
    }

    /// Copies runs that need no escaping in one go: explanations and quotes of law run to hundreds of bytes.
    private mutating func writeString(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { u in
            var run = 0
            for i in 0..<u.count where u[i] < 0x20 || u[i] == UInt8(ascii: "\"") || u[i] == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[run..<i]))
                escape(u[i])
                run = i + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[run...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escape(_ b: UInt8) {
        bytes.append(92)
        switch b {
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        case 0..<0x20:
            let hex: StaticString = "0123456789abcdef"
            bytes.append(contentsOf: [UInt8(ascii: "u"), 48, 48, hex.utf8Start[Int(b >> 4)], hex.utf8Start[Int(b & 15)]])
        default: bytes.append(b)
        }
    }
}
