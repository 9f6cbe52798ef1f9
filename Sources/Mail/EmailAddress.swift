/// A validated e-mail address: `local@domain`, no white space or control characters, within RFC 5321's lengths.
public struct EmailAddress: Sendable, Hashable, CustomStringConvertible {
    /// The address with its domain lower-cased, as stored and compared.
    public let value: String

    /// Why an address was refused.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case empty, tooLong, missingAt, badLocalPart, badDomain, forbiddenCharacter

        public var description: String {
            switch self {
                case .empty: return "the address is empty"
                case .tooLong: return "the address is longer than 254 characters"
                case .missingAt: return "the address needs exactly one @"
                case .badLocalPart: return "the part before @ is empty, longer than 64 characters or has invalid dots"
                case .badDomain: return "the part after @ is not a domain name such as example.org"
                case .forbiddenCharacter: return "the address contains a space, a control character or one of <>()[],;:\\\""
            }
        }
    }

    private static let forbidden: Set<Unicode.Scalar> = ["<", ">", "(", ")", "[", "]", ",", ";", ":", "\\", "\""]

    public init(_ raw: String) throws(Problem) {
        let text = raw.trimmingCharactersInSet()
        guard !text.isEmpty else { throw .empty }
        guard text.utf8.count <= 254 else { throw .tooLong }
        guard !text.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7F || Self.forbidden.contains($0) }) else {
            throw .forbiddenCharacter
        }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw .missingAt }
        let local = parts[0]
        let domain = parts[1].lowercased()
        guard !local.isEmpty, local.utf8.count <= 64, !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else {
            throw .badLocalPart
        }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        let labelsValid = labels.allSatisfy { label in
            !label.isEmpty && label.utf8.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" }
        }
        guard labels.count >= 2, labelsValid else { throw .badDomain }
        value = "\(local)@\(domain)"
    }

    public var description: String { value }
}

extension String {
    /// The string without leading and trailing ASCII white space.
    func trimmingCharactersInSet() -> String {
        let scalars = unicodeScalars
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(scalars[first...last])
    }
}
