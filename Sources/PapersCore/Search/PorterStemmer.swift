/// The Porter stemming algorithm (M. F. Porter, 1980) on lower-case ASCII words: "networks" → "network",
/// "generalization" → "gener". SQLite's FTS5 `porter` tokenizer uses the same algorithm.
public enum PorterStemmer {
    /// The stem of a lower-case word given as UTF-8 bytes. Words of one or two letters are their own stem.
    public static func stem(_ word: [UInt8]) -> [UInt8] {
        guard word.count > 2 else { return word }
        var stemmer = Stemmer(word)
        stemmer.step1ab()
        if stemmer.k > 0 {
            stemmer.step1c()
            stemmer.step2()
            stemmer.step3()
            stemmer.step4()
            stemmer.step5()
        }
        return Array(stemmer.b[0...stemmer.k])
    }
}

/// The algorithm's state: the word `b`, its current end `k`, and `j`, the end of the stem before a matched suffix.
private struct Stemmer {
    var b: [UInt8]
    var k: Int
    var j = 0

    init(_ word: [UInt8]) {
        b = word
        k = word.count - 1
    }

    func isConsonant(_ i: Int) -> Bool {
        switch b[i] {
            case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"): return false
            case UInt8(ascii: "y"): return i == 0 ? true : !isConsonant(i - 1)
            default: return true
        }
    }

    /// The number of vowel–consonant sequences in b[0...j].
    func measure() -> Int {
        var count = 0
        var i = 0
        while i <= j, isConsonant(i) { i += 1 }
        while i <= j {
            while i <= j, !isConsonant(i) { i += 1 }
            guard i <= j else { return count }
            count += 1
            while i <= j, isConsonant(i) { i += 1 }
        }
        return count
    }

    func hasVowelInStem() -> Bool {
        j >= 0 && (0...j).contains { !isConsonant($0) }
    }

    func endsInDoubleConsonant(_ i: Int) -> Bool {
        i >= 1 && b[i] == b[i - 1] && isConsonant(i)
    }

    /// Consonant–vowel–consonant ending at `i`, the last consonant not w, x or y ("hop", not "snow").
    func endsConsonantVowelConsonant(_ i: Int) -> Bool {
        guard i >= 2, isConsonant(i), !isConsonant(i - 1), isConsonant(i - 2) else { return false }
        return ![UInt8(ascii: "w"), UInt8(ascii: "x"), UInt8(ascii: "y")].contains(b[i])
    }

    /// True when b[0...k] ends with `suffix`; sets `j` to the end of what precedes it.
    mutating func ends(_ suffix: StaticString) -> Bool {
        let length = suffix.utf8CodeUnitCount
        guard length <= k + 1 else { return false }
        let matches = suffix.withUTF8Buffer { bytes in
            (0..<length).allSatisfy { b[k - length + 1 + $0] == bytes[$0] }
        }
        if matches { j = k - length }
        return matches
    }

    /// Replaces b[j+1...k] with `replacement`.
    mutating func setTo(_ replacement: StaticString) {
        let bytes = replacement.withUTF8Buffer { Array($0) }
        b.replaceSubrange((j + 1)..<(k + 1), with: bytes)
        k = j + bytes.count
    }

    mutating func replaceIfMeasured(_ replacement: StaticString) {
        if measure() > 0 { setTo(replacement) }
    }

    /// Plurals and -ed or -ing: caresses → caress, ponies → poni, agreed → agree, hopping → hop.
    mutating func step1ab() {
        if b[k] == UInt8(ascii: "s") {
            if ends("sses") { k -= 2 } else if ends("ies") { setTo("i") } else if b[k - 1] != UInt8(ascii: "s") { k -= 1 }
        }
        if ends("eed") {
            if measure() > 0 { k -= 1 }
        } else if (ends("ed") || ends("ing")) && hasVowelInStem() {
            k = j
            if ends("at") {
                setTo("ate")
            } else if ends("bl") {
                setTo("ble")
            } else if ends("iz") {
                setTo("ize")
            } else if endsInDoubleConsonant(k) {
                k -= 1
                if [UInt8(ascii: "l"), UInt8(ascii: "s"), UInt8(ascii: "z")].contains(b[k]) { k += 1 }
            } else {
                j = k
                if measure() == 1 && endsConsonantVowelConsonant(k) { setTo("e") }
            }
        }
    }

    /// A final y after a vowel in the stem becomes i: happy → happi.
    mutating func step1c() {
        if ends("y") && hasVowelInStem() { b[k] = UInt8(ascii: "i") }
    }

    /// Double suffixes to single ones: relational → relate, conditional → condition.
    mutating func step2() {
        let rules: [(StaticString, StaticString)]
        switch b[k - 1] {
            case UInt8(ascii: "a"): rules = [("ational", "ate"), ("tional", "tion")]
            case UInt8(ascii: "c"): rules = [("enci", "ence"), ("anci", "ance")]
            case UInt8(ascii: "e"): rules = [("izer", "ize")]
            case UInt8(ascii: "l"): rules = [("bli", "ble"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous")]
            case UInt8(ascii: "o"): rules = [("ization", "ize"), ("ation", "ate"), ("ator", "ate")]
            case UInt8(ascii: "s"): rules = [("alism", "al"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous")]
            case UInt8(ascii: "t"): rules = [("aliti", "al"), ("iviti", "ive"), ("biliti", "ble")]
            case UInt8(ascii: "g"): rules = [("logi", "log")]
            default: return
        }
        applyFirst(rules)
    }

    /// -ic-, -full, -ness and the like: triplicate → triplic, hopeful → hope.
    mutating func step3() {
        let rules: [(StaticString, StaticString)]
        switch b[k] {
            case UInt8(ascii: "e"): rules = [("icate", "ic"), ("ative", ""), ("alize", "al")]
            case UInt8(ascii: "i"): rules = [("iciti", "ic")]
            case UInt8(ascii: "l"): rules = [("ical", "ic"), ("ful", "")]
            case UInt8(ascii: "s"): rules = [("ness", "")]
            default: return
        }
        applyFirst(rules)
    }

    /// The first rule whose suffix ends the word applies (when the stem is long enough); later rules are not tried.
    private mutating func applyFirst(_ rules: [(suffix: StaticString, replacement: StaticString)]) {
        for rule in rules where ends(rule.suffix) {
            replaceIfMeasured(rule.replacement)
            return
        }
    }

    /// -ant, -ence and the like when the stem has at least two measures: adjustment → adjust.
    mutating func step4() {
        guard endsWithStep4Suffix() else { return }
        if measure() > 1 { k = j }
    }

    private mutating func endsWithStep4Suffix() -> Bool {
        switch b[k - 1] {
            case UInt8(ascii: "a"): return ends("al")
            case UInt8(ascii: "c"): return ends("ance") || ends("ence")
            case UInt8(ascii: "e"): return ends("er")
            case UInt8(ascii: "i"): return ends("ic")
            case UInt8(ascii: "l"): return ends("able") || ends("ible")
            case UInt8(ascii: "n"): return ends("ant") || ends("ement") || ends("ment") || ends("ent")
            case UInt8(ascii: "o"): return (ends("ion") && j >= 0 && (b[j] == UInt8(ascii: "s") || b[j] == UInt8(ascii: "t"))) || ends("ou")
            case UInt8(ascii: "s"): return ends("ism")
            case UInt8(ascii: "t"): return ends("ate") || ends("iti")
            case UInt8(ascii: "u"): return ends("ous")
            case UInt8(ascii: "v"): return ends("ive")
            case UInt8(ascii: "z"): return ends("ize")
            default: return false
        }
    }

    /// A final -e and a double l: probate → probat, controll → control.
    mutating func step5() {
        j = k
        if b[k] == UInt8(ascii: "e") {
            let m = measure()
            if m > 1 || (m == 1 && !endsConsonantVowelConsonant(k - 1)) { k -= 1 }
        }
        if b[k] == UInt8(ascii: "l") && endsInDoubleConsonant(k) && measure() > 1 { k -= 1 }
    }
}
