import Foundation

/// JSON Schemas of the profile and segment bodies (kept beside the others' in `Schemas.all` by `OpenAPI.document`).
extension Schemas {
    static var strings: [String: Any] { ["type": "array", "items": string] }
    static var nullableDate: [String: Any] { ["type": ["string", "null"], "format": "date-time"] }

    static var audience: [String: Any] { [
        "Profile": object(["id": integer, "userId": nullableInteger, "kind": ["type": "string", "enum": ["account", "resident"]],
                           "displayName": string, "phone": ["type": ["string", "null"], "description": "masked, e.g. 138****8000"],
                           "groups": strings, "ageBand": nullableString, "occupation": nullableString, "interests": strings,
                           "regionId": nullableInteger, "unitId": nullableInteger, "lastActiveAt": nullableDate, "updatedAt": dateTime],
                          required: ["id", "kind", "displayName", "groups", "interests", "updatedAt"]),
        "ProfilePage": page("Profile"),
        "ProfileDetail": object([
            "profile": ref("Profile"), "factsDays": integer,
            "topics": ["type": "array", "items": object(["topic": string, "answered": integer, "correct": number, "accuracy": number,
                                                         "lastDay": string], required: ["topic", "answered", "correct", "accuracy"])],
            "reads": ["type": "array", "items": object(["slug": string, "title": string, "seconds": integer, "firstAt": dateTime,
                                                        "lastAt": dateTime, "finishedAt": nullableDate], required: ["slug", "title"])],
            "segments": ["type": "array", "items": object(["segmentId": integer, "name": string, "heldOut": boolean],
                                                          required: ["segmentId", "name", "heldOut"])],
        ], required: ["profile", "topics", "reads", "segments"]),
        "ProfileInput": object(["groups": strings, "ageBand": ["type": ["string", "null"], "enum": ["under18", "18-34", "35-59", "60+", NSNull()] as [Any]],
                                "occupation": nullableString, "interests": strings, "regionId": nullableInteger, "unitId": nullableInteger],
                               required: []),
        "SegmentRule": ["type": "object", "description": """
            {"all":[…]} {"any":[…]} {"not":{…}} or a condition {"field": group|unit|region|ageBand|occupation|interest|account|\
            accuracy|read|finished|active|segment, …}; see SegmentRule+JSON.swift
            """],
        "SegmentInput": object(["name": string, "description": string, "rule": ref("SegmentRule"), "holdoutPercent": integer,
                                "expectedVersion": integer, "segmentId": integer], required: ["rule"]),
        "SegmentPreview": object(["count": integer, "heldOut": integer,
                                  "byRegion": ["type": "array", "items": object(["regionId": nullableInteger, "name": string, "count": integer],
                                                                                required: ["regionId", "name", "count"])]],
                                 required: ["count", "heldOut", "byRegion"]),
        "Segment": object(["id": integer, "name": string, "description": string, "rule": ref("SegmentRule"), "holdoutPercent": integer,
                           "version": integer, "createdBy": nullableString, "createdAt": dateTime, "updatedAt": dateTime,
                           "computedAt": nullableDate, "memberCount": integer, "holdoutCount": integer],
                          required: ["id", "name", "rule", "holdoutPercent", "version", "memberCount", "holdoutCount"]),
        "SegmentList": list("Segment"),
        "SegmentMember": object(["profile": ref("Profile"), "heldOut": boolean, "override": nullableString], required: ["profile", "heldOut"]),
        "SegmentMembers": object([
            "page": page("SegmentMember"),
            "overrides": ["type": "array", "items": object(["profile": ref("Profile"), "mode": string, "addedBy": nullableString,
                                                            "addedAt": dateTime], required: ["profile", "mode"])],
        ], required: ["page", "overrides"]),
        "SegmentOverrideInput": object(["mode": ["type": "string", "enum": ["include", "exclude"]]], required: ["mode"]),
    ] }
}
