import Hummingbird
import Community
import Logging
import PapersCore
import Storage

/// Turns every failure into a styled HTML page or, under `/api/`, a JSON `{"error": …}` body with the right status.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as PageError {
            return render(status: error.status, message: error.message, for: request)
        } catch let error as CommunityError {
            return render(status: error.kind.status, message: error.message, for: request)
        } catch let error as SignInRequired {
            if request.uri.path.hasPrefix("/api/") { return render(status: .unauthorized, message: "Log in first.", for: request) }
            return Responses.redirect(to: "/login?next=" + TextEncoding.percentEncode(error.next)).response
        } catch let error as APIError {
            return render(status: .init(code: error.status), message: error.message, for: request)
        } catch let error as HTTPError {
            var response = render(status: error.status, message: error.body ?? defaultMessage(error.status), for: request)
            response.headers.append(contentsOf: error.headers)
            return response
        } catch let error as SQLError where error.isTemporary {
            // The database is restarting, unreachable or overloaded: say so and when to retry, never hang or crash.
            logger.warning("database unavailable", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            var response = render(status: .serviceUnavailable, message: "The database is unavailable for a moment. Please try again in a few seconds.", for: request)
            response.headers[.retryAfter] = "5"
            return response
        } catch {
            logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            return render(status: .internalServerError, message: "Something went wrong on our side. It has been logged.", for: request)
        }
    }

    private func render(status: HTTPResponse.Status, message: String, for request: Request) -> Response {
        if request.uri.path.hasPrefix("/api/") {
            return (try? Responses.json(HFPaperDTO.ErrorBody(error: message), status: status))?.response
                ?? Response(status: status)
        }
        return Responses.html(ErrorPageView.render(status: status.code, title: status.reasonPhrase, message: message), status: status).response
    }

    private func defaultMessage(_ status: HTTPResponse.Status) -> String {
        status == .notFound ? "There is no page at this address." : status.reasonPhrase
    }
}
