/// What a piece of teaching material says about itself (the front matter of a Content/ file, or the console's form).
public struct ContentMeta: Sendable, Equatable, Codable {
    /// Stable, unique, `[a-z0-9-]+`; the file name in Content/ and the address /read#/slug.
    public var slug: String
    public var title: String
    public var summary: String
    /// Knowledge points, 1–4 (the same words the question bank uses where one fits).
    public var topics: [String]
    /// Audience codes: leader, civil_servant, enforcer, youth, enterprise, village_expert, corrections, resident.
    public var audiences: [String]
    /// Region names it is meant for; empty = everywhere.
    public var regions: [String]
    /// 法律依据: "《中华人民共和国民法典》第一千一百二十七条", 1–5.
    public var basis: [String]
    /// Shown from this Beijing date ("2026-01-15"); nil = at once.
    public var publish: String?
    /// Not shown after this Beijing date.
    public var expire: String?
    /// Ids of related questions (the question bank's own ids, such as mfd-rhj-027).
    public var questions: [String]

    public init(slug: String, title: String, summary: String, topics: [String], audiences: [String], regions: [String] = [],
                basis: [String], publish: String? = nil, expire: String? = nil, questions: [String] = []) {
        self.slug = slug
        self.title = title
        self.summary = summary
        self.topics = topics
        self.audiences = audiences
        self.regions = regions
        self.basis = basis
        self.publish = publish
        self.expire = expire
        self.questions = questions
    }

    /// Shown on `day` (a Beijing date, "yyyy-MM-dd"): published by then and not yet expired.
    public func isLive(on day: String) -> Bool {
        if let publish, publish > day { return false }
        if let expire, expire < day { return false }
        return true
    }
}

/// A piece: its meta and its Markdown body.
public struct ContentPiece: Sendable, Equatable {
    public var meta: ContentMeta
    public var body: String

    public init(meta: ContentMeta, body: String) {
        self.meta = meta
        self.body = body
    }
}

/// The rules a piece must meet, in Chinese and English, with the field each concerns.
public enum ContentRules {
    public static let audiences: Set<String> = ["leader", "civil_servant", "enforcer", "youth", "enterprise", "village_expert",
                                                "corrections", "resident"]
    public static let maxBodyCharacters = 50_000

    /// Every problem with the piece: (field, reason). Empty when it can be stored.
    public static func problems(_ piece: ContentPiece) -> [(field: String, reason: String)] {
        let m = piece.meta
        var found: [(String, String)] = []
        let slugOK = (3...80).contains(m.slug.count) && m.slug.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
        } && !m.slug.hasPrefix("-") && !m.slug.hasSuffix("-")
        if !slugOK { found.append(("id", "id 应为 3–80 个小写字母、数字或连字符 / id must be 3–80 of a-z, 0-9 and -")) }
        if m.title.trimmedContent.isEmpty || m.title.count > 60 { found.append(("title", "标题应为 1–60 个字符 / title must be 1–60 characters")) }
        if m.summary.trimmedContent.isEmpty || m.summary.count > 120 {
            found.append(("summary", "摘要应为 1–120 个字符 / summary must be 1–120 characters"))
        }
        if !(1...4).contains(m.topics.count) { found.append(("topics", "知识点应为 1–4 个 / 1–4 topics")) }
        if !(1...8).contains(m.audiences.count) { found.append(("audiences", "至少选择一个对象 / choose at least one audience")) }
        for a in m.audiences where !audiences.contains(a) {
            found.append(("audiences", "未知的对象“\(a)” / unknown audience \(a)"))
        }
        if !(1...5).contains(m.basis.count) { found.append(("basis", "法律依据应为 1–5 条 / 1–5 legal bases")) }
        for b in m.basis where !(b.contains("《") && b.contains("》")) {
            found.append(("basis", "法律依据“\(b)”应写明《法律名称》和条文 / a basis names the law in 《》 and the article"))
        }
        for (field, day) in [("publish", m.publish), ("expire", m.expire)] {
            if let day, !isDay(day) { found.append((field, "\(field) 应写成 2026-01-15 / \(field) must look like 2026-01-15")) }
        }
        if let p = m.publish, let e = m.expire, isDay(p), isDay(e), e < p {
            found.append(("expire", "下线日期不能早于上线日期 / expire must not be before publish"))
        }
        if m.questions.count > 6 { found.append(("questions", "相关题目最多 6 道 / at most 6 related questions")) }
        if piece.body.trimmedContent.isEmpty { found.append(("body", "正文不能为空 / the body is empty")) }
        if piece.body.count > maxBodyCharacters {
            found.append(("body", "正文不能超过 \(maxBodyCharacters) 个字符 / the body is longer than \(maxBodyCharacters) characters"))
        }
        return found
    }

    static func isDay(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let mo = Int(parts[1]), let d = Int(parts[2]) else { return false }
        return (2000...2100).contains(y) && (1...12).contains(mo) && (1...31).contains(d)
    }
}

extension String {
    var trimmedContent: String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}

/// Why a content action was refused; WebAPI maps each case to an HTTP status.
public enum ContentError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalid([String])
    case notFound(String)
    case stale(current: Int)

    public var description: String {
        switch self {
        case .invalid(let reasons): reasons.joined(separator: "; ")
        case .notFound(let what): "没有“\(what)”这篇内容 / no content \(what)"
        case .stale(let current): "这篇内容已被他人修改（现为第 \(current) 版），请重新打开后再改 / changed by someone else (now version \(current)); reopen it"
        }
    }
}
