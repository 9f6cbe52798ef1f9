import Community
import Foundation
import Hummingbird
import NIOCore
import PapersCore
import Storage

/// Comments: posting and replying from the paper page and the API, editing, deleting, hiding.
struct CommentController: Sendable {
    let community: CommunityFeatures
    let clock: @Sendable () -> Timestamp

    /// `POST /papers/{id}/comments`: a comment or, with `parent`, a reply, from the paper page's form.
    func pagePost(on id: String, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let (session, fields) = try await Guards.memberForm(request, context)
        let parent = try fields["parent"].flatMap { $0.isEmpty ? nil : $0 }.map(Self.commentId)
        let comment = try await post(on: id, parent: parent, body: fields["body"] ?? "", user: session.user, context)
        return Responses.redirect(to: Route.paper(id: comment.paperId).path + "#comment-\(comment.id)").response
    }

    func edit(_ id: Int64, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let (session, fields) = try await Guards.memberForm(request, context)
        let comment = try await community.comments.edit(id, body: fields["body"] ?? "", by: session.user)
        return Responses.redirect(to: Route.paper(id: comment.paperId).path + "#comment-\(comment.id)").response
    }

    func delete(_ id: Int64, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let (session, _) = try await Guards.memberForm(request, context)
        let comment = try await community.comments.delete(id, by: session.user)
        return Responses.redirect(to: Route.paper(id: comment.paperId).path + "#comments").response
    }

    private func post(on rawId: String, parent: Int64?, body: String, user: User, _ context: AppRequestContext) async throws -> Comment {
        try community.limits.check(.comment, context, now: clock())
        try Guards.verifiedEmail(user, community)
        let id = PaperIdentity.normalizedArxivId(rawId) ?? rawId
        return try await community.comments.post(on: id, replyingTo: parent, body: body, by: user)
    }

    /// `POST /api/papers/{id}/comment` with `{"comment": "…"}`, answering `{"newMessage": …}` as Hugging Face does.
    func apiPost(on id: String, parent: Int64?, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let user = try Guards.apiMember(context)
        let input = try await APIInput.decode(CommentInput.self, from: request, example: #"{"comment": "text"}"#)
        let comment = try await post(on: id, parent: parent, body: input.comment, user: user, context)
        return try Responses.json(HFPaperDTO.message(comment), status: .created).response
    }

    static func commentId(_ text: String) throws -> Int64 {
        guard let id = Int64(text), id > 0 else { throw PageError.badRequest("'\(text)' is not a comment id.") }
        return id
    }

    struct CommentInput: Decodable {
        let comment: String
    }
}

/// Reading JSON request bodies of the write API, with a clear 400 when they do not fit.
enum APIInput {
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, example: String) async throws -> T {
        var request = request
        let body = try await request.collectBody(upTo: 65_536)
        guard !body.readableBytesView.containsJSONControlEscape else {
            throw APIError.badRequest(
                "The request body holds a NUL or another control character (\\u0000–\\u001f but tab and line breaks), which no field may contain.")
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer: body))
        } catch {
            throw APIError.badRequest("The request body must be JSON like \(example).")
        }
    }
}

extension ByteBufferView {
    /// Whether a JSON text holds an escaped control character other than tab, LF and CR (`\u0000`, `\u001b`, …);
    /// raw control characters are invalid JSON already. An escaped backslash (`\\u0000`) is text, not an escape.
    var containsJSONControlEscape: Bool {
        let bytes = Array(self)
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "\\") else {
                index += 1
                continue
            }
            if index + 5 < bytes.count, bytes[index + 1] == UInt8(ascii: "u"), bytes[index + 2] == UInt8(ascii: "0"),
                bytes[index + 3] == UInt8(ascii: "0"),
                let code = UInt8(String(decoding: bytes[(index + 4)...(index + 5)], as: UTF8.self), radix: 16), code < 0x20,
                ![0x09, 0x0A, 0x0D].contains(code)
            {
                return true
            }
            index += 2
        }
        return false
    }
}
