/// Why a profile or segment request was refused. Mapped to HTTP statuses in one place (WebAPI's `ErrorMapping`).
public enum AudienceError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Attributes that break the rules; every problem is one bilingual sentence.
    case invalid([String])
    /// A segment rule that does not parse, names an unknown field, refers to an unknown segment or to itself.
    case rule(SegmentRuleError)
    case notFound(String)
    /// Someone saved the segment after the version the editor started from.
    case stale(current: Int)
    /// Another segment already has this name.
    case nameTaken(String)
    /// A campaign, study task or other segment still uses the segment.
    case inUse(String)

    /// The Chinese or English half of a "中文 / English" reason (the whole text when it has no such halves).
    static func half(_ reason: String, english: Bool) -> String {
        guard let cut = reason.range(of: " / ") else { return reason }
        return english ? String(reason[cut.upperBound...]) : String(reason[..<cut.lowerBound])
    }

    public var description: String {
        switch self {
        case .invalid(let problems): problems.joined(separator: "；")
        case .rule(.invalid(let path, let reason)):
            // One "中文 / English" pair, each half naming the place, so a page showing one language keeps the path.
            "规则 \(path) 有误：\(Self.half(reason, english: false)) / rule \(path): \(Self.half(reason, english: true))"
        case .rule(.cycle(let ids)):
            "分群互相引用成环：\(ids.map(String.init).joined(separator: " → ")) / segments refer to each other in a cycle: "
                + ids.map(String.init).joined(separator: " → ")
        case .rule(.unknownSegment(let id)): "引用的分群 \(id) 不存在 / the referenced segment \(id) does not exist"
        case .notFound(let what): "\(what) 不存在 / not found"
        case .stale(let current): "分群已被他人修改（当前第 \(current) 版），请刷新后再改 / changed by someone else (now version \(current)); reload first"
        case .nameTaken(let name): "已有名为「\(name)」的分群 / a segment named \(name) already exists"
        case .inUse(let user): "分群正被使用：\(user)，不能删除 / the segment is in use by \(user) and cannot be deleted"
        }
    }
}
