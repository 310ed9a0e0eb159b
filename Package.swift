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
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
    ],
    targets: [
        // C shims: one tiny target per C library.
        .systemLibrary(name: "CMicroHTTPD", pkgConfig: "libmicrohttpd",
                       providers: [.apt(["libmicrohttpd-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3",
                       providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CSodium", pkgConfig: "libsodium",
                       providers: [.apt(["libsodium-dev"])]),
        .systemLibrary(name: "CDeflate", pkgConfig: "zlib",
                       providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CXLSXWriter", pkgConfig: "xlsxwriter",
                       providers: [.apt(["libxlsxwriter-dev"])]),
        // OpenSSL's libcrypto, for the MD5 that RFC 3797 prescribes (and SHA-256) in verifiable draws.
        .systemLibrary(name: "CLibCrypto", pkgConfig: "libcrypto",
                       providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark-gfm",
                       providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),

        // Infrastructure that knows no domain.
        .target(name: "HTTPServer", dependencies: [
            "CMicroHTTPD", "CDeflate", .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "Database", dependencies: ["CSQLite"]),
        .target(name: "Secrets", dependencies: ["CSodium"]),
        // Outbound HTTP for webhooks (DingTalk/WeCom group robots), with a timeout; Foundation's URLSession over libcurl.
        .target(name: "Outbound"),
        // Markdown to safe HTML (cmark-gfm).
        .target(name: "Markdown", dependencies: ["CCmark"]),

        // Pure domain: values in, values out, no IO, no clock.
        .target(name: "Accounts"),
        .target(name: "Questions"),
        .target(name: "Exams", dependencies: ["Questions"]),
        // Moodle's quiz statistics (facility, discrimination, CIC…) over any mark matrix.
        .target(name: "ItemAnalysis"),
        // Publicly verifiable prize draws (RFC 3797): commitments, eligible-list digests, deterministic winners.
        .target(name: "Draws", dependencies: ["CLibCrypto"]),
        // Public prize quizzes: rounds, immediate-feedback entries, anti-abuse flags, leaderboards, the round's draw.
        .target(name: "Quizzes", dependencies: ["Questions", "Exams", "Draws", "Accounts", "Audience"]),
        // Teaching material: pieces, their rules, who they are for.
        .target(name: "Content"),
        // Targeted delivery: audience groups, profiles' facts, segment rule trees, hold-outs, caps and quiet hours, the feed.
        .target(name: "Audience"),
        // Reach and effect: event rules (kinds, clock skew, duplicates), who is a person, knowledge-gain estimates.
        .target(name: "Reach", dependencies: ["Audience"]),
        // Reading and writing question files: native YAML, GIFT, Moodle XML, CSV, XLSX. Parsing only, no storage.
        .target(name: "QuestionFormats", dependencies: [
            "Questions", "Content", "CXLSXWriter", .product(name: "Yams", package: "Yams"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),

        // SQL for every store, migrations.
        .target(name: "Persistence", dependencies: ["Database", "Accounts", "Questions", "Exams", "Quizzes", "Draws", "Content",
                                                  "Audience", "Reach"]),

        // Routes, DTOs, OpenAPI, wiring of a running application.
        .target(name: "WebAPI", dependencies: [
            "HTTPServer", "Database", "Persistence", "Accounts", "Secrets", "Questions", "QuestionFormats", "Exams", "ItemAnalysis",
            "Quizzes", "Draws", "Content", "Markdown", "Audience", "Reach", "Outbound",
            .product(name: "Logging", package: "swift-log"),
        ]),

        .executableTarget(name: "pufa", dependencies: [
            "WebAPI", "Persistence", "Database", "Accounts", "Secrets", "Questions", "QuestionFormats", "ItemAnalysis", "Draws", "Content", "Audience",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),

        // `make bench`: question import and search on a generated bank (not part of `make test`).
        .executableTarget(name: "QuestionBench", dependencies: ["Database", "Persistence", "QuestionFormats", "Questions", "WebAPI"],
                          path: "Benchmarks/QuestionBench"),

        // `make bench`: segment evaluation, campaign freezing and the feed on a generated population.
        .executableTarget(name: "AudienceBench", dependencies: ["Database", "Persistence", "Audience", "Content", "Accounts", "WebAPI"],
                          path: "Benchmarks/AudienceBench"),

        // For tests: a raw-socket HTTP client that sends exactly the bytes given (URLSession would normalize paths), and a
        // seeded random generator for property tests.
        .target(name: "TestSupport", path: "Tests/TestSupport"),

        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer", "TestSupport"]),
        .testTarget(name: "PersistenceTests", dependencies: ["Persistence", "Database", "Accounts", "Questions", "Exams", "Quizzes",
                                                         "Audience", "Reach", "TestSupport"]),
        .testTarget(name: "DatabaseTests", dependencies: ["Database"]),
        .testTarget(name: "AccountsTests", dependencies: ["Accounts", "Secrets"]),
        .testTarget(name: "QuestionsTests", dependencies: ["Questions", "TestSupport"]),
        .testTarget(name: "ExamsTests", dependencies: ["Exams", "Questions"]),
        .testTarget(name: "ItemAnalysisTests", dependencies: ["ItemAnalysis", "TestSupport"]),
        .testTarget(name: "DrawsTests", dependencies: ["Draws", "TestSupport"]),
        .testTarget(name: "ContentTests", dependencies: ["Content", "Markdown", "QuestionFormats", "Questions"]),
        .testTarget(name: "QuizzesTests", dependencies: ["Quizzes", "Questions", "Exams", "Draws"]),
        .testTarget(name: "AudienceTests", dependencies: ["Audience", "Secrets"]),
        .testTarget(name: "ReachTests", dependencies: ["Reach", "Audience", "TestSupport"]),
        .testTarget(name: "QuestionFormatsTests", dependencies: ["QuestionFormats", "Questions", "TestSupport"]),
        .testTarget(name: "WebAPITests", dependencies: ["WebAPI", "HTTPServer", "Persistence", "Database", "Accounts",
                                                     "Questions", "QuestionFormats", "Draws", "TestSupport", "Audience", "Secrets"]),
    ],
    swiftLanguageModes: [.v6]
)
