/// What a member does to a collection from its page (`POST /collections/{owner}/{words-id}/{action}`).
public enum CollectionAction: String, Sendable, CaseIterable {
    /// Title, description, privacy and theme.
    case edit
    case delete
    /// Upvotes it, or withdraws the upvote (`upvoted=0`).
    case upvote
    /// Adds the paper named by the `paper` field.
    case add
    /// Changes the note of the `item` field.
    case note
    /// Moves the `item` field to `position`.
    case move
    /// Removes the `item` field.
    case remove
    /// Adds the papers a pasted list of arXiv ids or a BibTeX file (the `ids` field) names.
    case importPapers = "import"
}

/// Hugging Face's collections API (`/api/collections…`), as `huggingface_hub` calls it. A slug is `owner/words-id`.
public enum CollectionAPI: Hashable, Sendable {
    case list
    case create
    case get(slug: String)
    case update(slug: String)
    case delete(slug: String)
    case addItem(slug: String)
    case updateItem(slug: String, item: String)
    case deleteItem(slug: String, item: String)

    var method: RouteMethod {
        switch self {
            case .list, .get: .get
            case .create, .addItem: .post
            case .update, .updateItem: .patch
            case .delete, .deleteItem: .delete
        }
    }

    var segments: [String] {
        switch self {
            case .list, .create: ["api", "collections"]
            case .get(let slug), .update(let slug), .delete(let slug): ["api", "collections"] + Self.slugSegments(slug)
            case .addItem(let slug): ["api", "collections"] + Self.slugSegments(slug) + ["items"]
            case .updateItem(let slug, let item), .deleteItem(let slug, let item):
                ["api", "collections"] + Self.slugSegments(slug) + ["items", TextEncoding.percentEncode(item)]
        }
    }

    static func slugSegments(_ slug: String) -> [String] {
        slug.split(separator: "/", omittingEmptySubsequences: false).map { TextEncoding.percentEncode(String($0)) }
    }

    /// The call `method` makes on `/api/collections/` + `rest`.
    static func parse(_ method: RouteMethod, _ rest: ArraySlice<String>) -> CollectionAPI? {
        switch (method, rest.count) {
            case (.get, 0): return .list
            case (.post, 0): return .create
            case (_, 2):
                let slug = rest.joined(separator: "/")
                return [.get: .get(slug: slug), .patch: .update(slug: slug), .delete: .delete(slug: slug)][method]
            case (.post, 3) where rest.last == "items": return .addItem(slug: rest.prefix(2).joined(separator: "/"))
            case (_, 4) where rest.dropLast().last == "items":
                let (slug, item) = (rest.prefix(2).joined(separator: "/"), rest[rest.startIndex + 3])
                return [.patch: .updateItem(slug: slug, item: item), .delete: .deleteItem(slug: slug, item: item)][method]
            default: return nil
        }
    }
}

/// Whose overview `GET /api/{users,organizations}/{name}/overview` asks for.
public enum OverviewKind: String, Sendable, CaseIterable {
    case users, organizations
}

/// The Hub's repository lists (`/api/models`, `/api/datasets`, `/api/spaces`): DailyPapers holds none, and answers
/// them empty so that `paper_info` and `list_models(filter="arxiv:…")` work.
public enum RepositoryKind: String, Sendable, CaseIterable {
    case models, datasets, spaces
}

extension Route {
    /// The slug of a collection page's path: `/collections/{owner}/{words-id}`.
    static func collectionSegments(_ slug: String) -> [String] {
        ["collections"] + CollectionAPI.slugSegments(slug)
    }
}

extension RouteParser {
    /// `/collections/{owner}/{words-id}` (GET), with `/feed.rss`, `/feed.atom` or a citation ending.
    func collectionPage(_ rest: [String]) -> Route? {
        switch rest.count {
            case 2:
                if let (name, format) = CitationFormat.split(Substring(rest[1])) {
                    return .collectionCitation(slug: rest[0] + "/" + name, format: format)
                }
                return .collection(slug: rest[0] + "/" + rest[1])
            case 3: return Self.feedFormat(rest[2]).map { .collectionFeed(slug: rest[0] + "/" + rest[1], $0) }
            default: return nil
        }
    }

    /// `POST /collections/{owner}/{words-id}/{action}`.
    func collectionForm(_ rest: [String]) -> Route? {
        guard rest.count == 3, let action = CollectionAction(rawValue: rest[2]) else { return nil }
        return .collectionAction(slug: rest[0] + "/" + rest[1], action)
    }
}
