import Community
import Hummingbird
import PapersCore

/// A page that needs a signed-in member was asked for anonymously: the error middleware sends them to log in.
struct SignInRequired: Error {
    /// Where to come back to after logging in.
    let next: String
}

/// The checks community routes make before acting.
enum Guards {
    /// The signed-in member of a page request, or a redirect to the login page.
    static func member(_ request: Request, _ context: AppRequestContext) throws -> SignedIn {
        guard let session = context.session else { throw SignInRequired(next: returnPath(request)) }
        return session
    }

    /// The member of an API request (by API token), or 401.
    static func apiMember(_ context: AppRequestContext) throws -> User {
        guard let user = context.apiUser else {
            throw unauthorized("This endpoint needs an API token: send 'Authorization: Bearer dp_…' (create one on your settings page).")
        }
        return user
    }

    /// A 401 of the API (the error middleware adds the `WWW-Authenticate` challenge RFC 9110 asks for).
    static func unauthorized(_ message: String) -> HTTPError {
        HTTPError(.unauthorized, message: message)
    }

    /// The member, who must be a moderator or an admin.
    static func moderator(_ request: Request, _ context: AppRequestContext) throws -> SignedIn {
        let session = try member(request, context)
        guard session.user.role.canModerate else { throw PageError(status: .forbidden, message: "Only moderators can do this.") }
        return session
    }

    /// The signed-in member and the fields of the form they posted (CSRF checked).
    static func memberForm(_ request: Request, _ context: AppRequestContext) async throws -> (SignedIn, [String: String]) {
        let session = try member(request, context)
        return (session, try await form(request, context))
    }

    /// A form's fields after the CSRF check: the session's token for members, the double-submit cookie otherwise.
    static func form(_ request: Request, _ context: AppRequestContext) async throws -> [String: String] {
        let fields = try await Forms.fields(request)
        if let session = context.session {
            guard let sent = fields[CSRF.fieldName], Secrets.constantTimeEquals(sent, session.csrf) else { throw CSRF.rejected }
        } else {
            try CSRF.verify(request, fields: fields)
        }
        return fields
    }

    /// Members must confirm their address before submitting and commenting, when the server can mail them.
    static func verifiedEmail(_ user: User, _ community: CommunityFeatures) throws {
        guard user.emailVerified || !community.accounts.requiresVerifiedEmail else {
            throw PageError(
                status: .forbidden,
                message: "Confirm your e-mail address first: follow the link we mailed you (your settings page can send it again).")
        }
    }

    /// The path and query of this request, to return to after logging in.
    static func returnPath(_ request: Request) -> String {
        request.method == .get ? request.uri.description : (request.headers[.referer].flatMap(localPath) ?? "/")
    }

    /// `candidate` when it is a path on this site, else nil: no scheme, no host, no backslash and no control or
    /// whitespace character (browsers drop tabs and newlines, so `/\t/evil.example` would read as `//evil.example`).
    /// A full URL (a `Referer`) gives its path.
    static func localPath(_ candidate: String) -> String? {
        var path = Substring(candidate)
        if let schemeEnd = path.range(of: "://") {
            let rest = path[schemeEnd.upperBound...]
            guard let slash = rest.firstIndex(of: "/") else { return nil }
            path = rest[slash...]
        }
        let isUnsafe = path.unicodeScalars.contains { scalar in
            scalar == "\\" || scalar.properties.generalCategory == .control || scalar.properties.isWhitespace
                || scalar.properties.generalCategory == .format
        }
        guard path.hasPrefix("/"), !path.hasPrefix("//"), !isUnsafe else { return nil }
        return String(path)
    }
}

extension CommunityError.Kind {
    /// The HTTP status for a refusal of this kind.
    var status: HTTPResponse.Status {
        switch self {
            case .invalid: return .badRequest
            case .unauthorized: return .unauthorized
            case .forbidden: return .forbidden
            case .notFound: return .notFound
            case .conflict: return .conflict
            case .tooManyRequests: return .tooManyRequests
            case .unavailable: return .serviceUnavailable
        }
    }
}
