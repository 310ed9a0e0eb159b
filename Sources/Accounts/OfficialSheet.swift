/// One numbered problem in an uploaded sheet: the row as the spreadsheet shows it (1 = the header) and why.
public struct SheetProblem: Sendable, Equatable, Error, CustomStringConvertible {
    public var line: Int
    public var reason: String

    public init(_ line: Int, _ reason: String) {
        self.line = line
        self.reason = reason
    }

    public var description: String { "\(line): \(reason)" }
}

/// Every problem found in a sheet, in row order.
public struct SheetProblems: Error, Sendable, Equatable {
    public var items: [SheetProblem]

    public init(_ items: [SheetProblem]) { self.items = items }
}

/// An official as one row of a roster sheet says, checked for form but not yet against the database.
public struct OfficialRow: Sendable, Equatable {
    public var line: Int
    public var displayName: String
    public var username: String
    /// A unit's code, name, or path of names ("司法局/法治宣传科"); resolved by `OfficialImport.plan`.
    public var unit: String
    public var rank: Rank
    /// Normalized (11 digits) or nil when the cell is empty.
    public var phone: String?
    /// An initial password from the sheet; nil = one is generated for a new account.
    public var password: String?

    public init(line: Int, displayName: String, username: String, unit: String, rank: Rank, phone: String? = nil,
                password: String? = nil) {
        self.line = line
        self.displayName = displayName
        self.username = username
        self.unit = unit
        self.rank = rank
        self.phone = phone
        self.password = password
    }
}

/// Reads a roster sheet — a header row naming the columns, then one official per row — into `OfficialRow`s.
///
/// Columns (any order; Chinese or English headers): 姓名 name, 登录名 username, 单位 unit, 人员类别 rank (领导干部 /
/// 公务员 / 行政执法人员), 手机号码 phone (optional), 初始密码 password (optional). Either every row is read or every
/// problem comes back with its row, so a sheet is never half-imported.
public enum OfficialSheet {
    public enum Column: String, Sendable, CaseIterable {
        case name, username, unit, rank, phone, password

        /// The header shown in the downloadable template.
        public var header: String {
            switch self {
            case .name: "姓名"
            case .username: "登录名"
            case .unit: "单位"
            case .rank: "人员类别"
            case .phone: "手机号码"
            case .password: "初始密码"
            }
        }

        var aliases: Set<String> {
            switch self {
            case .name: ["姓名", "name", "displayname", "display name", "名字"]
            case .username: ["登录名", "用户名", "账号", "帐号", "username", "login", "account"]
            case .unit: ["单位", "所在单位", "部门", "unit", "department"]
            case .rank: ["人员类别", "类别", "职级", "身份", "rank", "category"]
            case .phone: ["手机号码", "手机号", "手机", "联系电话", "电话", "phone", "mobile"]
            case .password: ["初始密码", "密码", "password"]
            }
        }

        static let required: [Column] = [.name, .username, .unit, .rank]
    }

    /// A sheet is at most this many officials; larger rosters are split by unit.
    public static let maxRows = 20_000

    /// Reads `rows` (line number and cells, the header first; blank rows skipped).
    public static func read(_ rows: [(line: Int, cells: [String])]) -> Result<[OfficialRow], SheetProblems> {
        let filled = rows.filter { !$0.cells.allSatisfy { $0.trimmingWhitespace.isEmpty } }
        guard let header = filled.first else { return .failure(SheetProblems([SheetProblem(1, "表格是空的 / the sheet is empty")])) }
        let columns: [Column: Int]
        switch self.columns(header.cells, line: header.line) {
        case .success(let found): columns = found
        case .failure(let problem): return .failure(SheetProblems([problem]))
        }
        let body = filled.dropFirst()
        guard !body.isEmpty else { return .failure(SheetProblems([SheetProblem(header.line, "表头之后没有人员 / no officials below the header")])) }
        guard body.count <= maxRows else {
            return .failure(SheetProblems([SheetProblem(header.line, "一次最多导入 \(maxRows) 人 / at most \(maxRows) officials per file")]))
        }
        var officials: [OfficialRow] = []
        var problems: [SheetProblem] = []
        var seen: [String: Int] = [:]
        for row in body {
            switch official(row, columns) {
            case .success(let official):
                if let first = seen[official.username.lowercased()] {
                    problems.append(SheetProblem(row.line, "登录名 \(official.username) 与第 \(first) 行重复 / "
                        + "username \(official.username) repeats row \(first)"))
                } else {
                    seen[official.username.lowercased()] = row.line
                    officials.append(official)
                }
            case .failure(let found): problems += found.items
            }
        }
        return problems.isEmpty ? .success(officials) : .failure(SheetProblems(problems))
    }

    static func columns(_ cells: [String], line: Int) -> Result<[Column: Int], SheetProblem> {
        var found: [Column: Int] = [:]
        for (index, cell) in cells.enumerated() {
            let key = cell.trimmingWhitespace.lowercased()
            if let column = Column.allCases.first(where: { $0.aliases.contains(key) }), found[column] == nil {
                found[column] = index
            }
        }
        let missing = Column.required.filter { found[$0] == nil }
        guard missing.isEmpty else {
            let names = missing.map(\.header).joined(separator: "、")
            return .failure(SheetProblem(line, "表头缺少列：\(names)（需要 姓名、登录名、单位、人员类别）/ "
                + "missing columns: \(missing.map(\.rawValue).joined(separator: ", "))"))
        }
        return .success(found)
    }

    static func official(_ row: (line: Int, cells: [String]), _ columns: [Column: Int]) -> Result<OfficialRow, SheetProblems> {
        func cell(_ column: Column) -> String {
            guard let index = columns[column], index < row.cells.count else { return "" }
            return row.cells[index].trimmingWhitespace
        }
        var problems: [String] = []
        let name = cell(.name), username = cell(.username), unit = cell(.unit)
        do { try AccountRules.checkDisplayName(name) } catch { problems.append("姓名：\(error.description)") }
        do { try AccountRules.checkUsername(username) } catch { problems.append("登录名：\(error.description)") }
        if unit.isEmpty { problems.append("单位为空 / the unit is empty") }
        let rank = Rank(spreadsheet: cell(.rank))
        if rank == nil {
            problems.append("人员类别“\(cell(.rank))”应为 领导干部、公务员 或 行政执法人员 / "
                + "rank must be 领导干部, 公务员 or 行政执法人员")
        }
        var phone: String?
        if !cell(.phone).isEmpty {
            phone = Phone.normalized(cell(.phone))
            if phone == nil { problems.append("手机号码“\(cell(.phone))”不是 11 位手机号 / the phone is not an 11-digit mobile number") }
        }
        let password = cell(.password).isEmpty ? nil : cell(.password)
        if let password {
            do { try AccountRules.checkPassword(password, username: username) } catch { problems.append("初始密码：\(error.description)") }
        }
        guard problems.isEmpty, let rank else { return .failure(SheetProblems(problems.map { SheetProblem(row.line, $0) })) }
        return .success(OfficialRow(line: row.line, displayName: name, username: username, unit: unit, rank: rank,
                                    phone: phone, password: password))
    }
}
