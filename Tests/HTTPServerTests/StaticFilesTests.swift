import Foundation
@testable import HTTPServer
import Testing

@Suite struct StaticFilesTests {
    func root() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("static-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("js"), withIntermediateDirectories: true)
        try Data(String(repeating: "console.log('普法');\n", count: 50).utf8).write(to: dir.appendingPathComponent("js/app.js"))
        try Data("<!doctype html>".utf8).write(to: dir.appendingPathComponent("index.html"))
        try Data([0x89, 0x50, 0x4e, 0x47]).write(to: dir.appendingPathComponent("logo.png"))
        return dir
    }

    @Test func typesComeFromTheExtension() throws {
        let dir = try root()
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = try StaticFiles(root: dir, aliases: ["/": "index.html"])
        let js = try #require(files.response(for: Request(method: .GET, path: "/js/app.js")))
        #expect(js.headers["Content-Type"] == "application/javascript; charset=utf-8")
        #expect(files.response(for: Request(method: .GET, path: "/logo.png"))?.headers["Content-Type"] == "image/png")
        #expect(files.response(for: Request(method: .GET, path: "/"))?.headers["Content-Type"] == "text/html; charset=utf-8")
        #expect(files.response(for: Request(method: .POST, path: "/js/app.js")) == nil)
    }

    @Test func gzipIsPrecompressedAndDecompressesToTheOriginal() throws {
        let dir = try root()
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = try StaticFiles(root: dir)
        let response = try #require(files.response(for: Request(method: .GET, path: "/js/app.js",
                                                                headers: Headers([("Accept-Encoding", "gzip")]))))
        #expect(response.headers["Content-Encoding"] == "gzip")
        guard case .shared(let bytes) = response.body else { Issue.record("expected shared bytes"); return }
        let gz = dir.appendingPathComponent("out.gz")
        try Data(bytes.pointer.prefix(bytes.count)).write(to: gz)
        let gunzip = Process()
        gunzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gunzip.arguments = ["-dc", gz.path]
        let pipe = Pipe()
        gunzip.standardOutput = pipe
        try gunzip.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        gunzip.waitUntilExit()
        #expect(output == (try Data(contentsOf: dir.appendingPathComponent("js/app.js"))))
    }

    @Test func smallOrBinaryFilesAreNotCompressed() throws {
        let dir = try root()
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = try StaticFiles(root: dir)
        let png = try #require(files.response(for: Request(method: .GET, path: "/logo.png", headers: Headers([("Accept-Encoding", "gzip")]))))
        #expect(png.headers["Content-Encoding"] == nil)
    }

    @Test func onlyListedFilesCanBeReached() throws {
        let dir = try root()
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = try StaticFiles(root: dir.appendingPathComponent("js"))
        #expect(files.paths == ["/app.js"])
        for path in ["/../index.html", "/./app.js", "/app.js/", "//app.js", "/APP.JS"] {
            #expect(files.response(for: Request(method: .GET, path: path)) == nil, "\(path)")
        }
    }
}
