import Questions

/// The marks of each counted attempt per question, for item analysis (questions in a fixed order).
public struct ItemMarks: Sendable, Equatable {
    public var questionIds: [Int]
    public var maxMarks: [Double]
    /// One row per attempt, one mark per question.
    public var marks: [[Double]]
    /// Chance of full marks by guessing (1/k for single choice, 1/2 for true/false), when known.
    public var randomGuess: [Double?]
    /// How often each original option (A, B, …; 正确/错误) was chosen.
    public var optionCounts: [[(option: String, count: Int)]?]

    public static func == (a: ItemMarks, b: ItemMarks) -> Bool {
        a.questionIds == b.questionIds && a.maxMarks == b.maxMarks && a.marks == b.marks && a.randomGuess == b.randomGuess
    }
}

extension ItemMarks {
    /// Grades every slot of every attempt from its stored responses against the version it used. Only questions
    /// every attempt had are kept (all of them for a fixed paper), so the matrix is complete.
    public static func build(attempts: [(attempt: AttemptRecord, responses: [SavedResponse])],
                             versions: [Int: [Int: QuestionContent]], scoring: MultipleChoiceScoring) -> ItemMarks {
        var common: Set<Int>?
        for (attempt, _) in attempts {
            let ids = Set(attempt.items.map(\.questionId))
            common = common.map { $0.intersection(ids) } ?? ids
        }
        let ids = (common ?? []).sorted()
        var rows: [[Double]] = []
        var maxMarks = [Double](repeating: 0, count: ids.count)
        var counts = [[Int: Int]](repeating: [:], count: ids.count)
        for (attempt, responses) in attempts {
            let bySlot = Dictionary(responses.map { ($0.slot, $0) }, uniquingKeysWith: { a, b in a.seq >= b.seq ? a : b })
            var row: [Double] = []
            for (column, id) in ids.enumerated() {
                guard let item = attempt.items.first(where: { $0.questionId == id }),
                      let content = versions[id]?[item.version] else { row.append(0); continue }
                maxMarks[column] = item.points
                let response = bySlot[item.slot].map { ExamGrader.unshuffle($0.response, item.optionOrder) }
                row.append((content.grade(response, scoring: scoring).fraction ?? 0) * item.points)
                switch response {
                case .choice(let chosen)?: for o in chosen { counts[column][o, default: 0] += 1 }
                case .judge(let truth)?: counts[column][truth ? 0 : 1, default: 0] += 1
                default: break
                }
            }
            rows.append(row)
        }
        let contents = ids.map { id in versions[id]?.values.first }
        return ItemMarks(
            questionIds: ids, maxMarks: maxMarks, marks: rows,
            randomGuess: contents.map { c in
                switch c?.type {
                case .single?: c.map { $0.options.isEmpty ? nil : 1 / Double($0.options.count) } ?? nil
                case .judge?: 0.5
                default: nil
                }
            },
            optionCounts: contents.enumerated().map { column, c -> [(option: String, count: Int)]? in
                guard let c else { return nil }
                switch c.type {
                case .single, .multiple: return c.options.indices.map { (optionLetter($0), counts[column][$0] ?? 0) }
                case .judge: return [("正确", counts[column][0] ?? 0), ("错误", counts[column][1] ?? 0)]
                default: return nil
                }
            })
    }
}
