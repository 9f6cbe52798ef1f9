import Foundation
import Testing

@testable import Web

/// The palettes' contrast by WCAG 2.x's formula, for each pair the pages put together.
@Suite struct StyleContrastTests {
    static func luminance(_ hex: String) -> Double {
        let digits = Array(hex.dropFirst())
        let channels = stride(from: 0, to: 6, by: 2).map { index -> Double in
            let value = Double(Int(String(digits[index...index + 1]), radix: 16) ?? 0) / 255
            return value <= 0.03928 ? value / 12.92 : pow24(value)
        }
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    }

    static func pow24(_ value: Double) -> Double {
        pow((value + 0.055) / 1.055, 2.4)
    }

    static func contrast(_ first: String, _ second: String) -> Double {
        let (a, b) = (luminance(first), luminance(second))
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    @Test(arguments: [("light", SiteStyle.light), ("dark", SiteStyle.dark)])
    func everyPairMeetsItsMinimum(name: String, palette: Palette) {
        for background in [palette.bg, palette.card] {
            #expect(Self.contrast(palette.fg, background) >= 7, "\(name): headings")
            #expect(Self.contrast(palette.text, background) >= 7, "\(name): body text (abstracts)")
            #expect(Self.contrast(palette.muted, background) >= 6.9, "\(name): muted text")
            #expect(Self.contrast(palette.accent, background) >= 6.4, "\(name): links")
            #expect(Self.contrast(palette.border, background) >= 3, "\(name): control and card borders")
        }
        #expect(Self.contrast(palette.onAccent, palette.accent) >= 6.7, "\(name): button text")
        #expect(Self.contrast(palette.error, palette.bg) >= 6.4, "\(name): error text")
        #expect(Self.contrast(palette.ok, palette.bg) >= 7, "\(name): notices")
        #expect(Self.contrast(palette.fg, palette.mark) >= 5, "\(name): highlighted search words")
    }

    @Test func theFormulaMatchesWCAGsExamples() {
        #expect(abs(Self.contrast("#ffffff", "#000000") - 21) < 0.01)
        #expect(abs(Self.contrast("#ffffff", "#60a5fa") - 2.54) < 0.01, "the old dark buttons the issue measured")
        #expect(abs(Self.contrast("#6b7280", "#f9fafb") - 4.63) < 0.01, "the old grey abstract text")
    }
}
