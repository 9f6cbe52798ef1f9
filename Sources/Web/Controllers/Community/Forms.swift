import Community
import Hummingbird
import PapersCore
import Presentation

/// Reading `application/x-www-form-urlencoded` bodies and guarding forms against cross-site posts.
enum Forms {
    /// The fields of a form body (at most 16 KiB, else 413), percent- and plus-decoded; 400 for a malformed escape,
    /// bytes that are not UTF-8, or a NUL or other control character in any field.
    static func fields(_ request: Request) async throws -> [String: String] {
        var request = request
        let body = try await request.collectBody(upTo: 16_384)
        return try parse(String(buffer: body))
    }

    static func parse(_ text: String) throws -> [String: String] {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = try decode(String(parts[0]))
            fields[name] = parts.count > 1 ? try decode(String(parts[1])) : ""
        }
        return fields
    }

    static func decode(_ text: String) throws -> String {
        guard let decoded = TextEncoding.percentDecode(text, plusAsSpace: true) else {
            throw PageError.badRequest("The form is not well encoded: every % must start an escape of two hex digits, in UTF-8.")
        }
        guard !TextEncoding.hasForbiddenControl(decoded) else {
            throw PageError.badRequest("The form holds a NUL or another control character, which no field may contain.")
        }
        return decoded
    }
}

/// CSRF protection by double submission: a random token in an HttpOnly, SameSite=Lax cookie and the same token in
/// a hidden form field. A page on another site can make a browser post a form, but cannot read the cookie to copy it.
enum CSRF {
    static let cookieName = "dp_csrf"
    static let fieldName = "csrf"

    /// The visitor's token, or a fresh one (with its cookie to set).
    static func token(for request: Request, secure: Bool) -> (token: String, setCookie: String?) {
        if let existing = request.cookies[cookieName]?.value, isWellFormed(existing) { return (existing, nil) }
        var generator = SystemRandomNumberGenerator()
        let token = (0..<2).map { _ in
            let hex = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
        let cookie = "\(cookieName)=\(token); Path=/; HttpOnly; SameSite=Lax\(secure ? "; Secure" : "")"
        return (token, cookie)
    }

    /// Throws 403 unless the form's token equals the cookie's.
    static func verify(_ request: Request, fields: [String: String]) throws {
        guard let cookie = request.cookies[cookieName]?.value, isWellFormed(cookie), let field = fields[fieldName],
            Secrets.constantTimeEquals(cookie, field)
        else {
            throw rejected
        }
    }

    static let rejected = PageError(status: .forbidden, message: "This form expired or was sent from another site. Reload the page and try again.")

    static func hiddenField(_ token: String) -> HTML {
        "<input type=\"hidden\" name=\"\(fieldName)\" value=\"\(token)\">"
    }

    private static func isWellFormed(_ token: String) -> Bool {
        token.utf8.count == 32 && token.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }
    }
}
