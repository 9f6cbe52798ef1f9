/// Common English words that carry almost no weight in a ranking yet match nearly every abstract. SQLite's index
/// keeps them (PostgreSQL's English configuration drops its own list), so keyword search leaves them out of the
/// words it ranks by — unless the query has nothing else.
public enum StopWords {
    public static let english: Set<String> = [
        "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "because", "been", "before",
        "being", "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "during", "each", "few",
        "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "how", "i", "if", "in",
        "into", "is", "it", "its", "itself", "just", "may", "me", "more", "most", "must", "my", "no", "nor", "not",
        "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "out", "over", "own", "same", "shall",
        "she", "should", "so", "some", "such", "than", "that", "the", "their", "them", "then", "there", "these",
        "they", "this", "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what",
        "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your",
    ]
}

extension KeywordQuery {
    /// The words to rank by: the terms without stop words, or all of them when they are nothing but stop words.
    public var rankedTerms: [String] {
        let meaningful = terms.filter { !StopWords.english.contains($0) }
        return meaningful.isEmpty && prefix == nil && phrases.isEmpty ? terms : meaningful
    }
}
