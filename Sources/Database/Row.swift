/// One result row: column names and their values, in the order of the SELECT.
///
/// The typed accessors return `nil` for NULL and for values that cannot be converted;
/// they convert between storage classes the way a reader would expect (an integer
/// read as a string gives its decimal digits, text read as an integer is parsed).
public struct Row: Sendable {
    /// Column names as SQLite reports them (the `AS` alias when there is one).
    public var columns: [String]
    /// Values, one per column.
    public var values: [SQLValue]

    /// Builds a row; in-memory stores and tests use it.
    public init(columns: [String], values: [SQLValue]) {
        precondition(columns.count == values.count, "a row needs one value per column")
        self.columns = columns
        self.values = values
    }

    /// The value of the column named `name` (exact match first, then case-insensitive,
    /// as SQL names are); `.null` if there is no such column.
    public subscript(_ name: String) -> SQLValue {
        guard let index = index(of: name) else { return .null }
        return values[index]
    }

    /// The value at a column position; `.null` if out of range.
    public subscript(position index: Int) -> SQLValue {
        values.indices.contains(index) ? values[index] : .null
    }

    /// The position of the column named `name`, if any.
    public func index(of name: String) -> Int? {
        if let exact = columns.firstIndex(of: name) { return exact }
        let lowered = name.lowercased()
        return columns.firstIndex { $0.lowercased() == lowered }
    }

    /// The column as an `Int`; nil if NULL, absent or not a whole number.
    public func int(_ name: String) -> Int? {
        int64(name).flatMap { Int(exactly: $0) }
    }

    /// The column as an `Int64`; nil if NULL, absent or not a whole number.
    public func int64(_ name: String) -> Int64? {
        switch self[name] {
        case .integer(let i): return i
        case .real(let d): return Int64(exactly: d)
        case .text(let s): return Int64(s)
        case .null, .blob: return nil
        }
    }

    /// The column as a `Double`; nil if NULL, absent or not a number.
    public func double(_ name: String) -> Double? {
        switch self[name] {
        case .integer(let i): return Double(i)
        case .real(let d): return d
        case .text(let s): return Double(s)
        case .null, .blob: return nil
        }
    }

    /// The column as a `String`; nil if NULL or absent. Blobs are decoded as UTF-8.
    public func string(_ name: String) -> String? {
        switch self[name] {
        case .integer(let i): return String(i)
        case .real(let d): return String(d)
        case .text(let s): return s
        case .blob(let b): return String(decoding: b, as: UTF8.self)
        case .null: return nil
        }
    }

    /// The column as a `Bool` (non-zero is true); nil if NULL, absent or not a number.
    public func bool(_ name: String) -> Bool? {
        switch self[name] {
        case .integer(let i): return i != 0
        case .real(let d): return d != 0
        case .text(let s): return Int64(s).map { $0 != 0 }
        case .null, .blob: return nil
        }
    }

    /// The column as bytes; nil if NULL or absent. Text gives its UTF-8 bytes.
    public func blob(_ name: String) -> [UInt8]? {
        switch self[name] {
        case .blob(let b): return b
        case .text(let s): return Array(s.utf8)
        case .integer, .real, .null: return nil
        }
    }
}
