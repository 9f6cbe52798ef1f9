import Community
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import NIOHTTP1
import PapersCore
import Presentation
import Storage

extension HTTPField.Name {
    /// `X-Error-Message`, as huggingface.co sends it.
    static let xErrorMessage = HTTPField.Name("X-Error-Message") ?? .xContentTypeOptions
}

/// Turns every failure into a styled HTML page or, for API clients, a JSON `{"error": …}` body with the right status.
/// Unexpected failures are logged with the request's id, the one its `X-Request-Id` names.
enum ErrorResponses {
    static func response(for error: any Error, _ request: Request, requestID: String, logger: Logger) -> Response {
        switch error {
            case let error as PageError:
                return render(status: error.status, message: error.message, for: request)
            case let error as CommunityError:
                var response = render(status: error.kind.status, message: error.message, for: request)
                if let seconds = error.retryAfterSeconds { response.headers[.retryAfter] = String(seconds) }
                return response
            case let error as SignInRequired:
                if isAPI(request) { return render(status: .unauthorized, message: "Log in first.", for: request) }
                return Responses.redirect(to: Route.logInForm.path + "?next=" + TextEncoding.percentEncode(error.next)).response
            case let error as APIError:
                return render(status: .init(code: error.status), message: error.message, for: request)
            case let error as HTTPError:
                var response = render(status: error.status, message: error.body ?? defaultMessage(error.status), for: request)
                response.headers.append(contentsOf: error.headers)
                return response
            case is HTTPParserError:
                // The client sent something that is not HTTP, or went away before its request was whole (a body
                // cut off by the request deadline): its fault, not ours, so no error in the log.
                logger.debug("malformed or unfinished request", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
                return render(status: .badRequest, message: "The request was malformed or ended before it was complete.", for: request)
            case is NIOTooManyBytesError:
                return render(
                    status: .contentTooLarge, message: "The request body is too large: forms take at most 16 KiB and JSON bodies 64 KiB.",
                    for: request)
            case let error as SQLError where error.isTemporary:
                // The database is restarting, unreachable or overloaded: say so and when to retry, never hang or crash.
                logger.warning("database unavailable", metadata: ["path": "\(request.uri.path)", "error": "\(error)", "request_id": "\(requestID)"])
                var response = render(
                    status: .serviceUnavailable, message: "The database is unavailable for a moment. Please try again in a few seconds.", for: request
                )
                response.headers[.retryAfter] = "5"
                return response
            default:
                logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)", "request_id": "\(requestID)"])
                return render(status: .internalServerError, message: "Something went wrong on our side. It has been logged.", for: request)
        }
    }

    /// API clients read JSON errors; `read_paper` of huggingface_hub fetches `/papers/{id}.md` and reads them too.
    static func isAPI(_ request: Request) -> Bool {
        let route = RouteMethod(request.method).flatMap { try? Route(method: $0, path: request.uri.path) }
        return route?.answersJSONErrors ?? Route.isAPIPath(request.uri.path)
    }

    private static func render(status: HTTPResponse.Status, message: String, for request: Request) -> Response {
        if isAPI(request) {
            var response = (try? Responses.json(HFPaperDTO.ErrorBody(error: message), status: status))?.response ?? Response(status: status)
            // huggingface_hub shows this header's text in the exception it raises.
            response.headers[.xErrorMessage] = String(
                message.unicodeScalars.filter { $0.isASCII && $0.value >= 0x20 }.map(Character.init).prefix(300))
            if status == .unauthorized { response.headers[.wwwAuthenticate] = #"Bearer realm="DailyPapers""# }
            return response
        }
        return Responses.html(ErrorPageView.render(status: status.code, title: status.reasonPhrase, message: message), status: status).response
    }

    private static func defaultMessage(_ status: HTTPResponse.Status) -> String {
        status == .notFound ? "There is no page at this address." : status.reasonPhrase
    }
}

extension String.UTF8View {
    /// Whether the text holds `%00`.
    var containsNULEscape: Bool {
        var state = 0
        for byte in self {
            switch (state, byte) {
                case (_, UInt8(ascii: "%")): state = 1
                case (1, UInt8(ascii: "0")): state = 2
                case (2, UInt8(ascii: "0")): return true
                default: state = 0
            }
        }
        return false
    }
}
