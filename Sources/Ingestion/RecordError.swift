import Foundation

/// Why one source record was rejected: the field at fault (if one is) and a reason a person can act on.
public struct RecordError: Error, Sendable, Equatable, CustomStringConvertible {
    public var field: String?
    public var reason: String

    public init(field: String?, _ reason: String) {
        self.field = field
        self.reason = reason
    }

    public var description: String {
        guard let field else { return reason }
        return "field '\(field)': \(reason)"
    }

    /// Turns a decoding failure into the field it concerns and a plain reason.
    static func from(_ error: any Error) -> RecordError {
        guard let decodingError = error as? DecodingError else { return RecordError(field: nil, "\(error)") }
        switch decodingError {
            case .typeMismatch(let type, let context):
                return RecordError(field: path(context.codingPath), "expected \(typeName(type)), found another type")
            case .valueNotFound(let type, let context):
                return RecordError(field: path(context.codingPath), "expected \(typeName(type)), found null")
            case .keyNotFound(let key, let context):
                return RecordError(field: path(context.codingPath + [key]), "is missing")
            case .dataCorrupted(let context):
                let field = context.codingPath.isEmpty ? nil : path(context.codingPath)
                return RecordError(field: field, field == nil ? "is not complete, valid JSON (truncated or malformed)" : context.debugDescription)
            @unknown default:
                return RecordError(field: nil, "\(decodingError)")
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
            case is String.Type: return "a string"
            case is Int.Type, is Int64.Type: return "an integer"
            case is Double.Type: return "a number"
            case is Bool.Type: return "true or false"
            case is [Any].Type: return "an array"
            default: return type == [String].self ? "an array of strings" : "an object"
        }
    }
}
