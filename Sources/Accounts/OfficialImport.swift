/// An account that already exists, as the roster import needs to see it.
public struct ExistingAccount: Sendable, Equatable {
    public var userId: Int
    public var username: String
    public var unitId: Int?
    public var roles: Set<Role>

    public init(userId: Int, username: String, unitId: Int?, roles: Set<Role>) {
        self.userId = userId
        self.username = username
        self.unitId = unitId
        self.roles = roles
    }
}

/// What a checked roster sheet will do: accounts to create, accounts to update, everyone to put on the roster.
public struct OfficialImportPlan: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var row: OfficialRow
        public var unitId: Int
        /// nil = a new account.
        public var userId: Int?
    }

    public var entries: [Entry]

    public var creates: [Entry] { entries.filter { $0.userId == nil } }
    public var updates: [Entry] { entries.filter { $0.userId != nil } }
}

/// Checks roster rows against the units and accounts that exist and what the importer may touch.
///
/// A unit cell is matched by code, then by path from any level ("司法局/法治宣传科"), then by a name that is
/// unique; anything else is a problem for that row. An existing account is updated (name, unit, rank, phone; the
/// official role added) only if it is inside the importer's units and is not a staff account — changing staff
/// accounts is an administrator's job.
public enum OfficialImport {
    public static func plan(_ rows: [OfficialRow], units: [Unit], allowedUnits: Set<Int>?,
                            existing: [String: ExistingAccount], importerIsAdmin: Bool) -> Result<OfficialImportPlan, SheetProblems> {
        let resolver = UnitResolver(units)
        var entries: [OfficialImportPlan.Entry] = []
        var problems: [SheetProblem] = []
        for row in rows {
            let unitId: Int
            switch resolver.resolve(row.unit) {
            case .success(let id): unitId = id
            case .failure(let problem):
                problems.append(SheetProblem(row.line, problem.reason))
                continue
            }
            if let allowedUnits, !allowedUnits.contains(unitId) {
                problems.append(SheetProblem(row.line, "单位“\(row.unit)”不在你管理的单位范围内 / unit \(row.unit) is outside your units"))
                continue
            }
            let account = existing[row.username.lowercased()]
            if let account {
                if let allowedUnits, !(account.unitId.map(allowedUnits.contains) ?? false) {
                    problems.append(SheetProblem(row.line, "账号 \(row.username) 已存在且属于你管理范围之外的单位 / "
                        + "account \(row.username) exists in a unit outside yours"))
                    continue
                }
                if !importerIsAdmin, !account.roles.isSubset(of: [.official, .resident]) {
                    problems.append(SheetProblem(row.line, "账号 \(row.username) 是工作人员账号，请由管理员修改 / "
                        + "account \(row.username) is a staff account; an administrator must change it"))
                    continue
                }
            }
            entries.append(.init(row: row, unitId: unitId, userId: account?.userId))
        }
        return problems.isEmpty ? .success(OfficialImportPlan(entries: entries)) : .failure(SheetProblems(problems))
    }
}

/// Finds a unit from what people write in a sheet's 单位 cell.
struct UnitResolver {
    let units: [Unit]
    let byId: [Int: Unit]
    let paths: [Int: [String]]

    init(_ units: [Unit]) {
        self.units = units
        let byId = Dictionary(units.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.byId = byId
        var paths: [Int: [String]] = [:]
        for unit in units {
            var names: [String] = []
            var cursor: Unit? = unit
            var guardCount = 0
            while let current = cursor, guardCount < 64 {
                names.insert(current.name, at: 0)
                cursor = current.parentId.flatMap { byId[$0] }
                guardCount += 1
            }
            paths[unit.id] = names
        }
        self.paths = paths
    }

    func resolve(_ text: String) -> Result<Int, SheetProblem> {
        let wanted = text.trimmingWhitespace
        if let unit = units.first(where: { $0.code.map { $0.lowercased() == wanted.lowercased() } ?? false }) {
            return .success(unit.id)
        }
        let parts = wanted.split(whereSeparator: { "/／>＞\\".contains($0) }).map { String($0).trimmingWhitespace }
            .filter { !$0.isEmpty }
        let matches = units.filter { unit in
            guard let path = paths[unit.id], path.count >= parts.count else { return false }
            return Array(path.suffix(parts.count)) == parts
        }
        switch matches.count {
        case 1: return .success(matches[0].id)
        case 0: return .failure(SheetProblem(0, "没有名为“\(wanted)”的单位 / no unit named \(wanted)"))
        default:
            let options = matches.prefix(3).compactMap { paths[$0.id]?.joined(separator: "/") }.joined(separator: "；")
            return .failure(SheetProblem(0, "单位“\(wanted)”不唯一（\(options)），请写上级单位路径，如 上级/本单位 / "
                + "unit \(wanted) is ambiguous; write its path, e.g. parent/unit"))
        }
    }
}
