import PapersCore

/// A fragment of HTML that is safe to send: interpolated text is escaped unless it is itself `HTML`.
///
/// `HTML("<h1>\(title)</h1>")` escapes `title`; there is no way to splice unescaped text except `HTML(unescaped:)`,
/// which the views use only for markup written in this module.
public struct HTML: Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    public private(set) var rendered: String

    /// Trusted markup: written in this module, or produced by an escaping renderer (`CommentMarkdown`).
    public init(unescaped markup: String) {
        rendered = markup
    }

    public init(stringLiteral value: String) {
        rendered = value
    }

    public init(stringInterpolation: StringInterpolation) {
        rendered = stringInterpolation.output
    }

    public var description: String { rendered }

    /// Concatenates fragments.
    public init(joining parts: [HTML], separator: HTML = "") {
        rendered = parts.map(\.rendered).joined(separator: separator.rendered)
    }

    /// Escapes text for element content and double-quoted attribute values.
    public static func escape(_ text: String) -> String {
        TextEncoding.escapeHTML(text)
    }

    /// Interpolation that escapes everything but nested `HTML`.
    public struct StringInterpolation: StringInterpolationProtocol {
        var output = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            output.reserveCapacity(literalCapacity * 2)
        }

        public mutating func appendLiteral(_ literal: String) {
            output += literal
        }

        public mutating func appendInterpolation(_ html: HTML) {
            output += html.rendered
        }

        public mutating func appendInterpolation(_ html: [HTML]) {
            for part in html { output += part.rendered }
        }

        public mutating func appendInterpolation(_ text: String) {
            output += HTML.escape(text)
        }

        public mutating func appendInterpolation(_ number: Int) {
            output += String(number)
        }

        public mutating func appendInterpolation(_ html: HTML?) {
            if let html { output += html.rendered }
        }
    }
}
