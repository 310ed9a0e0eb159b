import Foundation
import Testing
@testable import WebAPI

/// The batch reader takes what `JSONDecoder` takes for an event batch and refuses what it refuses, without its cost.
@Suite struct EventBatchReaderTests {
    func read(_ text: String) throws -> EventBatchDTO { try EventBatchReader.read(Array(text.utf8)) }
    func read(_ bytes: [UInt8]) throws -> EventBatchDTO { try EventBatchReader.read(bytes) }
    func foundation(_ bytes: [UInt8]) -> EventBatchDTO? { try? JSONDecoder().decode(EventBatchDTO.self, from: Data(bytes)) }

    @Test func aBatchIsReadWithEveryField() throws {
        let text = #"""
             { "device" : "dev-12345678", "token": null, "events" : [
               {"id":"a1","kind":"read","content":"fanzha-sanbu","campaign":7,"channel":"inbox","at":1763800000000,"seconds":15,"depth":0.6},
               {"at":-5,"content":"法治","kind":"opened","id":"a2","campaign":null,"seconds":null,"depth":null,"channel":null}
             ] }
            """#
        #expect(try read(text) == EventBatchDTO(device: "dev-12345678", token: nil, events: [
            .init(id: "a1", kind: "read", content: "fanzha-sanbu", campaign: 7, channel: "inbox", at: 1_763_800_000_000, seconds: 15, depth: 0.6),
            .init(id: "a2", kind: "opened", content: "法治", campaign: nil, channel: nil, at: -5, seconds: nil, depth: nil),
        ]))
        #expect(try read(#"{"events":[]}"#) == EventBatchDTO(device: nil, token: nil, events: []))
    }

    @Test func unknownKeysAreSkippedWithWhateverTheyHold() throws {
        let text = #"{"v":2,"events":[{"id":"a","kind":"opened","content":"c","at":1,"extra":{"x":[1,2.5e3,true,false,null,"s\n"]}}],"more":[]}"#
        #expect(try read(text).events.map(\.id) == ["a"])
        #expect(foundation(Array(text.utf8)) == (try read(text)))
    }

    @Test func aKeyGivenTwiceCountsWithItsLastValue() throws {
        #expect(try read(#"{"device":"first-device","device":"second-device","events":[]}"#).device == "second-device")
    }

    @Test func escapesAreDecodedLikeJSONDecoder() throws {
        let texts = [
            #"{"events":[{"id":"a\"b\\c\/d\b\f\n\r\t","kind":"opened","content":"\u6cd5\u6CBB","at":1}]}"#,
            #"{"events":[{"id":"\ud83d\ude00 \u0000 \u00e9","kind":"op\u0065ned","content":"😀é","at":1}]}"#,
            #"{"\u0065vents":[{"\u0069d":"x","kind":"opened","content":"c","at":1}],"d\u0065vice":"escaped-key"}"#,
        ]
        for text in texts {
            #expect(try read(text) == foundation(Array(text.utf8)), "\(text)")
        }
        #expect(try read(texts[0]).events[0].content == "法治")
        #expect(try read(texts[1]).events[0].id == "😀 \u{0} é")
        #expect(try read(texts[2]).device == "escaped-key")
    }

    @Test func wholeNumbersMayBeWrittenAsFractionsOrExponents() throws {
        for (written, value) in [("15", 15), ("15.0", 15), ("1e2", 100), ("1E+1", 10), ("-0", 0), ("2.50e1", 25)] {
            let text = #"{"events":[{"id":"a","kind":"read","content":"c","at":\#(written),"seconds":\#(written)}]}"#
            #expect(try read(text).events[0].at == Int64(value))
            #expect(try read(text) == foundation(Array(text.utf8)), "\(written)")
        }
        for (written, value) in [("0.6", 0.6), ("1", 1.0), ("-1.5e-3", -0.0015), ("0.1000000000000000055511151231257827", 0.1)] {
            let text = #"{"events":[{"id":"a","kind":"read","content":"c","at":1,"depth":\#(written)}]}"#
            #expect(try read(text).events[0].depth == value)
            #expect(try read(text) == foundation(Array(text.utf8)), "\(written)")
        }
        let extremes = #"{"events":[{"id":"a","kind":"o","content":"c","at":-9223372036854775808},{"id":"b","kind":"o","content":"c","at":9223372036854775807}]}"#
        #expect(try read(extremes).events.map(\.at) == [Int64.min, Int64.max])
    }

    static let event = #"{"id":"a","kind":"opened","content":"c","at":1}"#
    /// Each refused, and by `JSONDecoder` too (apart from the reader's own nesting limit).
    static let malformed: [String] = [
        "", " ", "{", "}", "[]", "null", "\"events\"", "{not json", #"{"events":[]"#, #"{"events":[]} x"#, #"{"events":[]}{}"#,
        #"{,"events":[]}"#, #"{"events" []}"#, #"{'events':[]}"#, #"{events:[]}"#,
        #"{"device":"d"}"#, #"{"events":null}"#, #"{"events":{}}"#, #"{"events":"[]"}"#, #"{"events":[null]}"#, #"{"events":[1]}"#,
        #"{"events":[{"kind":"opened","content":"c","at":1}]}"#, #"{"events":[{"id":"a","kind":"opened","content":"c"}]}"#,
        #"{"events":[{"id":1,"kind":"opened","content":"c","at":1}]}"#, #"{"events":[{"id":"a","kind":"opened","content":"c","at":"1"}]}"#,
        #"{"events":[{"id":"a","kind":"opened","content":"c","at":1.5}]}"#, #"{"events":[{"id":"a","kind":"opened","content":"c","at":1,"depth":"0.5"}]}"#,
        #"{"events":[{"id":"a","kind":"opened","content":"c","at":1,"seconds":true}]}"#, #"{"device":5,"events":[]}"#, #"{"token":[],"events":[]}"#,
        #"{"events":[{"id":"a","kind":"opened","content":"c","at":9223372036854775808}]}"#,
        #"{"events":[{"id":"a","kind":"opened","content":"c","at":-9223372036854775809}]}"#,
        #"{"events":[{"id":"a","kind":"opened","content":"c","at":1e19}]}"#, #"{"events":[{"id":"a","kind":"opened","content":"c","at":1,"depth":1e400}]}"#,
        #"{"events":[{"id":"a","kind":"opened","content":"c","at":01}]}"#, #"{"events":[{"id":"a","kind":"opened","content":"c","at":1.}]}"#,
        #"{"events":[{"id":"a","kind":"opened","content":"c","at":-}]}"#, #"{"events":[{"id":"a","kind":"opened","content":"c","at":+1}]}"#,
        #"{"events":[{"id":"a","kind":"opened","content":"c","at":1e}]}"#, #"{"events":[{"id":"a","kind":"opened","content":"c","at":.5}]}"#,
        #"{"events":[{"id":"a","kind":"opened","content":"c","at":NaN}]}"#, #"{"x":tru,"events":[]}"#, #"{"x":nul,"events":[]}"#,
        #"{"device":"\ud83d","events":[]}"#, #"{"device":"\ud83dx","events":[]}"#, #"{"device":"\ude00\ud83d","events":[]}"#,
        #"{"device":"\ud83d\u0041","events":[]}"#, #"{"device":"\u12G4","events":[]}"#, #"{"device":"\u12","events":[]}"#,
        #"{"device":"\x41","events":[]}"#, #"{"device":"\'","events":[]}"#, "{\"device\":\"a\tb\",\"events\":[]}",
        "{\"device\":\"a\nb\",\"events\":[]}", #"{"device":"abc"#, #"{"device":"abc\"#,
    ]

    @Test(arguments: malformed) func aMalformedBatchIsRefused(_ text: String) {
        #expect(throws: EventBatchReader.Malformed.self) { try read(text) }
        #expect(foundation(Array(text.utf8)) == nil, "JSONDecoder refuses it too")
    }

    /// `JSONDecoder` lets these through (trailing commas; a bad escape in a string it never reads); no JSON writer
    /// produces them, and the reader keeps to the standard.
    @Test func whatTheStandardForbidsIsRefusedEvenWhereJSONDecoderIsLenient() {
        for text in [#"{"events":[],}"#, #"{"events":[\#(Self.event),]}"#, #"{"x":"\q","events":[]}"#, #"{"x":[1,],"events":[]}"#] {
            #expect(throws: EventBatchReader.Malformed.self, "\(text)") { try read(text) }
        }
    }

    @Test func bytesThatAreNotUTF8AreRefused() {
        for bad: [UInt8] in [[0xFF], [0xC3], [0xE6, 0xB3], [0xED, 0xA0, 0x80], [0xC0, 0xAF]] {
            let text = Array(#"{"device":""#.utf8) + bad + Array(#"","events":[]}"#.utf8)
            #expect(throws: EventBatchReader.Malformed.self) { try read(text) }
            #expect(foundation(text) == nil)
            let escaped = Array(#"{"device":"\n"#.utf8) + bad + Array(#"","events":[]}"#.utf8)
            #expect(throws: EventBatchReader.Malformed.self) { try read(escaped) }
        }
    }

    @Test func everyTruncationOfABatchIsRefused() throws {
        let text = Array(#"{"device":"dev-1234\u00e9","events":[{"id":"a1","kind":"read","content":"c","at":12,"depth":0.25,"x":[{}]}]}"#.utf8)
        _ = try read(text)
        for n in 0..<text.count {
            #expect(throws: EventBatchReader.Malformed.self, "\(n) bytes") { try read(Array(text[..<n])) }
        }
    }

    @Test func nestingDeeperThanTheLimitIsRefused() throws {
        let fits = String(repeating: "[", count: EventBatchReader.maxDepth - 1) + String(repeating: "]", count: EventBatchReader.maxDepth - 1)
        #expect(try read(#"{"x":\#(fits),"events":[]}"#).events == [])
        let deep = "[" + fits + "]"
        #expect(throws: EventBatchReader.Malformed.self) { try read(#"{"x":\#(deep),"events":[]}"#) }
        let hostile = String(repeating: "[", count: 100_000)
        #expect(throws: EventBatchReader.Malformed.self) { try read(#"{"x":\#(hostile)"#) }
    }

    @Test func moreThanFiftyEventsAreReadForTheServiceToRefuse() throws {
        let many = (0..<60).map { _ in Self.event }.joined(separator: ",")
        #expect(try read(#"{"events":[\#(many)]}"#).events.count == 60)
    }

    @Test func aReceiptIsWrittenAsResponseJSONWouldWriteIt() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let everyReason = Dictionary(uniqueKeysWithValues: ["unknown_kind", "server_kind", "unknown_content", "too_old", "bad_id", "bad_value",
                                                                        "duplicate", "batch_too_large", "malformed"].enumerated().map { ($1, $0 + 1) })
        for receipt in [EventReceipt(accepted: 10, rejected: [:]), EventReceipt(accepted: 0, rejected: ["unknown_kind": 3]),
                        EventReceipt(accepted: 7, rejected: everyReason)] {
            #expect(String(decoding: receipt.json, as: UTF8.self) == String(decoding: try encoder.encode(receipt), as: UTF8.self))
        }
    }
}
