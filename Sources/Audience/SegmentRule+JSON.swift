import Foundation

/// The JSON form of a rule, as the console's builder sends it and `segments.rule_json` keeps it:
///
///     {"all": [ … ]}   {"any": [ … ]}   {"not": { … }}
///     {"field": "group", "in": ["leader", "enforcer"]}
///     {"field": "unit", "within": [3]}            {"field": "region", "within": [12, 14]}
///     {"field": "ageBand", "in": ["60+"]}        {"field": "occupation", "in": ["教师"]}
///     {"field": "interest", "in": ["反诈"]}        {"field": "account", "is": true}
///     {"field": "accuracy", "topic": "民法典·继承编", "below": 0.6, "days": 90, "minAnswered": 3}
///     {"field": "accuracy", "topic": "…", "atLeast": 0.8, "days": 30}
///     {"field": "read", "content": "slug", "days": 30}      {"field": "finished", "content": "slug"}
///     {"field": "active", "days": 30}            {"field": "segment", "id": 4}
extension SegmentRule {
    public static let fields = ["group", "unit", "region", "ageBand", "occupation", "interest", "account", "accuracy", "read",
                                "finished", "active", "segment"]

    /// Parses and checks a rule; every problem names its place in the tree.
    public static func parse(_ data: [UInt8]) throws(SegmentRuleError) -> SegmentRule {
        guard let value = try? JSONSerialization.jsonObject(with: Data(data), options: [.fragmentsAllowed]) else {
            throw .invalid(path: "rule", reason: "不是合法的 JSON / not valid JSON")
        }
        let rule = try parse(value, path: "rule", depth: 1)
        if rule.conditionCount > maxConditions {
            throw .invalid(path: "rule", reason: "条件不能超过 \(maxConditions) 个 / at most \(maxConditions) conditions")
        }
        return rule
    }

    static func parse(_ value: Any, path: String, depth: Int) throws(SegmentRuleError) -> SegmentRule {
        guard depth <= maxDepth else { throw .invalid(path: path, reason: "嵌套不能超过 \(maxDepth) 层 / nested deeper than \(maxDepth)") }
        guard let object = value as? [String: Any] else { throw .invalid(path: path, reason: "应为对象 / must be an object") }
        for key in ["all", "any"] {
            guard let list = object[key] else { continue }
            guard object.count == 1 else { throw .invalid(path: path, reason: "“\(key)”不能与其他键并列 / \(key) stands alone") }
            guard let items = list as? [Any], !items.isEmpty else {
                throw .invalid(path: "\(path).\(key)", reason: "应为非空列表 / must be a non-empty list")
            }
            var rules: [SegmentRule] = []
            for (i, item) in items.enumerated() { rules.append(try parse(item, path: "\(path).\(key)[\(i)]", depth: depth + 1)) }
            return key == "all" ? .all(rules) : .any(rules)
        }
        if let inner = object["not"] {
            guard object.count == 1 else { throw .invalid(path: path, reason: "“not”不能与其他键并列 / not stands alone") }
            return .not(try parse(inner, path: "\(path).not", depth: depth + 1))
        }
        guard let field = object["field"] as? String else {
            throw .invalid(path: path, reason: "应有 all、any、not 或 field / needs all, any, not or field")
        }
        return try condition(field, object, path: path)
    }

    static func condition(_ field: String, _ o: [String: Any], path: String) throws(SegmentRuleError) -> SegmentRule {
        let reader = FieldReader(object: o, path: path)
        switch field {
        case "group":
            return .groups(try reader.list("in") { AudienceGroup(rawValue: $0) })
        case "unit": return .unitWithin(try reader.ids("within"))
        case "region": return .regionWithin(try reader.ids("within"))
        case "ageBand": return .ageBands(try reader.list("in") { AgeBand(rawValue: $0) })
        case "occupation": return .occupations(try reader.list("in") { $0 })
        case "interest": return .interests(try reader.list("in") { $0 })
        case "account":
            guard let raw = o["is"], FieldReader.number(raw) == nil, let flag = raw as? Bool else { throw .invalid(path: "\(path).is", reason: "应为 true 或 false / must be true or false") }
            return .isAccount(flag)
        case "accuracy":
            let topic = try reader.text("topic")
            let below = o["below"] != nil
            guard below != (o["atLeast"] != nil) else {
                throw .invalid(path: path, reason: "需要 below 或 atLeast 之一 / needs exactly one of below and atLeast")
            }
            let threshold = try reader.fraction(below ? "below" : "atLeast")
            let minAnswered = try reader.int("minAnswered", in: 1...1000, default: 1)
            return .accuracy(topic: topic, below: below, threshold: threshold, days: try reader.int("days", in: 1...3650),
                             minAnswered: minAnswered)
        case "read":
            let days = o["days"] == nil ? nil : try reader.int("days", in: 1...3650)
            return .read(slug: try reader.text("content"), days: days)
        case "finished": return .finished(slug: try reader.text("content"))
        case "active": return .activeWithin(days: try reader.int("days", in: 1...3650))
        case "segment": return .segment(try reader.int("id", in: 1...Int(Int32.max)))
        default:
            throw .invalid(path: "\(path).field", reason: "未知字段“\(field)”，可用：\(fields.joined(separator: "、")) / unknown field \(field)")
        }
    }

    /// The rule as canonical JSON (sorted keys): what is stored and what `parse` reads back to the same rule.
    public var json: String {
        let data = try! JSONSerialization.data(withJSONObject: jsonObject, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    var jsonObject: [String: Any] {
        switch self {
        case .all(let rules): ["all": rules.map(\.jsonObject)]
        case .any(let rules): ["any": rules.map(\.jsonObject)]
        case .not(let rule): ["not": rule.jsonObject]
        case .groups(let gs): ["field": "group", "in": gs.map(\.rawValue)]
        case .unitWithin(let ids): ["field": "unit", "within": ids]
        case .regionWithin(let ids): ["field": "region", "within": ids]
        case .ageBands(let bands): ["field": "ageBand", "in": bands.map(\.rawValue)]
        case .occupations(let list): ["field": "occupation", "in": list]
        case .interests(let list): ["field": "interest", "in": list]
        case .isAccount(let flag): ["field": "account", "is": flag]
        case .accuracy(let topic, let below, let threshold, let days, let minAnswered):
            ["field": "accuracy", "topic": topic, below ? "below" : "atLeast": threshold, "days": days, "minAnswered": minAnswered]
        case .read(let slug, let days): days.map { ["field": "read", "content": slug, "days": $0] } ?? ["field": "read", "content": slug]
        case .finished(let slug): ["field": "finished", "content": slug]
        case .activeWithin(let days): ["field": "active", "days": days]
        case .segment(let id): ["field": "segment", "id": id]
        }
    }
}

/// Reads the typed values of one condition, naming the key in every error.
struct FieldReader {
    let object: [String: Any]
    let path: String

    /// A JSON number, not a JSON true/false (Foundation gives both as NSNumber; a boolean's type code is "c").
    static func number(_ value: Any) -> NSNumber? {
        guard let n = value as? NSNumber, String(cString: n.objCType) != "c" else { return nil }
        return n
    }

    func list<T>(_ key: String, _ make: (String) -> T?) throws(SegmentRuleError) -> [T] {
        guard let items = object[key] as? [Any], !items.isEmpty, items.count <= 500 else {
            throw .invalid(path: "\(path).\(key)", reason: "应为 1–500 项的列表 / must be a list of 1–500 values")
        }
        var out: [T] = []
        for item in items {
            guard let text = item as? String, !text.isEmpty, let v = make(text) else {
                throw .invalid(path: "\(path).\(key)", reason: "无效的值“\(item)” / invalid value \(item)")
            }
            out.append(v)
        }
        return out
    }

    func ids(_ key: String) throws(SegmentRuleError) -> [Int] {
        guard let items = object[key] as? [Any], !items.isEmpty, items.count <= 500 else {
            throw .invalid(path: "\(path).\(key)", reason: "应为 1–500 个编号的列表 / must be a list of 1–500 ids")
        }
        var out: [Int] = []
        for item in items {
            guard let n = FieldReader.number(item), n.doubleValue == n.doubleValue.rounded(), n.intValue > 0 else {
                throw .invalid(path: "\(path).\(key)", reason: "编号应为正整数 / ids are positive integers")
            }
            out.append(n.intValue)
        }
        return out
    }

    func text(_ key: String) throws(SegmentRuleError) -> String {
        guard let s = object[key] as? String, !s.trimmingCharacters(in: .whitespaces).isEmpty, s.count <= 100 else {
            throw .invalid(path: "\(path).\(key)", reason: "应为 1–100 个字符的文字 / must be text of 1–100 characters")
        }
        return s.trimmingCharacters(in: .whitespaces)
    }

    func int(_ key: String, in range: ClosedRange<Int>, default fallback: Int? = nil) throws(SegmentRuleError) -> Int {
        guard let raw = object[key] else {
            if let fallback { return fallback }
            throw .invalid(path: "\(path).\(key)", reason: "缺少 \(key) / \(key) is missing")
        }
        guard let n = FieldReader.number(raw), n.doubleValue == n.doubleValue.rounded(), range.contains(n.intValue) else {
            throw .invalid(path: "\(path).\(key)", reason: "应为 \(range.lowerBound)–\(range.upperBound) 的整数 / must be a whole number in \(range)")
        }
        return n.intValue
    }

    func fraction(_ key: String) throws(SegmentRuleError) -> Double {
        guard let raw = object[key], let n = FieldReader.number(raw), (0...1).contains(n.doubleValue) else {
            throw .invalid(path: "\(path).\(key)", reason: "应为 0–1 之间的比例（如 0.6） / must be a fraction 0–1 such as 0.6")
        }
        return n.doubleValue
    }
}
