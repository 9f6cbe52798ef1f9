/// A query resolved against the vocabulary: terms to score and terms that rule a paper out.
struct KeywordPlan {
    var scored: [Int32]
    var excluded: [Int32]
}

/// A query term as a search reads it: its postings, IDF × impact unit, and the most it can add to a score.
struct ScoredTerm {
    let list: Postings
    let weight: Float
    let bound: Float
}
