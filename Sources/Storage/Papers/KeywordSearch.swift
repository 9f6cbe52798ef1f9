import PapersCore

extension SQLPaperStore {
    /// Papers matching a keyword query, best first (or, for a query of filters only, newest first).
    ///
    /// Any of the words may match; phrases must appear; excluded words must not; filters narrow by author,
    /// organization and publication date. SQLite ranks by BM25 with the title weighted 4, abstract 1, authors and
    /// organization 2; PostgreSQL by `ts_rank` over the A/B/C-weighted document. Both stem English words.
    public func keywordSearch(_ query: KeywordQuery, limit: Int) async throws -> [KeywordHit] {
        guard !query.isEmpty else { return [] }
        let filters = Self.filterClause(query)
        let rows: [SQLRow]
        if !query.hasWords {
            rows = try await database.query(
                """
                SELECT p.id, 0 AS score FROM \(unsafeRaw: Self.from) WHERE \(unsafeRaw: Self.visible) \(filters)
                \(try await exclusionClause(query)) ORDER BY p.published_at DESC, p.id LIMIT \(limit)
                """
            )
        } else {
            switch database.dialect {
                case .sqlite:
                    rows = try await database.query(
                        """
                        SELECT p.id, -bm25(papers_fts, 4.0, 1.0, 2.0, 2.0) AS score
                        FROM papers_fts JOIN papers p ON p.rowid = papers_fts.rowid LEFT JOIN organizations o ON o.name = p.organization
                        WHERE papers_fts MATCH \(Self.ftsExpression(query)) AND \(unsafeRaw: Self.visible) \(filters)
                        ORDER BY score DESC, p.id LIMIT \(limit)
                        """
                    )
                case .postgres:
                    rows = try await database.query(
                        """
                        SELECT p.id, ts_rank('{0.2, 0.4, 0.5, 1.0}', s.document, q.query, 1) AS score
                        FROM to_tsquery('english', \(Self.tsqueryExpression(query))) AS q(query), paper_search s
                        JOIN papers p ON p.id = s.paper_id LEFT JOIN organizations o ON o.name = p.organization
                        WHERE s.document @@ q.query AND \(unsafeRaw: Self.visible) \(filters)
                        ORDER BY score DESC, p.id LIMIT \(limit)
                        """
                    )
            }
        }
        return try rows.map { KeywordHit(paperId: try $0.string("id"), score: $0.optionalDouble("score") ?? 0) }
    }

    /// An FTS5 expression: `("a" OR "b" OR "pre"*) AND "a phrase" NOT "x"`. Words are letters and digits only.
    static func ftsExpression(_ query: KeywordQuery) -> String {
        var anyOf = query.rankedTerms.map { "\"\($0)\"" }
        if let prefix = query.prefix { anyOf.append("\"\(prefix)\"*") }
        var required = query.phrases.map { "\"\($0.joined(separator: " "))\"" }
        if !anyOf.isEmpty { required.insert("(" + anyOf.joined(separator: " OR ") + ")", at: 0) }
        return required.joined(separator: " AND ") + query.excluded.map { " NOT \"\($0)\"" }.joined()
    }

    /// A PostgreSQL tsquery: `(a | b | pre:*) & (a <-> phrase) & !x`.
    static func tsqueryExpression(_ query: KeywordQuery) -> String {
        var anyOf = query.terms
        if let prefix = query.prefix { anyOf.append("\(prefix):*") }
        var parts = query.phrases.map { "(" + $0.joined(separator: " <-> ") + ")" }
        if !anyOf.isEmpty { parts.insert("(" + anyOf.joined(separator: " | ") + ")", at: 0) }
        return (parts + query.excluded.map { "!\($0)" }).joined(separator: " & ")
    }

    /// `AND …` conditions for the author, organization, category and date filters (empty when there are none).
    static func filterClause(_ query: KeywordQuery) -> SQLQuery {
        var clause: SQLQuery = ""
        for author in query.authors {
            clause = "\(clause) AND lower(p.authors) LIKE \(likePattern(containing: author)) ESCAPE '!'"
        }
        for organization in query.organizations {
            clause = "\(clause) AND (lower(p.organization) = \(organization) OR lower(o.fullname) = \(organization))"
        }
        if query.hasCode { clause = "\(clause) AND \(unsafeRaw: SQLPaperStore.hasCode)" }
        for category in query.categories {
            clause = "\(clause) AND p.id IN (SELECT paper_id FROM paper_categories WHERE lower(category) = \(category))"
        }
        if let from = query.publishedFrom {
            clause = "\(clause) AND p.published_at >= \(Timestamp(day: from).millisecondsSinceEpoch)"
        }
        if let before = query.publishedBefore {
            clause = "\(clause) AND p.published_at < \(Timestamp(day: before).millisecondsSinceEpoch)"
        }
        return clause
    }

    /// For a query of filters only: leaves out papers holding an excluded word.
    func exclusionClause(_ query: KeywordQuery) async throws -> SQLQuery {
        guard !query.excluded.isEmpty else { return "" }
        switch database.dialect {
            case .sqlite:
                let words = query.excluded.map { "\"\($0)\"" }.joined(separator: " OR ")
                return "AND p.rowid NOT IN (SELECT rowid FROM papers_fts WHERE papers_fts MATCH \(words))"
            case .postgres:
                let words = query.excluded.joined(separator: " | ")
                return "AND p.id NOT IN (SELECT paper_id FROM paper_search WHERE document @@ to_tsquery('english', \(words)))"
        }
    }

    /// A LIKE pattern for `text` anywhere, with LIKE's own wildcards escaped by `!`.
    static func likePattern(containing text: String) -> String {
        var pattern = "%"
        for character in text {
            if character == "%" || character == "_" || character == "!" { pattern.append("!") }
            pattern.append(character)
        }
        return pattern + "%"
    }
}

extension SQLPaperStore {
    /// The visible papers with these ids, in no particular order (unknown and hidden ids are left out).
    public func papers(ids: [String]) async throws -> [Paper] {
        var papers: [Paper] = []
        for chunk in ids.bindChunks() {
            let rows = try await database.query(
                "SELECT \(unsafeRaw: Self.columns) FROM \(unsafeRaw: Self.from) WHERE p.id IN (\(list: chunk)) AND \(unsafeRaw: Self.visible)"
            )
            papers += try rows.map(PaperRow.decode)
        }
        return papers
    }

    /// Which of `ids` pass the query's filters and exclusions (what papers found by meaning must also satisfy).
    public func ids(_ ids: [String], passingFiltersOf query: KeywordQuery) async throws -> Set<String> {
        var passing = Set<String>()
        let filters = Self.filterClause(query)
        let exclusions = try await exclusionClause(query)
        for chunk in ids.bindChunks() {
            let rows = try await database.query(
                """
                SELECT p.id FROM \(unsafeRaw: Self.from) WHERE p.id IN (\(list: chunk)) AND \(unsafeRaw: Self.visible)
                \(filters) \(exclusions)
                """
            )
            for row in rows { passing.insert(try row.string("id")) }
        }
        return passing
    }
}
