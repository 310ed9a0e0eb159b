import Database

/// Every schema change, in order. Append-only: a released migration is never edited. The SQL of each lives beside
/// its domain (`Migrations+Foundation.swift`, `+Questions`, `+Exams`, `+Quizzes`, `+Content`, `+Audience`, `+Reach`).
public enum Migrations {
    public static let all: [Migration] = [foundation, questions, exams, officials, quizzes, live, quizReads, content, audience, reach, reachViews, effect,
                                          reachSets, reachDaySums, reachPieceCells, reachTreeSums, previousLogin,
                                          reachUnitCells]
}
