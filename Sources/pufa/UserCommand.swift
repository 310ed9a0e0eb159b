import Accounts
import WebAPI
import ArgumentParser
import Foundation
import Persistence
import Secrets

struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage accounts from the command line.",
        subcommands: [Add.self, Passwd.self, List.self, Disable.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an account.")
        @OptionGroup var dataOptions: DataOptions
        @Argument(help: "Login name (letters, digits, _ . - @).") var username: String
        @Option(name: .long, parsing: .upToNextOption,
                help: "One or more of: admin, editor, organizer, official, resident.") var role: [String] = []
        @Option(help: "Name shown in the UI (default: the username).") var name: String?
        @Option(help: "Unit id.") var unit: Int?
        @Flag(help: "Read the password from the first line of standard input.") var passwordStdin = false

        func run() throws {
            let roles = try role.map { r -> Role in
                guard let parsed = Role(rawValue: r) else {
                    throw CLIError("unknown role \(r); use admin, editor, organizer, official or resident")
                }
                return parsed
            }
            let password = try readPassword(stdin: passwordStdin)
            try withAccounts(dataOptions) { service in
                let user = try service.createUser(NewUser(username: username, displayName: name ?? username,
                                                          password: password, roles: Set(roles), unitId: unit),
                                                  actor: .system)
                print("created user \(user.username) (id \(user.id)) with roles \(user.roles.sorted().map(\.rawValue).joined(separator: ", "))")
            }
        }
    }

    struct Passwd: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set an account's password (ends its sessions).")
        @OptionGroup var dataOptions: DataOptions
        @Argument var username: String
        @Flag(help: "Read the password from the first line of standard input.") var passwordStdin = false

        func run() throws {
            let password = try readPassword(stdin: passwordStdin)
            try withAccounts(dataOptions) { service in
                let user = try findUser(username, service)
                _ = try service.updateUser(id: user.id, change: UserChange(password: password), actor: .system)
                print("password changed for \(user.username)")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List accounts.")
        @OptionGroup var dataOptions: DataOptions

        func run() throws {
            try withStore(dataOptions) { store in
                var page = 1
                while true {
                    let result = try store.users(UserQuery(page: page, pageSize: 200))
                    for u in result.items {
                        let state = u.disabled ? "disabled" : "active"
                        print("\(u.id)\t\(u.username)\t\(u.displayName)\t\(u.roles.sorted().map(\.rawValue).joined(separator: ","))\t\(state)")
                    }
                    if page * result.pageSize >= result.total { break }
                    page += 1
                }
            }
        }
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable an account (ends its sessions).")
        @OptionGroup var dataOptions: DataOptions
        @Argument var username: String

        func run() throws {
            try withAccounts(dataOptions) { service in
                let user = try findUser(username, service)
                _ = try service.updateUser(id: user.id, change: UserChange(disabled: true), actor: .system)
                print("disabled \(user.username)")
            }
        }
    }
}

func findUser(_ username: String, _ service: AccountService) throws -> User {
    guard let found = try service.store.credentials(username: username) else { throw CLIError("no user named \(username)") }
    return found.user
}

func withStore(_ options: DataOptions, _ body: (Store) throws -> Void) throws {
    try options.prepareDirectory()
    let store = try Store.open(path: options.databasePath, readers: 1, now: nowMillis())
    defer { store.pool.close() }
    do { try body(store) } catch let error as AccountError { throw CLIError(error.description) }
}

func withAccounts(_ options: DataOptions, _ body: (AccountService) throws -> Void) throws {
    try withStore(options) { store in
        try body(AccountService.standalone(store: store))
    }
}

/// The password from stdin's first line, or typed at a hidden prompt.
func readPassword(stdin: Bool) throws -> String {
    if stdin {
        guard let line = readLine(strippingNewline: true), !line.isEmpty else { throw CLIError("no password on standard input") }
        return line
    }
    guard isatty(0) != 0, let first = getpass("Password: ").map({ String(cString: $0) }),
          let second = getpass("Again: ").map({ String(cString: $0) }) else {
        throw CLIError("no terminal to ask for a password; use --password-stdin")
    }
    guard first == second else { throw CLIError("the passwords differ") }
    return first
}
