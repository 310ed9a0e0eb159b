import Questions

/// A response as stored (`responses.response`, `quiz_answers.response`): the same text Foundation's encoder writes
/// for `QuestionResponse` (`{"choice":{"_0":[0,2]}}`, sorted keys, slashes unescaped), written by hand because every
/// exam save and quiz answer stores one and the encoder was a twentieth of their cost. A test checks the two agree.
enum ResponseJSON {
    static func encode(_ response: QuestionResponse) -> String {
        var out = "{\""
        switch response {
        case .choice(let c): out += "choice\":{\"_0\":[" + c.map(String.init).joined(separator: ",") + "]}}"
        case .judge(let j): out += "judge\":{\"_0\":" + (j ? "true" : "false") + "}}"
        case .blanks(let b):
            out += "blanks\":{\"_0\":["
            for (i, s) in b.enumerated() { if i > 0 { out += "," }; quote(s, into: &out) }
            out += "]}}"
        case .text(let t):
            out += "text\":{\"_0\":"
            quote(t, into: &out)
            out += "}}"
        }
        return out
    }

    static func quote(_ s: String, into out: inout String) {
        var bytes: [UInt8] = [34]
        bytes.reserveCapacity(s.utf8.count + 2)
        for b in s.utf8 {
            switch b {
            case 34: bytes += [92, 34]
            case 92: bytes += [92, 92]
            case 8: bytes += [92, 98]
            case 12: bytes += [92, 102]
            case 10: bytes += [92, 110]
            case 13: bytes += [92, 114]
            case 9: bytes += [92, 116]
            case 0..<32:
                let hex = Array("0123456789abcdef".utf8)
                bytes += [92, 117, 48, 48, hex[Int(b >> 4)], hex[Int(b & 15)]]
            default: bytes.append(b)
            }
        }
        bytes.append(34)
        out += String(decoding: bytes, as: UTF8.self)
    }
}
