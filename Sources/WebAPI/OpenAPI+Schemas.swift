/// JSON Schemas of the API's bodies, referenced from the OpenAPI document.
enum Schemas {
    static func object(_ properties: [String: Any], required: [String]) -> [String: Any] {
        ["type": "object", "properties": properties, "required": required]
    }
    static var string: [String: Any] { ["type": "string"] }
    static var integer: [String: Any] { ["type": "integer"] }
    static var nullableInteger: [String: Any] { ["type": ["integer", "null"]] }
    static var boolean: [String: Any] { ["type": "boolean"] }
    static var dateTime: [String: Any] { ["type": "string", "format": "date-time"] }
    static var role: [String: Any] { ["type": "string", "enum": ["admin", "editor", "organizer", "official", "resident"]] }
    static func ref(_ name: String) -> [String: Any] { ["$ref": "#/components/schemas/\(name)"] }
    static func page(_ item: String) -> [String: Any] {
        object(["items": ["type": "array", "items": ref(item)], "total": integer, "page": integer, "pageSize": integer],
               required: ["items", "total", "page", "pageSize"])
    }
    static func list(_ item: String) -> [String: Any] {
        object(["items": ["type": "array", "items": ref(item)]], required: ["items"])
    }

    static var all: [String: Any] { [
        "Error": object(["error": object(["code": string, "message": string], required: ["code", "message"])],
                        required: ["error"]),
        "Health": object(["status": string, "database": string], required: ["status"]),
        "User": object(["id": integer, "username": string, "displayName": string,
                        "roles": ["type": "array", "items": role], "unitId": nullableInteger,
                        "regionId": nullableInteger, "disabled": boolean, "createdAt": dateTime,
                        "lastLoginAt": ["type": ["string", "null"], "format": "date-time"]],
                       required: ["id", "username", "displayName", "roles", "disabled", "createdAt"]),
        "Session": object(["user": ["oneOf": [ref("User"), ["type": "null"]]],
                           "permissions": ["type": "array", "items": string]], required: ["permissions"]),
        "Login": object(["username": string, "password": string], required: ["username", "password"]),
        "PasswordChange": object(["currentPassword": string, "newPassword": string],
                                 required: ["currentPassword", "newPassword"]),
        "CreateUser": object(["username": string, "displayName": string, "password": string,
                              "roles": ["type": "array", "items": role], "unitId": nullableInteger,
                              "regionId": nullableInteger],
                             required: ["username", "displayName", "password", "roles"]),
        "UpdateUser": object(["displayName": string, "roles": ["type": "array", "items": role],
                              "unitId": nullableInteger, "regionId": nullableInteger, "disabled": boolean,
                              "password": string], required: []),
        "UserPage": page("User"),
        "Unit": object(["id": integer, "parentId": nullableInteger, "name": string,
                        "code": ["type": ["string", "null"]]], required: ["id", "name"]),
        "UnitList": list("Unit"),
        "CreateUnit": object(["name": string, "parentId": nullableInteger, "code": string], required: ["name"]),
        "Region": object(["id": integer, "parentId": nullableInteger, "name": string,
                          "level": ["type": "string", "enum": ["county", "town", "village"]]],
                         required: ["id", "name", "level"]),
        "RegionList": list("Region"),
        "CreateRegion": object(["name": string, "parentId": nullableInteger,
                                "level": ["type": "string", "enum": ["county", "town", "village"]]],
                               required: ["name", "level"]),
        "AuditEntry": object(["id": integer, "at": dateTime, "actor": string, "actorId": nullableInteger,
                              "action": string, "objectType": string, "objectId": ["type": ["string", "null"]],
                              "before": [:] as [String: Any], "after": [:] as [String: Any],
                              "requestId": ["type": ["string", "null"]]],
                             required: ["id", "at", "actor", "action", "objectType"]),
        "AuditPage": page("AuditEntry"),
        "Answer": ["description": "Option letters (\"B\", \"ACD\"), true/false, accepted variants per blank ([[\"十五日\",\"15日\"]]), or reference text",
                   "oneOf": [string, boolean, ["type": "array", "items": ["type": "array", "items": string]]]],
        "Question": object(["id": integer, "bankId": integer, "externalId": ["type": ["string", "null"]],
                            "status": ["type": "string", "enum": ["draft", "active", "retired"]], "version": integer,
                            "type": ["type": "string", "enum": ["single", "multiple", "judge", "blank", "case"]],
                            "stem": string, "options": ["type": "array", "items": string], "answer": ref("Answer"),
                            "explanation": string, "basis": string, "quote": string, "category": string,
                            "topics": ["type": "array", "items": string], "difficulty": integer,
                            "audiences": ["type": "array", "items": string], "createdAt": dateTime, "updatedAt": dateTime],
                           required: ["id", "bankId", "status", "version", "type", "stem", "answer", "explanation", "basis"]),
        "QuestionPage": page("Question"),
        "QuestionInput": object(["bankId": integer, "status": string, "type": string, "stem": string,
                                 "options": ["type": "array", "items": string], "answer": ref("Answer"),
                                 "explanation": string, "basis": string, "quote": string, "category": string,
                                 "topics": ["type": "array", "items": string], "difficulty": integer,
                                 "audiences": ["type": "array", "items": string], "expectedVersion": integer, "note": string],
                                required: ["type", "stem", "answer", "explanation", "basis"]),
        "QuestionFile": ["type": "string", "format": "binary",
                         "description": "The file itself as the body; name it with ?filename="],
        "ImportReport": object(["dryRun": boolean, "bank": string, "bankId": nullableInteger, "added": integer,
                                "changed": integer, "unchanged": integer, "duplicates": integer,
                                "items": ["type": "array", "items": object(["location": string, "id": string, "action": string,
                                                                             "questionId": nullableInteger], required: ["location", "action"])]],
                               required: ["dryRun", "bank", "added", "changed", "unchanged", "duplicates", "items"]),
        "BankList": object(["items": ["type": "array", "items": object(["id": integer, "name": string, "law": string,
                                                                         "description": string, "questionCount": integer],
                                                                        required: ["id", "name", "questionCount"])]],
                           required: ["items"]),
        "CategoryList": object(["items": ["type": "array", "items": string]], required: ["items"]),
    ] }
}
