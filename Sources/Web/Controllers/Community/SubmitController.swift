import Community
import Hummingbird
import PapersCore

/// Submitting a paper to the day's feed (page and API) and indexing one without featuring it.
struct SubmitController: Sendable {
    let community: CommunityFeatures
    let clock: @Sendable () -> Timestamp

    func form(_ request: Request, _ context: AppRequestContext) throws -> Response {
        let session = try Guards.member(request, context)
        return Pages.html(SubmitViews.form(viewer: Viewer(session), policy: community.submissions.policy, value: request.queryItems["id"] ?? ""))
    }

    /// The form's post: the paper's page, or the form again with what went wrong.
    func pageSubmit(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let (session, fields) = try await Guards.memberForm(request, context)
        do {
            let paper = try await submit(fields["paper"] ?? "", user: session.user, context)
            return Responses.redirect(to: Route.paper(id: paper.id).path).response
        } catch let error as CommunityError {
            let page = SubmitViews.form(
                viewer: Viewer(session), policy: community.submissions.policy, value: fields["paper"] ?? "", error: error.message)
            return Pages.html(page, status: error.kind.status)
        }
    }

    func apiSubmit(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let user = try Guards.apiMember(context)
        let input = try await APIInput.decode(PaperInput.self, from: request, example: #"{"arxivId": "2410.11779"}"#)
        let paper = try await submit(try input.reference(), user: user, context)
        return try Responses.json(HFPaperDTO.flat(paper), status: .created).response
    }

    func apiIndex(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let user = try Guards.apiMember(context)
        try community.limits.check(.submit, context, now: clock())
        let input = try await APIInput.decode(PaperInput.self, from: request, example: #"{"arxivId": "2410.11779"}"#)
        let result = try await community.submissions.index(try input.reference(), by: user)
        return try Responses.json(EmptyObject(), status: result.added ? .created : .ok).response
    }

    private func submit(_ reference: String, user: User, _ context: AppRequestContext) async throws -> Paper {
        try community.limits.check(.submit, context, now: clock())
        try Guards.verifiedEmail(user, community)
        return try await community.submissions.submit(reference, by: user)
    }

    /// The paper a write-API call names: `arxivId` (as Hugging Face's index endpoint), `paper_id` or `url`.
    struct PaperInput: Decodable {
        let arxivId: String?
        let paper_id: String?
        let url: String?

        func reference() throws -> String {
            guard let reference = arxivId ?? paper_id ?? url else {
                throw APIError.badRequest(
                    "Name the paper: {\"arxivId\": \"2410.11779\"} (or \"paper_id\", or \"url\" with an arXiv or Hugging Face URL).")
            }
            return reference
        }
    }

    /// `{}`, the index endpoint's answer on Hugging Face.
    struct EmptyObject: Encodable {}
}
