import Accounts
import Testing

@Suite struct PhoneTests {
    @Test(arguments: [
        ("13800138000", "13800138000"), ("138 0013 8000", "13800138000"), ("138-0013-8000", "13800138000"),
        ("+86 13800138000", "13800138000"), ("0086-13800138000", "13800138000"), ("１３８００１３８０００", "13800138000"),
    ])
    func writtenFormsNormalizeToElevenDigits(raw: String, expected: String) {
        #expect(Phone.normalized(raw) == expected)
    }

    @Test(arguments: ["12800138000", "1380013800", "138001380001", "0571-88888888", "1380013800a", "", "+1 2025550123"])
    func anythingButAMainlandMobileIsRefused(raw: String) {
        #expect(Phone.normalized(raw) == nil)
    }

    @Test func masksKeepTheFirstThreeAndLastFourDigits() {
        #expect(Phone.masked("13800138000") == "138****8000")
    }
}

@Suite struct OfficialSheetTests {
    func rows(_ lines: [[String]]) -> [(line: Int, cells: [String])] {
        lines.enumerated().map { (line: $0.offset + 1, cells: $0.element) }
    }

    @Test func readsChineseHeadersInAnyOrderWithOptionalColumns() throws {
        let sheet = rows([["登录名", "单位", "姓名", "人员类别", "手机号码"],
                          ["zhang.san", "县司法局/法治宣传科", "张三", "领导干部", "138 0013 8000"],
                          ["", "", "", "", ""],
                          ["li.si", "县司法局", "李四", "行政执法人员", ""]])
        let officials = try OfficialSheet.read(sheet).get()
        #expect(officials.map(\.username) == ["zhang.san", "li.si"])
        #expect(officials[0] == OfficialRow(line: 2, displayName: "张三", username: "zhang.san", unit: "县司法局/法治宣传科",
                                            rank: .leader, phone: "13800138000"))
        #expect(officials[1].line == 4 && officials[1].rank == .enforcer && officials[1].phone == nil)
    }

    @Test func everyBadRowIsReportedWithItsNumberAndNothingIsRead() {
        let sheet = rows([["姓名", "登录名", "单位", "人员类别", "手机号码", "初始密码"],
                          ["张三", "zhang san", "县司法局", "公务员", "13800138000", ""],
                          ["", "wang", "县司法局", "处长", "12345", "short"],
                          ["李四", "li", "县司法局", "公务员", "", ""],
                          ["李四二", "LI", "县司法局", "公务员", "", ""],
                          ["赵六", "zhao", "", "公务员", "", ""]])
        guard case .failure(let problems) = OfficialSheet.read(sheet) else { Issue.record("should fail"); return }
        let lines = problems.items.map(\.line)
        #expect(lines.filter { $0 == 2 }.count == 1, "username with a space")
        #expect(lines.filter { $0 == 3 }.count == 4, "name, rank, phone, password: \(problems.items)")
        #expect(problems.items.contains { $0.line == 5 && $0.reason.contains("第 4 行") }, "a repeated username names the first row")
        #expect(problems.items.contains { $0.line == 6 && $0.reason.contains("单位为空") })
        #expect(!lines.contains(4), "a good row has no problem")
    }

    @Test func aHeaderWithoutRequiredColumnsIsOneProblemNamingThem() {
        guard case .failure(let problems) = OfficialSheet.read(rows([["姓名", "手机"], ["张三", "13800138000"]])) else {
            Issue.record("should fail")
            return
        }
        #expect(problems.items.count == 1)
        #expect(problems.items[0].reason.contains("登录名") && problems.items[0].reason.contains("人员类别"))
    }

    @Test func anEmptySheetOrAHeaderAloneIsRefused() {
        #expect((try? OfficialSheet.read([]).get()) == nil)
        #expect((try? OfficialSheet.read(rows([["姓名", "登录名", "单位", "人员类别"]])).get()) == nil)
    }
}

@Suite struct OfficialImportPlanTests {
    let units = [Unit(id: 1, parentId: nil, name: "县司法局", code: "SFJ"),
                 Unit(id: 2, parentId: 1, name: "办公室", code: nil),
                 Unit(id: 3, parentId: nil, name: "县公安局", code: nil),
                 Unit(id: 4, parentId: 3, name: "办公室", code: nil),
                 Unit(id: 5, parentId: 1, name: "法治宣传科", code: nil)]

    func row(_ line: Int, _ username: String, unit: String) -> OfficialRow {
        OfficialRow(line: line, displayName: "某人", username: username, unit: unit, rank: .civilServant)
    }

    @Test func unitsAreFoundByCodePathOrUniqueName() throws {
        let plan = try OfficialImport.plan([row(2, "a", unit: "sfj"), row(3, "b", unit: "县司法局/办公室"),
                                            row(4, "c", unit: "法治宣传科"), row(5, "d", unit: "县公安局 / 办公室")],
                                           units: units, allowedUnits: nil, existing: [:], importerIsAdmin: true).get()
        #expect(plan.entries.map(\.unitId) == [1, 2, 5, 4])
        #expect(plan.creates.count == 4 && plan.updates.isEmpty)
    }

    @Test func anAmbiguousOrUnknownUnitIsAProblemOnItsRow() {
        guard case .failure(let problems) = OfficialImport.plan([row(2, "a", unit: "办公室"), row(3, "b", unit: "财政局")],
                                                                units: units, allowedUnits: nil, existing: [:],
                                                                importerIsAdmin: true) else {
            Issue.record("should fail")
            return
        }
        #expect(problems.items.map(\.line) == [2, 3])
        #expect(problems.items[0].reason.contains("不唯一") && problems.items[0].reason.contains("县公安局/办公室"))
        #expect(problems.items[1].reason.contains("财政局"))
    }

    @Test func anOrganizerImportsOnlyIntoTheirUnitsAndNeverChangesStaffAccounts() {
        let existing = ["boss": ExistingAccount(userId: 9, username: "boss", unitId: 2, roles: [.organizer]),
                        "out": ExistingAccount(userId: 8, username: "out", unitId: 3, roles: [.official]),
                        "mine": ExistingAccount(userId: 7, username: "mine", unitId: 5, roles: [.official])]
        let result = OfficialImport.plan([row(2, "boss", unit: "县司法局/办公室"), row(3, "x", unit: "县公安局"),
                                          row(4, "out", unit: "法治宣传科"), row(5, "mine", unit: "法治宣传科")],
                                         units: units, allowedUnits: [1, 2, 5], existing: existing, importerIsAdmin: false)
        guard case .failure(let problems) = result else { Issue.record("should fail"); return }
        #expect(problems.items.map(\.line) == [2, 3, 4])
        let fine = OfficialImport.plan([row(5, "mine", unit: "法治宣传科")], units: units, allowedUnits: [1, 2, 5],
                                       existing: existing, importerIsAdmin: false)
        #expect((try? fine.get())?.updates.first?.userId == 7)
    }
}
