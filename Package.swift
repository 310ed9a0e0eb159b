// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Pufa",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "pufa", targets: ["pufa"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        // C shims: one tiny target per C library.
        .systemLibrary(name: "CMicroHTTPD", pkgConfig: "libmicrohttpd",
                       providers: [.apt(["libmicrohttpd-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3",
                       providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CSodium", pkgConfig: "libsodium",
                       providers: [.apt(["libsodium-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib",
                       providers: [.apt(["zlib1g-dev"])]),

        // Infrastructure that knows no domain.
        .target(name: "HTTPServer", dependencies: [
            "CMicroHTTPD", "CZlib", .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "Database", dependencies: ["CSQLite"]),
        .target(name: "Secrets", dependencies: ["CSodium"]),

        // Pure domain: values in, values out, no IO, no clock.
        .target(name: "Accounts"),

        // SQL for every store, migrations.
        .target(name: "Persistence", dependencies: ["Database", "Accounts"]),

        // Routes, DTOs, OpenAPI, wiring of a running application.
        .target(name: "WebAPI", dependencies: [
            "HTTPServer", "Database", "Persistence", "Accounts", "Secrets",
            .product(name: "Logging", package: "swift-log"),
        ]),

        .executableTarget(name: "pufa", dependencies: [
            "WebAPI", "Persistence", "Database", "Accounts", "Secrets",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),

        // A raw-socket HTTP client for tests: sends exactly the bytes given (URLSession would normalize paths).
        .target(name: "TestSupport", path: "Tests/TestSupport"),

        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer", "TestSupport"]),
        .testTarget(name: "PersistenceTests", dependencies: ["Persistence", "Database", "Accounts"]),
        .testTarget(name: "DatabaseTests", dependencies: ["Database"]),
        .testTarget(name: "AccountsTests", dependencies: ["Accounts", "Secrets"]),
        .testTarget(name: "WebAPITests", dependencies: ["WebAPI", "HTTPServer", "Persistence", "Database", "Accounts",
                                                     "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
