import Foundation
import HTTPServer

/// Builds the OpenAPI 3.1 document from the route table, so every route is documented by construction.
enum OpenAPI {
    static func document(_ operations: [Operation]) -> [UInt8] {
        var paths: [String: [String: Any]] = [:]
        for op in operations {
            var entry: [String: Any] = [
                "operationId": op.id,
                "summary": op.summary,
                "description": "Access: \(op.access.description)",
                "responses": responses(op),
            ]
            var parameters: [[String: Any]] = pathParameters(op.path).map {
                ["name": $0, "in": "path", "required": true, "schema": ["type": "integer"]]
            }
            parameters += op.query.map { ["name": $0, "in": "query", "required": false, "schema": ["type": "string"]] }
            if !parameters.isEmpty { entry["parameters"] = parameters }
            if let body = op.requestSchema {
                let mediaType = ["QuestionFile", "RosterFile", "ContentFile"].contains(body) ? "application/octet-stream" : "application/json"
                entry["requestBody"] = ["required": true,
                                        "content": [mediaType: ["schema": ["$ref": "#/components/schemas/\(body)"]]]]
            }
            if case .anyone = op.access {} else { entry["security"] = [["session": [String]()]] }
            paths[op.path, default: [:]][op.method.rawValue.lowercased()] = entry
        }
        let document: [String: Any] = [
            "openapi": "3.1.0",
            "info": ["title": "Pufa 普法 API", "version": "1.0.0",
                     "description": "JSON under /api/v1. Errors are {\"error\":{\"code\",\"message\"}}. State-changing requests need the X-CSRF-Token header equal to the pufa_csrf cookie."],
            "paths": paths,
            "components": ["schemas": Schemas.all.merging(Schemas.campaigns) { a, _ in a }.merging(Schemas.audience) { a, _ in a }.merging(Schemas.reach) { a, _ in a },
                           "securitySchemes": ["session": ["type": "apiKey", "in": "cookie", "name": "pufa_session"]]],
        ]
        let data = (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return [UInt8](data)
    }

    static func responses(_ op: Operation) -> [String: Any] {
        var result: [String: Any] = [:]
        let success: [String: Any]
        if let schema = op.responseSchema {
            success = ["description": "OK", "content": ["application/json": ["schema": ["$ref": "#/components/schemas/\(schema)"]]]]
        } else {
            success = ["description": op.successStatus == 204 ? "No content" : "OK"]
        }
        result[String(op.successStatus)] = success
        let error: [String: Any] = ["description": "Error",
                                    "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]]]
        result["4XX"] = error
        return result
    }

    static func pathParameters(_ path: String) -> [String] {
        path.split(separator: "/").filter { $0.hasPrefix("{") }.map { String($0.dropFirst().dropLast()) }
    }
}
