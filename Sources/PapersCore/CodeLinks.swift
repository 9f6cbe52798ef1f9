/// Finds a paper's code repositories: the `githubRepo` field, else GitHub and GitLab links in its abstract.
public enum CodeLinks {
    private static let hosts = ["https://github.com/", "http://github.com/", "https://gitlab.com/", "http://gitlab.com/"]
    private static let openers: Set<Character> = ["<", ">", "(", "{", "[", "\"", "'"]
    private static let trailingPunctuation: Set<Character> = [".", ",", ";", ":", ")", "]", "}", "'", "\"", "!", "?"]

    /// The code links to show for `paper`, without duplicates, in the order found.
    public static func links(for paper: Paper) -> [String] {
        if let repo = paper.githubRepo, TextEncoding.isWebURL(repo) { return [repo] }
        return links(in: paper.abstract)
    }

    /// Every GitHub or GitLab URL that names at least an owner and a repository in `text`.
    public static func links(in text: String) -> [String] {
        var found: [String] = []
        for token in text.split(whereSeparator: { $0.isWhitespace || openers.contains($0) }) {
            guard let host = hosts.first(where: { token.hasPrefix($0) }) else { continue }
            var url = Substring(token)
            while let last = url.last, trailingPunctuation.contains(last) { url.removeLast() }
            let path = url.dropFirst(host.count).split(separator: "/")
            guard path.count >= 2 else { continue }
            let link = String(url)
            if !found.contains(link) { found.append(link) }
        }
        return found
    }
}
