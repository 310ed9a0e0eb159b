/// Rules for what people type into account forms.
public enum AccountRules {
    public static let minPasswordLength = 10
    public static let maxPasswordLength = 128

    /// Usernames: 2–32 characters of letters, digits, `_ . - @`; no spaces. Chinese names go in displayName.
    public static func checkUsername(_ name: String) throws(AccountError) {
        guard (2...32).contains(name.count) else {
            throw .invalid("用户名长度应为 2–32 个字符 / username must be 2–32 characters")
        }
        let allowed = name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "_.-@".unicodeScalars.contains($0)
        }
        guard allowed else {
            throw .invalid("用户名只能包含字母、数字和 _ . - @ / username may contain letters, digits and _ . - @ only")
        }
    }

    /// Length is what makes a password strong (NIST SP 800-63B): at least 10 characters, not the username.
    public static func checkPassword(_ password: String, username: String) throws(AccountError) {
        guard password.count >= minPasswordLength else {
            throw .invalid("密码至少 \(minPasswordLength) 个字符 / password must have at least \(minPasswordLength) characters")
        }
        guard password.count <= maxPasswordLength else {
            throw .invalid("密码不能超过 \(maxPasswordLength) 个字符 / password is too long")
        }
        guard password.lowercased() != username.lowercased() else {
            throw .invalid("密码不能与用户名相同 / password must differ from the username")
        }
    }

    public static func checkDisplayName(_ name: String) throws(AccountError) {
        let trimmed = name.trimmingWhitespace
        guard !trimmed.isEmpty, trimmed.count <= 64 else {
            throw .invalid("姓名应为 1–64 个字符 / display name must be 1–64 characters")
        }
    }

    public static func check(_ user: NewUser) throws(AccountError) {
        try checkUsername(user.username)
        try checkDisplayName(user.displayName)
        try checkPassword(user.password, username: user.username)
        guard !user.roles.isEmpty else { throw .invalid("至少选择一个角色 / choose at least one role") }
    }
}

extension String {
    var trimmingWhitespace: String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
