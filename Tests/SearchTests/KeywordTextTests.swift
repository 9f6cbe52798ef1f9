import Foundation
import PapersCore
import Storage
import TestSupport
import Testing

/// The keyword index's words and stems against SQLite's own FTS5 tokenizer (`porter unicode61 remove_diacritics 2`),
/// which the SQL keyword search uses: both paths must see the same terms.
@Suite struct KeywordTextTests {
    @Test func stemsMatchPortersExamples() {
        let examples = [
            "caresses": "caress", "ponies": "poni", "ties": "ti", "cats": "cat", "feed": "feed", "agreed": "agre",
            "plastered": "plaster", "motoring": "motor", "sing": "sing", "conflated": "conflat", "troubled": "troubl",
            "sized": "size", "hopping": "hop", "tanned": "tan", "falling": "fall", "hissing": "hiss", "fizzed": "fizz",
            "failing": "fail", "filing": "file", "happy": "happi", "sky": "sky", "relational": "relat",
            "conditional": "condit", "generalizations": "gener", "oscillators": "oscil", "networks": "network", "is": "is",
        ]
        for (word, stem) in examples {
            #expect(String(decoding: PorterStemmer.stem(Array(word.utf8)), as: UTF8.self) == stem, "\(word)")
        }
    }

    @Test func wordsAreFoldedAndSplitLikeUnicode61() {
        #expect(
            WordSplitter.words(of: "Naïve Bayes—über-fast, État 3D-CNNs (v2.0)") == [
                "naive", "bayes", "uber", "fast", "etat", "3d", "cnns", "v2", "0",
            ])
        #expect(WordSplitter.words(of: "") == [])
        #expect(WordSplitter.words(of: "日本語 テキスト") == ["日本語", "テキスト"])
    }

    /// Every distinct word of the bundled sample, stemmed by us and by FTS5 (one row per word, read back through
    /// an `fts5vocab` table): the stems are the same.
    @Test func stemsOfEveryWordOfTheSampleEqualFTS5s() async throws {
        let text = try String(contentsOfFile: SharedData.bundledSample, encoding: .utf8)
        let words = Array(Set(WordSplitter.words(of: text))).sorted()
        #expect(words.count > 3_000)
        try await TemporaryDatabase.with { temporary in
            let database = temporary.database
            _ = try await database.execute("CREATE VIRTUAL TABLE words USING fts5(word, tokenize='porter unicode61 remove_diacritics 2')")
            _ = try await database.execute("CREATE VIRTUAL TABLE word_stems USING fts5vocab(words, instance)")
            try await database.transaction { connection in
                for (index, word) in words.enumerated() {
                    _ = try await connection.execute("INSERT INTO words (rowid, word) VALUES (\(index + 1), \(word))")
                }
            }
            let rows = try await database.query("SELECT doc, term FROM word_stems")
            var theirs: [Int: String] = [:]
            for row in rows { theirs[Int(row.optionalInt64("doc") ?? 0)] = try row.string("term") }
            var differences: [String] = []
            for (index, word) in words.enumerated() {
                let ours = String(decoding: PorterStemmer.stem(Array(word.utf8)), as: UTF8.self)
                if theirs[index + 1] != ours { differences.append("\(word): ours \(ours), FTS5 \(theirs[index + 1] ?? "none")") }
            }
            #expect(differences.isEmpty, "\(differences.prefix(20))")
        }
    }
}
