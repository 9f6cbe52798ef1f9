/// The rules for usernames and passwords.
public enum AccountRules {
    public static let usernameLength = 2...32
    /// bcrypt reads at most 72 bytes; longer passwords would be silently truncated, so they are refused.
    public static let passwordBytes = 8...72
    /// Names that are paths of the site, so `/{name}` pages and routes never collide with a member's name.
    public static var reservedNames: Set<String> { Route.reservedNames }

    /// The username as given, or why it cannot be used: 2–32 letters, digits, `-` or `_`, starting with a letter or digit.
    public static func validUsername(_ text: String) throws -> String {
        try validHandle(text, what: "username")
    }

    /// A name that becomes part of a URL (usernames, organization names), or why it cannot be one.
    public static func validHandle(_ text: String, what: String) throws -> String {
        let name = text.trimmingWhitespace()
        guard usernameLength.contains(name.count) else {
            throw CommunityError.invalid("A \(what) has \(usernameLength.lowerBound) to \(usernameLength.upperBound) characters.")
        }
        guard name.unicodeScalars.allSatisfy(isNameScalar), let first = name.unicodeScalars.first,
            first.properties.isAlphabetic || ("0"..."9").contains(first)
        else {
            throw CommunityError.invalid("A \(what) uses only the letters a–z and A–Z, digits, '-' and '_', and starts with a letter or digit.")
        }
        guard !reservedNames.contains(name.lowercased()) else {
            throw CommunityError.invalid("'\(name)' is the name of a page of the site; choose another \(what).")
        }
        return name
    }

    /// Whether a member's username plausibly is one of the paper's authors: the same letters and digits,
    /// ignoring case, spaces and punctuation ("YangyongZhu" for "Yangyong Zhu"). Until authors can claim papers,
    /// this is how "an author" is recognised.
    public static func isAuthor(_ username: String, of paper: Paper) -> Bool {
        let key = letters(username)
        return !key.isEmpty && paper.authors.contains { letters($0) == key }
    }

    private static func letters(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }.map(Character.init))
    }

    /// Why `password` cannot be used, if it cannot.
    public static func checkPassword(_ password: String, username: String = "") throws {
        guard passwordBytes.contains(password.utf8.count) else {
            throw CommunityError.invalid(
                "A password has \(passwordBytes.lowerBound) to \(passwordBytes.upperBound) bytes (most characters are one byte).")
        }
        guard username.isEmpty || password.lowercased() != username.lowercased() else {
            throw CommunityError.invalid("The password must not be the username.")
        }
    }

    static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_"
    }
}
