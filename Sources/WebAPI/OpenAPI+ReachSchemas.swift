import Foundation

/// JSON Schemas of the reach dashboard's answers (merged into the document beside the others).
extension Schemas {
    static var nullableNumber: [String: Any] { ["type": ["number", "null"]] }
    static func list(_ item: [String: Any]) -> [String: Any] { ["type": "array", "items": item] }

    static var reachRow: [String: Any] {
        object(["key": string, "name": string, "depth": integer, "reached": integer, "readers": integer, "finished": integer,
                "personTimes": integer, "readRate": nullableNumber, "finishRate": nullableNumber],
               required: ["key", "name", "reached", "personTimes"])
    }

    static var reach: [String: Any] { [
        "ReachSummary": object(["from": string, "to": string, "notes": strings, "events": ["type": "object"],
                                "measures": list(object(["id": string, "chinese": string, "english": string, "definition": string,
                                                         "value": nullableNumber], required: ["id", "chinese", "english", "definition"]))],
                               required: ["from", "to", "measures"]),
        "ReachFunnel": object(["from": string, "to": string,
                               "steps": list(object(["id": string, "chinese": string, "count": integer, "ofPrevious": nullableNumber],
                                                    required: ["id", "count"]))], required: ["steps"]),
        "ReachSeries": object(["from": string, "to": string, "hourly": boolean,
                               "buckets": list(object(["bucket": string, "reached": nullableInteger, "personTimes": integer,
                                                       "readPersonTimes": integer], required: ["bucket", "personTimes"]))],
                              required: ["hourly", "buckets"]),
        "ReachBreakdown": object(["by": string, "note": string, "rows": list(reachRow)], required: ["by", "rows"]),
        "TopContentList": object(["items": list(object(["contentId": integer, "slug": string, "title": string, "personTimes": integer,
                                                        "reached": integer, "readRate": nullableNumber, "finishRate": nullableNumber],
                                                       required: ["contentId", "title", "personTimes"]))], required: ["items"]),
        "NotReachedPage": page("NotReached"),
        "NotReached": object(["profileId": integer, "name": string, "phone": ["type": ["string", "null"], "description": "masked"],
                              "sentAt": nullableDate], required: ["profileId", "name"]),
        "YearlyReport": object(["year": integer, "personTimes": integer, "persons": integer, "pieces": integer, "campaigns": integer,
                                "campaignRuns": integer, "targeted": integer, "note": string,
                                "byGroup": list(object(["group": string, "name": string, "personTimes": integer], required: ["group", "personTimes"])),
                                "quizzes": list(object(["id": integer, "title": string, "entries": integer, "participants": integer,
                                                        "finished": integer], required: ["id", "title"])),
                                "exams": list(object(["id": integer, "title": string, "roster": integer, "took": integer, "passed": integer,
                                                      "participationRate": nullableNumber, "passRate": nullableNumber], required: ["id", "title"]))],
                               required: ["year", "byGroup", "quizzes", "exams"]),
    ] }
}
