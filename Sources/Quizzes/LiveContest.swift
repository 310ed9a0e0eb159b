import Exams
import Questions

/// A live knowledge contest (知识竞赛) in a hall: a host moves everyone through the questions with a countdown;
/// phones answer; a big screen shows the ranking. A value type: every change returns a new contest with a higher
/// `version`, which is what waiting phones watch.
public struct LiveContest: Sendable, Equatable, Codable {
    public enum Phase: String, Sendable, Codable { case lobby, question, reveal, ended }

    public struct Player: Sendable, Equatable, Codable {
        public var id: Int
        public var nickname: String
        public var tokenDigest: String
        public var score: Int
        /// Question index → the answer given.
        public var answers: [Int: LiveAnswer]

        public init(id: Int, nickname: String, tokenDigest: String, score: Int, answers: [Int: LiveAnswer]) {
            self.id = id
            self.nickname = nickname
            self.tokenDigest = tokenDigest
            self.score = score
            self.answers = answers
        }
    }

    public var id: Int
    public var code: String
    public var title: String
    public var items: [PaperItem]
    public var secondsPerQuestion: Int
    /// Faster right answers earn more (see `LiveRules.points`).
    public var speedScoring: Bool
    public var phase: Phase
    /// The question on screen (lobby: -1).
    public var index: Int
    public var questionStartedAt: Int64?
    public var deadline: Int64?
    public var players: [Player]
    /// Bumped by every change (the host's screen follows it).
    public var version: Int
    /// Bumped only when the phase or question changes (phones follow it, so 300 answers do not wake 300 phones each).
    public var stage: Int

    public init(id: Int, code: String, title: String, items: [PaperItem], secondsPerQuestion: Int, speedScoring: Bool) {
        self.id = id
        self.code = code
        self.title = title
        self.items = items
        self.secondsPerQuestion = secondsPerQuestion
        self.speedScoring = speedScoring
        phase = .lobby
        index = -1
        players = []
        version = 1
        stage = 1
    }
}

public struct LiveAnswer: Sendable, Equatable, Codable {
    public var response: QuestionResponse
    public var correct: Bool
    public var points: Int
    public var elapsedMillis: Int64

    public init(response: QuestionResponse, correct: Bool, points: Int, elapsedMillis: Int64) {
        self.response = response
        self.correct = correct
        self.points = points
        self.elapsedMillis = elapsedMillis
    }
}

public enum LiveError: Error, Equatable, Sendable, CustomStringConvertible {
    case notFound
    case wrongPhase(LiveContest.Phase)
    case notCurrent
    case tooLate
    case alreadyAnswered
    case invalid(String)
    case full

    public var description: String {
        switch self {
        case .notFound: "没有这场竞赛，请核对竞赛码 / no contest with this code"
        case .wrongPhase(let p): "现在不能这样做（当前阶段：\(p.rawValue)）/ not possible now (phase \(p.rawValue))"
        case .notCurrent: "这道题不是当前题目 / this is not the current question"
        case .tooLate: "本题作答时间已到 / time is up for this question"
        case .alreadyAnswered: "本题已经作答 / already answered"
        case .invalid(let why): why
        case .full: "本场人数已满 / the contest is full"
        }
    }
}

/// The live contest's rules. Pure: `now` and the question content come from the caller.
public enum LiveRules {
    public static let maxPlayers = 2_000
    /// Answers in flight when the countdown ends are taken for this long.
    public static let graceMillis: Int64 = 1_500

    /// Points for one answer: wrong or late 0; right 1000 without speed scoring; with it
    /// `round(1000 × (1 − elapsed / (2 × limit)))`, so an instant right answer earns 1000 and one at the bell 500.
    public static func points(correct: Bool, elapsedMillis: Int64, limitSeconds: Int, speed: Bool) -> Int {
        guard correct else { return 0 }
        guard speed else { return 1000 }
        let limit = Double(limitSeconds) * 1000
        let fraction = min(1, max(0, Double(elapsedMillis) / limit))
        return Int((1000 * (1 - fraction / 2)).rounded())
    }

    public static func join(_ c: LiveContest, nickname: String, tokenDigest: String) throws(LiveError) -> (LiveContest, Int) {
        let name = nickname.trimmed
        guard (1...16).contains(name.count) else { throw .invalid("昵称应为 1–16 个字 / the nickname must be 1–16 characters") }
        guard c.phase != .ended else { throw .wrongPhase(.ended) }
        guard c.players.count < maxPlayers else { throw .full }
        var next = c
        let id = (c.players.map(\.id).max() ?? 0) + 1
        next.players.append(LiveContest.Player(id: id, nickname: name, tokenDigest: tokenDigest, score: 0, answers: [:]))
        next.version += 1
        return (next, id)
    }

    /// The host's signal: the next question (from the lobby or a reveal), with the countdown starting now.
    public static func next(_ c: LiveContest, now: Int64) throws(LiveError) -> LiveContest {
        guard c.phase == .lobby || c.phase == .reveal else { throw .wrongPhase(c.phase) }
        var next = c
        if c.index + 1 >= c.items.count { next.phase = .ended } else {
            next.index += 1
            next.phase = .question
            next.questionStartedAt = now
            next.deadline = now + Int64(c.secondsPerQuestion) * 1000
        }
        next.version += 1
        next.stage += 1
        return next
    }

    /// The host shows the key and the ranking (at the end of the countdown or earlier).
    public static func reveal(_ c: LiveContest) throws(LiveError) -> LiveContest {
        guard c.phase == .question else { throw .wrongPhase(c.phase) }
        var next = c
        next.phase = .reveal
        next.version += 1
        next.stage += 1
        return next
    }

    public static func end(_ c: LiveContest) -> LiveContest {
        var next = c
        next.phase = .ended
        next.version += 1
        next.stage += 1
        return next
    }

    /// A player's answer to the current question, judged at once (shown at the reveal).
    public static func answer(_ c: LiveContest, player: Int, index: Int, response: QuestionResponse, content: QuestionContent,
                              now: Int64) throws(LiveError) -> LiveContest {
        guard c.phase == .question else { throw .wrongPhase(c.phase) }
        guard index == c.index, c.items.indices.contains(index) else { throw .notCurrent }
        guard let deadline = c.deadline, let started = c.questionStartedAt, now <= deadline + graceMillis else { throw .tooLate }
        guard let at = c.players.firstIndex(where: { $0.id == player }) else { throw .notFound }
        guard c.players[at].answers[index] == nil else { throw .alreadyAnswered }
        let item = c.items[index]
        let correct = (content.grade(ExamGrader.unshuffle(response, item.optionOrder)).fraction ?? 0) >= 1
        let elapsed = max(0, now - started)
        let earned = points(correct: correct, elapsedMillis: elapsed, limitSeconds: c.secondsPerQuestion, speed: c.speedScoring)
        var next = c
        next.players[at].answers[index] = LiveAnswer(response: response, correct: correct, points: earned, elapsedMillis: elapsed)
        next.players[at].score += earned
        next.version += 1
        return next
    }

    /// Players ranked by score; equal scores share a rank (1, 2, 2, 4), then the earlier joiner is listed first.
    public static func ranking(_ c: LiveContest) -> [(player: LiveContest.Player, rank: Int)] {
        let sorted = c.players.sorted { ($0.score, -$0.id) > ($1.score, -$1.id) }
        var out: [(LiveContest.Player, Int)] = []
        for (i, p) in sorted.enumerated() {
            let rank = i > 0 && sorted[i - 1].score == p.score ? out[i - 1].1 : i + 1
            out.append((p, rank))
        }
        return out
    }

    /// How many chose each option (display order) for the current question: the bar chart at the reveal.
    public static func distribution(_ c: LiveContest, optionCount: Int) -> [Int] {
        var counts = [Int](repeating: 0, count: max(optionCount, 2))
        for p in c.players {
            switch p.answers[c.index]?.response {
            case .choice(let chosen)?: for i in chosen where counts.indices.contains(i) { counts[i] += 1 }
            case .judge(let truth)?: counts[truth ? 0 : 1] += 1
            default: break
            }
        }
        return counts
    }
}
