import Accounts
import Secrets
import Testing

@Suite struct LoginThrottleTests {
    let throttle = LoginThrottle()
    let now: Int64 = 10_000_000

    @Test func fewFailuresDoNotBlock() {
        #expect(throttle.decide(accountFailures: [now - 1000, now - 2000], addressFailures: [], now: now) == .allowed)
    }

    @Test func theFifthFailureStartsAWaitThatDoublesWithEachMore() {
        let five = (1...5).map { now - Int64($0) * 1000 }
        #expect(throttle.decide(accountFailures: five, addressFailures: [], now: now) == .wait(seconds: 29))
        let six = five + [now]
        #expect(throttle.decide(accountFailures: six, addressFailures: [], now: now) == .wait(seconds: 60))
        let many = (0..<40).map { now - Int64($0) * 10 }
        #expect(throttle.decide(accountFailures: many, addressFailures: [], now: now) == .wait(seconds: 15 * 60))
    }

    @Test func failuresOutsideTheWindowAreForgotten() {
        let old = (1...10).map { now - 16 * 60 * 1000 - Int64($0) }
        #expect(throttle.decide(accountFailures: old, addressFailures: [], now: now) == .allowed)
    }

    @Test func anAddressGetsMoreRoomThanAnAccount() {
        let twenty = (1...20).map { now - Int64($0) * 1000 }
        #expect(throttle.decide(accountFailures: [], addressFailures: twenty, now: now) == .allowed)
        let thirty = (1...30).map { now - Int64($0) * 1000 }
        #expect(throttle.decide(accountFailures: [], addressFailures: thirty, now: now) != .allowed)
    }
}

@Suite struct SessionPolicyTests {
    let policy = SessionPolicy()

    @Test func useSlidesTheExpiryButNeverPastTheAbsoluteLimit() {
        let start: Int64 = 0
        #expect(policy.expiry(createdAt: start, now: start) == policy.idleMillis)
        let late = policy.absoluteMillis - 1000
        #expect(policy.expiry(createdAt: start, now: late) == policy.absoluteMillis)
    }

    @Test func touchWritesOnlyWhenTheExpiryMovesEnough() {
        let session = Session(tokenDigest: "d", userId: 1, createdAt: 0, expiresAt: policy.idleMillis, csrfToken: "c")
        #expect(policy.touch(session, now: 1000) == nil)
        #expect(policy.touch(session, now: 120_000) == 120_000 + policy.idleMillis)
        #expect(policy.isExpired(session, now: policy.idleMillis))
    }
}

@Suite struct RoleAndRuleTests {
    @Test func rolesGrantWhatTheirJobsNeedAndNoMore() {
        #expect(Role.admin.permissions == Set(Permission.allCases))
        #expect(Role.editor.permissions.contains(.questionsManage) && !Role.editor.permissions.contains(.usersManage))
        #expect(Role.organizer.permissions.contains(.examsManage) && !Role.organizer.permissions.contains(.auditRead))
        #expect(Role.official.permissions == [.examsTake, .portalUse])
        #expect(Role.resident.permissions == [.portalUse])
        #expect(Set<Role>([.official, .organizer]).permissions.isSuperset(of: [.examsTake, .examsManage]))
        #expect(!Set<Role>([.editor, .organizer, .official, .resident]).permissions.contains(.personalDataReveal))
    }

    @Test(arguments: [("ab", true), ("a", false), ("zhang.san@x", true), ("has space", false), ("张三", false),
                      (String(repeating: "a", count: 33), false)])
    func usernames(_ name: String, _ valid: Bool) {
        #expect(((try? AccountRules.checkUsername(name)) != nil) == valid)
    }

    @Test func passwordsNeedLengthAndMustDifferFromTheUsername() {
        #expect(throws: AccountError.self) { try AccountRules.checkPassword("short", username: "x") }
        #expect(throws: AccountError.self) { try AccountRules.checkPassword("SameAsName1", username: "sameasname1") }
        #expect(throws: Never.self) { try AccountRules.checkPassword("十个汉字也是一个好密码", username: "x") }
    }

    @Test func regionLevelsNest() throws {
        let county = Region(id: 1, parentId: nil, name: "县", level: .county)
        let town = Region(id: 2, parentId: 1, name: "镇", level: .town)
        try OrganizationRules.checkRegion(name: "县", level: .county, parent: nil)
        try OrganizationRules.checkRegion(name: "镇", level: .town, parent: county)
        try OrganizationRules.checkRegion(name: "村", level: .village, parent: town)
        #expect(throws: AccountError.self) { try OrganizationRules.checkRegion(name: "村", level: .village, parent: county) }
        #expect(throws: AccountError.self) { try OrganizationRules.checkRegion(name: "县", level: .county, parent: county) }
        #expect(throws: AccountError.self) { try OrganizationRules.checkRegion(name: "镇", level: .town, parent: nil) }
    }

    @Test func aSubtreeHoldsTheRootAndEveryDescendant() {
        let tree = Tree([(1, nil), (2, 1), (3, 2), (4, 1), (5, nil), (6, 5)])
        #expect(tree.subtree(1) == [1, 2, 3, 4])
        #expect(tree.subtree(3) == [3])
        #expect(tree.subtree(5) == [5, 6])
    }
}

@Suite struct PasswordHasherTests {
    @Test func aHashVerifiesOnlyItsOwnPassword() {
        let hasher = PasswordHasher(cost: .fast)
        let hash = hasher.hash("正确的密码 correct horse")
        #expect(hash.hasPrefix("$argon2id$"))
        #expect(hasher.verify("正确的密码 correct horse", against: hash))
        #expect(!hasher.verify("正确的密码 correct hors", against: hash))
        #expect(!hasher.verify("", against: hash))
        #expect(hasher.hash("same") != hasher.hash("same"), "salted")
    }

    @Test func weakerStoredParametersAskForARehash() {
        let weak = PasswordHasher(cost: .fast).hash("pw-pw-pw-pw")
        #expect(PasswordHasher(cost: .owaspMinimum).needsRehash(weak))
        #expect(!PasswordHasher(cost: .fast).needsRehash(weak))
    }

    @Test func tokensAreRandomAndDigestsStable() {
        #expect(Sodium.randomToken() != Sodium.randomToken())
        #expect(Sodium.randomToken().count == 43)
        #expect(Sodium.digest("abc") == Sodium.digest("abc"))
        #expect(Sodium.digest("abc") != Sodium.digest("abc", key: Array("k".utf8)))
        #expect(Sodium.constantTimeEquals("abc", "abc") && !Sodium.constantTimeEquals("abc", "abd"))
        #expect(!Sodium.constantTimeEquals("abc", "abcd") && !Sodium.constantTimeEquals("", "a") && Sodium.constantTimeEquals("", ""))
        #expect(Sodium.constantTimeEquals("普法", String(decoding: Array("普法".utf8), as: UTF8.self)))
    }

    /// BLAKE2b as every other implementation computes it (the values are Python's `hashlib.blake2b`).
    @Test func digestsAreBlake2bInLowercaseHex() {
        #expect(Sodium.digest("abc") == "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319")
        #expect(Sodium.digest("普法", key: Array("k".utf8)) == "026f5f2fe38d2ffd837ef93b67585b3e96501e1345a1c6d0be4da1e94e8390db")
        #expect(Sodium.digest([], length: 16) == "cae66941d9efbd404e4d88758ea67670")
        #expect(Sodium.hex([0x00, 0x0f, 0xa0, 0xff]) == "000fa0ff")
    }
}
