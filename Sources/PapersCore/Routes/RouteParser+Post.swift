extension RouteParser {
    /// The forms and API calls that change something.
    func postRoute() -> Route? {
        guard let first = segments.first else { return nil }
        let rest = Array(segments.dropFirst())
        switch first {
            case "papers": return paperForm(rest[...])
            case "api": return apiPostRoute(rest[...])
            case "settings": return settingsForm(rest)
            case "comments":
                guard rest.count == 2, let action = CommentAction(rawValue: rest[1]) else { return nil }
                return .commentAction(id: rest[0], action)
            case "collections": return collectionForm(rest)
            case "users":
                guard rest.count == 2, let action = MemberAction(rawValue: rest[1]) else { return nil }
                return .memberAction(name: rest[0], action)
            default: return rest == ["members"] ? .addOrganizationMember(organization: first) : nil
        }
    }

    private func paperForm(_ rest: ArraySlice<String>) -> Route? {
        guard let last = rest.last, let action = PaperAction(rawValue: last), let id = paperId(rest.dropLast()) else { return nil }
        return .paperAction(id: id, action)
    }

    private func settingsForm(_ rest: [String]) -> Route? {
        if rest.count == 1 { return SettingsAction(rawValue: rest[0]).map { .changeSettings($0) } }
        if rest.count == 3, rest[0] == "tokens", rest[2] == "revoke" { return .revokeToken(id: rest[1]) }
        return nil
    }

    private func apiPostRoute(_ rest: ArraySlice<String>) -> Route? {
        if rest.first == "collections" { return CollectionAPI.parse(.post, rest.dropFirst()).map { .apiCollections($0) } }
        guard rest.first == "papers" else { return nil }
        let tail = rest.dropFirst()
        if tail.last == "upvote", let id = paperId(tail.dropLast()) { return .apiUpvote(id: id) }
        if tail.last == "comment", let id = paperId(tail.dropLast()) { return .apiComment(id: id) }
        if tail.count >= 4, tail.last == "reply", tail.dropLast().dropLast().last == "comment",
            let id = paperId(tail.dropLast(3)), let comment = tail.dropLast().last
        {
            return .apiReply(id: id, comment: comment)
        }
        return nil
    }
}
