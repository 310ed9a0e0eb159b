// Question-bank benchmark (`make bench`): imports N generated questions through the real import path
// (native file → parse → plan → one transaction) and compares rows/s with a plain prepared-insert loop into
// SQLite in the same run; then measures search latency on that bank. Prints a markdown table.
import Database
import Foundation
import Persistence
import QuestionFormats
import Questions
import WebAPI

let arguments = CommandLine.arguments
func option(_ name: String, _ fallback: Int) -> Int {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count, let v = Int(arguments[i + 1]) else { return fallback }
    return v
}
let count = option("--count", 100_000)
let queries = option("--queries", 400)
let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let work = FileManager.default.temporaryDirectory.appendingPathComponent("pufa-qbench-\(getpid())")
try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: work) }

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = ContinuousClock.now
    try body()
    let (s, atto) = (ContinuousClock.now - start).components
    return Double(s) + Double(atto) / 1e18
}

// 1. N distinct questions, made from the starter bank's real texts (so lengths and characters are realistic).
let starter = try questionFiles(in: repo.appendingPathComponent("Questions")).flatMap { file in
    try QuestionFiles.parse([UInt8](Data(contentsOf: file)), filename: file.lastPathComponent).get().questions
}
var generated: [ExportQuestion] = []
generated.reserveCapacity(count)
for i in 0..<count {
    var content = starter[i % starter.count].content
    content.stem += "（第\(i + 1)题）"
    generated.append(ExportQuestion(externalId: "bench-\(i + 1)", content: content))
}
// Files of 5,000 questions each (about 5 MB, under the 10 MB import limit), imported in one run.
let chunk = 5000
var files: [(name: String, bytes: [UInt8])] = []
for start in stride(from: 0, to: count, by: chunk) {
    let part = Array(generated[start..<min(start + chunk, count)])
    let name = "bench-\(start / chunk + 1).yaml"
    files.append((name, try QuestionFiles.export(ExportBank(name: "基准题库\(start / chunk + 1)", questions: part), as: .native)))
}

// 2. Pufa: parse + validate + plan + apply, durable (synchronous=FULL, one transaction).
let store = try Store.open(path: work.appendingPathComponent("pufa.sqlite").path, now: 0)
let service = QuestionService(store: store)
var added = 0
var banks: [ParsedBank] = []
let parseSeconds = try seconds { banks = try files.map { try QuestionFiles.parse($0.bytes, filename: $0.name).get() } }
var dryRunSeconds = 0.0
let storeSeconds = try seconds {
    dryRunSeconds = try seconds { _ = try service.importBanks(banks, dryRun: true, editor: Editor(userId: nil, name: "bench", requestId: nil)) }
    added = try service.importBanks(banks, dryRun: false, editor: Editor(userId: nil, name: "bench", requestId: nil))
        .map(\.plan.added).reduce(0, +)
} - dryRunSeconds
FileHandle.standardError.write(Data(String(format: "lookups+plan (dry run) %.1f s\n", dryRunSeconds).utf8))
let pufaSeconds = parseSeconds + storeSeconds
FileHandle.standardError.write(Data(String(format: "parse %.1f s, plan+store %.1f s\n", parseSeconds, storeSeconds).utf8))
precondition(added == count, "imported \(added) of \(count)")

// 3. Reference: the same rows as plain prepared inserts, one transaction, same durability.
let raw = try Connection(path: work.appendingPathComponent("raw.sqlite").path)
try raw.execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE q (id INTEGER PRIMARY KEY, external_id TEXT, content TEXT)")
let payloads = generated.map { "\($0.content.stem)\u{1E}\($0.content.options.joined(separator: "\u{1F}"))\u{1E}\($0.content.explanation)" }
let rawSeconds = try seconds {
    try raw.transaction {
        for (i, payload) in payloads.enumerated() { try raw.run("INSERT INTO q (external_id, content) VALUES (?, ?)", ["bench-\(i)", payload]) }
    }
}
raw.close()

// 3b. The same rows plus the same Chinese search index Pufa keeps (normalized text + FTS5 bigrams, texts
// prepared before the clock starts): the storage limit for this workload.
let rawFTS = try Connection(path: work.appendingPathComponent("raw-fts.sqlite").path)
try rawFTS.execute("""
    PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;
    CREATE TABLE q (id INTEGER PRIMARY KEY, external_id TEXT, content TEXT);
    CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT);
    CREATE VIRTUAL TABLE g USING fts5(grams, tokenize = 'unicode61', detail = none, content = '');
    """)
let indexTexts = generated.map { SearchText.indexText($0.content) }
let rawFTSSeconds = try seconds {
    try rawFTS.transaction {
        for (i, text) in indexTexts.enumerated() {
            try rawFTS.run("INSERT INTO q (external_id, content) VALUES (?, ?)", ["bench-\(i)", payloads[i]])
            let id = rawFTS.lastInsertRowID
            try rawFTS.run("INSERT INTO t (id, body) VALUES (?, ?)", [id, text.normalized])
            try rawFTS.run("INSERT INTO g (rowid, grams) VALUES (?, ?)", [id, text.grams])
        }
    }
}
rawFTS.close()

// 4. Search latency on the imported bank: short and long Chinese words, filters, categories.
let texts = ["离婚", "罚款", "诉讼时效", "行政处罚", "未成年人", "个人信息", "劳动合同", "听证", "国家赔偿", "宪法"]
var latencies: [Double] = []
for i in 0..<queries {
    let query: QuestionQuery = switch i % 4 {
    case 0: QuestionQuery(text: texts[i % texts.count])
    case 1: QuestionQuery(text: texts[i % texts.count], type: .single, difficulty: 2)
    case 2: QuestionQuery(category: "民法典", page: 3)
    default: QuestionQuery(type: .judge, status: .active, law: "中华人民共和国行政处罚法", audience: "resident")
    }
    latencies.append(try seconds { _ = try store.search(query) } * 1000)
}
let sorted = latencies.sorted()
let p50 = sorted[sorted.count / 2], p99 = sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.99))]
store.pool.close()

let pufaRate = Double(count) / pufaSeconds, rawRate = Double(count) / rawSeconds, rawFTSRate = Double(count) / rawFTSSeconds
print("| measure | result | reference | ratio | goal |")
print("|---|---|---|---|---|")
print(String(format: "| import %d questions (parse, validate, plan, store; durable) | %.0f rows/s (%.1f s) | raw prepared inserts %.0f rows/s | %.2f× | ≥ 0.30× |",
             count, pufaRate, pufaSeconds, rawRate, pufaRate / rawRate))
print(String(format: "| same import | %.0f rows/s | raw prepared inserts with the same search index %.0f rows/s | %.2f× | |",
             pufaRate, rawFTSRate, pufaRate / rawFTSRate))
print(String(format: "| search on %d questions, %d queries | p50 %.2f ms, p99 %.2f ms | | | p99 < 20 ms |",
             count, queries, p50, p99))

func questionFiles(in dir: URL) throws -> [URL] {
    try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)
        .filter { $0.pathExtension == "yaml" }.sorted { $0.path < $1.path }
}
