/// Mainland mobile numbers (11 digits, 1[3-9]…), the way people type them: with spaces, dashes, a +86 or 0086
/// prefix, full-width digits. Lists and exports show only the masked form; the whole number needs
/// `Permission.personalDataReveal`, and every reveal is logged.
public enum Phone {
    /// "+86 138-0013-8000" → "13800138000"; nil when it is not a mainland mobile number.
    public static func normalized(_ raw: String) -> String? {
        var digits = ""
        for scalar in raw.unicodeScalars {
            switch scalar.value {
            case 0x30...0x39: digits.unicodeScalars.append(scalar)
            case 0xFF10...0xFF19: digits.unicodeScalars.append(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
            case 0x20, 0x2D, 0x28, 0x29, 0x3000, 0xFF0D, 0x2B, 0xFF0B: continue   // space ( ) - + and full-width forms
            default: return nil
            }
        }
        if digits.count == 13, digits.hasPrefix("86") { digits.removeFirst(2) }
        if digits.count == 15, digits.hasPrefix("0086") { digits.removeFirst(4) }
        let bytes = Array(digits.utf8)
        guard bytes.count == 11, bytes[0] == UInt8(ascii: "1"), (UInt8(ascii: "3")...UInt8(ascii: "9")).contains(bytes[1]) else {
            return nil
        }
        return digits
    }

    /// "13800138000" → "138****8000": the first three and last four digits, as Chinese notices print them.
    public static func masked(_ phone: String) -> String {
        guard phone.count == 11 else { return String(repeating: "*", count: max(phone.count, 4)) }
        return String(phone.prefix(3)) + "****" + String(phone.suffix(4))
    }
}

/// What an official is for the annual exam's reports and for targeted teaching (the audience group).
public enum Rank: String, Sendable, Codable, CaseIterable {
    case leader
    case civilServant = "civil_servant"
    case enforcer

    public var label: String {
        switch self {
        case .leader: "领导干部"
        case .civilServant: "公务员"
        case .enforcer: "行政执法人员"
        }
    }

    /// Reads the words a roster sheet uses: 领导干部 / 公务员 / 行政执法人员 (and short forms), or the code.
    public init?(spreadsheet text: String) {
        let key = text.trimmingWhitespace.lowercased()
        switch key {
        case "leader", "领导干部", "领导", "处级以上领导干部", "县处级领导干部": self = .leader
        case "civil_servant", "civil servant", "公务员", "一般公务员", "工作人员", "机关工作人员": self = .civilServant
        case "enforcer", "行政执法人员", "执法人员", "执法": self = .enforcer
        default: return nil
        }
    }
}
