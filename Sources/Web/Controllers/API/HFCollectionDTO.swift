import PapersCore
import Presentation

/// Collections in the JSON shape of Hugging Face's collections API, as `huggingface_hub`'s `Collection` reads it:
/// `slug, title, description, owner, items[_id, id, type, position, note{text}], lastUpdated, position, private,
/// theme, upvotes`, each paper item also with its title, publication date and upvotes.
struct HFCollectionDTO: Encodable {
    let slug: String
    let title: String
    let description: String
    let owner: Owner
    let items: [Item]
    let numItems: Int
    let lastUpdated: String
    let createdAt: String
    /// The collection's place among its owner's; left out of lists, where the client numbers them itself.
    let position: Int?
    let `private`: Bool
    let theme: String
    let upvotes: Int
    let url: String

    /// Who owns it: a member (`user`) or an organization (`org`).
    struct Owner: Encodable {
        let name: String
        let fullname: String
        let type: String
    }

    /// One paper of the collection.
    struct Item: Encodable {
        let _id: String
        let id: String
        let type = "paper"
        let position: Int
        let note: Note?
        let title: String?
        let publishedAt: String?
        let upvotes: Int?
    }

    /// A note, as text.
    struct Note: Encodable {
        let text: String
    }

    init(_ collection: PaperCollection, papers: [String: Paper], site: SiteAddress, inList: Bool = false) {
        slug = collection.slug
        title = collection.title
        description = collection.description
        owner = Owner(name: collection.owner, fullname: collection.owner, type: collection.ownerIsOrganization ? "org" : "user")
        items = collection.items.map { item in
            let paper = papers[item.paperId]
            return Item(
                _id: item.id, id: item.paperId, position: item.position, note: item.note.map(Note.init), title: paper.map(PaperPresentation.title),
                publishedAt: paper?.publishedAt?.description, upvotes: paper?.upvotes)
        }
        numItems = collection.itemCount
        lastUpdated = collection.updatedAt.description
        createdAt = collection.createdAt.description
        position = inList ? nil : 0
        self.private = collection.isPrivate
        theme = collection.theme.rawValue
        upvotes = collection.upvotes
        url = site.url(.collection(slug: collection.slug))
    }
}

/// `PATCH /api/collections/{slug}`'s answer: the collection under `data`.
struct HFCollectionUpdate: Encodable {
    let success = true
    let data: HFCollectionDTO
}

/// What `/api/whoami-v2` says of a token's member, in Hugging Face's shape (`create_collection` reads `name`).
struct HFWhoAmI: Encodable {
    let type = "user"
    let id: String
    let name: String
    let fullname: String
    let emailVerified: Bool
    let isPro = false
    let orgs: [Organization]
    let auth: Auth

    /// An organization the member belongs to.
    struct Organization: Encodable {
        let type = "org"
        let name: String
        let fullname: String
    }

    /// How the request was authenticated.
    struct Auth: Encodable {
        let type = "access_token"
    }
}

/// `GET /api/{users,organizations}/{name}/overview`: the counts `get_user_overview` and
/// `get_organization_overview` read; repositories are always 0 here.
struct HFOverview: Encodable {
    let name: String
    let user: String?
    let fullname: String
    let type: String
    let numPapers: Int
    let numCollections: Int
    let numModels = 0
    let numDatasets = 0
    let numSpaces = 0
}
