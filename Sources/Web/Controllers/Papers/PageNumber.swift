import Hummingbird
import PapersCore
import Presentation

/// The `?p=` of a listing that pages: 0 for the first page; a number that is not one is a 400.
enum PageNumber {
    static let size = 50

    static func of(_ request: Request) throws -> Int {
        guard let text = request.queryItems["p"] else { return 0 }
        guard let page = Int(text), (0...10_000).contains(page) else { throw PageError.badRequest("'\(text)' is not a page number.") }
        return page
    }

    /// What to ask the store for page `page`: one paper more than a page, which tells whether another follows.
    static func fetch(_ page: Int) -> (limit: Int, offset: Int) {
        (size + 1, page * size)
    }

    /// A fetched page (`fetch`) as shown: at most `size` papers, and whether more follow.
    static func trim(_ fetched: [Paper]) -> (papers: [Paper], hasMore: Bool) {
        (Array(fetched.prefix(size)), fetched.count > size)
    }
}
