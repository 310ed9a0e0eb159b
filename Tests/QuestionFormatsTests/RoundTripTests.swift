import Foundation
import Testing
@testable import QuestionFormats
import Questions

/// Property: for every format, parse(export(bank)) gives back exactly the questions written — content, id and
/// status — over the whole starter bank and over hundreds of random questions made of nasty text.
@Suite struct RoundTripTests {
    /// Exports, parses through `QuestionFiles` (so the rules check the result too) and compares question by question.
    static func roundTrip(_ bank: ExportBank, as format: QuestionFileFormat) throws -> [String] {
        let bytes = try QuestionFiles.export(bank, as: format)
        let result = QuestionFiles.parse(bytes, filename: "roundtrip.\(format.fileExtension)", format: format)
        guard let parsed = result.bank else {
            return result.problems.prefix(5).map { "\(format): \($0)" }
        }
        var differences: [String] = []
        if parsed.questions.count != bank.questions.count {
            differences.append("\(format): \(parsed.questions.count) questions, expected \(bank.questions.count)")
        }
        for (written, read) in zip(bank.questions, parsed.questions.map(\.exported)) where written != read {
            differences.append("\(format): wrote \(written)\n  read \(read)")
        }
        return Array(differences.prefix(5))
    }

    @Test(arguments: QuestionFileFormat.allCases)
    func starterBankSurvivesExportAndImport(format: QuestionFileFormat) throws {
        for (file, bank) in try starterBanks() {
            let differences = try Self.roundTrip(bank.exported, as: format)
            #expect(differences.isEmpty, "\(file): \(differences.joined(separator: "\n"))")
        }
    }

    @Test(arguments: QuestionFileFormat.allCases)
    func randomNastyQuestionsSurviveExportAndImport(format: QuestionFileFormat) throws {
        for seed: UInt64 in [1, 2, 3, 4, 5, 6] {
            var generator = QuestionGenerator(seed: seed * 7919)
            var bank = generator.bank(50)
            // The native format requires an id on every question (FORMAT.md); the others make it optional.
            if format == .native {
                for i in bank.questions.indices where bank.questions[i].externalId == nil { bank.questions[i].externalId = "native-\(i)" }
            }
            let differences = try Self.roundTrip(bank, as: format)
            #expect(differences.isEmpty, "seed \(seed): \(differences.joined(separator: "\n"))")
        }
    }

    @Test func generatedQuestionsAreValid() {
        var generator = QuestionGenerator(seed: 42)
        for q in generator.bank(300).questions {
            #expect(QuestionRules.problems(in: q.content).isEmpty, "\(q)")
        }
    }

    @Test func generatedQuestionsCoverEveryTypeAndStatus() {
        var generator = QuestionGenerator(seed: 7)
        let questions = generator.bank(300).questions
        #expect(Set(questions.map(\.content.type)) == Set(QuestionType.allCases))
        #expect(Set(questions.map(\.status)) == Set(QuestionStatus.allCases))
        #expect(questions.contains { if case .blanks(let b) = $0.content.key { b.count > 1 } else { false } })
    }

    @Test func bankNameAndDescriptionTravelWithGift() throws {
        let bank = ExportBank(name: "刑法", law: "中华人民共和国刑法", description: "第一行\n第二行", questions: [])
        let parsed = GiftFormat.parse(GiftFormat.export(bank), file: "x.gift.txt").bank
        #expect(parsed?.name == "刑法")
        #expect(parsed?.law == "中华人民共和国刑法")
        #expect(parsed?.description == "第一行\n第二行")
    }

    @Test func bankNameComesFromTheCategoryOrTheFile() throws {
        let starter = try #require(try starterBanks().first { $0.file == "xingfa.yaml" }).bank
        let xml = MoodleXMLFormat.parse(Array(MoodleXMLFormat.export(starter.exported).utf8), file: "export.xml").bank
        #expect(xml?.name == "刑法")
        #expect(xml?.description == starter.description)
        let csv = CSVFormat.parse(CSVFormat.export(starter.exported), file: "uploads/刑法题库.csv").bank
        #expect(csv?.name == "刑法题库")
        let xlsx = XLSXFormat.parse(try XLSXFormat.export(starter.exported), file: "刑法题库.xlsx").bank
        #expect(xlsx?.name == "刑法题库")
    }
}
