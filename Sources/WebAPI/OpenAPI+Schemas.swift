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
    ] }
}
