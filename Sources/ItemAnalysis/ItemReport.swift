/// The text forms of an analysis for `pufa stats items`: JSON for programs, an aligned table for people. Pure, so
/// the exact output is unit-tested; the CLI only prints it.
public enum ItemReport {
    /// `{"questions":[{"name",…}],"test":{…}}` on one line. Numbers are rounded to 4 decimals; undefined
    /// statistics are `null`; `randomGuessScore` and `responses` appear only for questions where they are known.
    public static func json(names: [String], questions: [QuestionStatistics], test: TestStatistics) -> String {
        precondition(names.count == questions.count, "one name per question")
        let items = zip(names, questions).map { name, q in
            var fields = ["\"name\":\(jsonString(name))", "\"facility\":\(jsonNumber(q.facility))", "\"sd\":\(jsonNumber(q.sd))"]
            if let guess = q.randomGuessScore { fields.append("\"randomGuessScore\":\(jsonNumber(guess))") }
            fields += [
                "\"intendedWeight\":\(jsonNumber(q.intendedWeight))",
                "\"effectiveWeight\":\(jsonNumber(q.effectiveWeight))",
                "\"discriminationIndex\":\(jsonNumber(q.discriminationIndex))",
                "\"discriminativeEfficiency\":\(jsonNumber(q.discriminativeEfficiency))",
                "\"weakDiscrimination\":\(q.weakDiscrimination)",
            ]
            if let counts = q.responseCounts {
                let list = counts.map { "{\"option\":\(jsonString($0.option)),\"count\":\($0.count)}" }
                fields.append("\"responses\":[\(list.joined(separator: ","))]")
            }
            return "{" + fields.joined(separator: ",") + "}"
        }
        let testFields = [
            "\"attempts\":\(test.attempts)", "\"mean\":\(jsonNumber(test.mean))", "\"median\":\(jsonNumber(test.median))",
            "\"sd\":\(jsonNumber(test.sd))", "\"skewness\":\(jsonNumber(test.skewness))",
            "\"kurtosis\":\(jsonNumber(test.kurtosis))", "\"cic\":\(jsonNumber(test.cic))",
            "\"errorRatio\":\(jsonNumber(test.errorRatio))", "\"standardError\":\(jsonNumber(test.standardError))",
        ]
        return "{\"questions\":[\(items.joined(separator: ","))],\"test\":{\(testFields.joined(separator: ","))}}"
    }

    /// A number rounded to 4 decimals in its shortest form (`67.5`, `100`, `-0.1235`), or `null`.
    static func jsonNumber(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "null" }
        let rounded = (value * 10_000).rounded() / 10_000
        if rounded == 0 { return "0" }
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
        return "\(rounded)"
    }

    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
