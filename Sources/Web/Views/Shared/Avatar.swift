import PapersCore
import Presentation

/// A face for a member or an organization: their image when Hugging Face gave one, else their initials on a colour
/// of their own (one of `Avatar.hues`, picked by the name, so a name always looks the same).
enum Avatar {
    /// Images are shown from Hugging Face's own image hosts only: an address from anywhere else would tell a third
    /// party who reads the page.
    static func isShown(_ image: String?) -> Bool {
        guard let image, TextEncoding.isWebURL(image) else { return false }
        return image.hasPrefix("https://cdn-avatars.huggingface.co/") || image.hasPrefix("https://cdn-thumbnails.huggingface.co/")
    }

    /// How many colours generated avatars and covers are drawn from (`.hue-0` … in the stylesheet).
    static let hues = 12

    enum Size: String { case small, large }

    static func render(_ name: String, image: String? = nil, size: Size = .small) -> HTML {
        if let image, isShown(image) {
            let pixels = size == .small ? 20 : 56
            return
                "<img class=\"avatar \(size.rawValue)\" src=\"\(image)\" alt=\"\" width=\"\(pixels)\" height=\"\(pixels)\" loading=\"lazy\" referrerpolicy=\"no-referrer\">"
        }
        return "<span class=\"avatar \(size.rawValue) hue-\(hue(of: name))\" aria-hidden=\"true\">\(initials(name))</span>"
    }

    /// The colour a name is drawn in: the same on every page and every instance.
    static func hue(of name: String) -> Int {
        var hash: UInt32 = 2_166_136_261
        for byte in name.lowercased().utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return Int(hash % UInt32(hues))
    }

    /// "NV" for NVIDIA, "AK" for akhaliq, "YZ" for Yu Zhang: the first letters of the first two words, or of the name.
    static func initials(_ name: String) -> String {
        let words = name.split { !$0.isLetter && !$0.isNumber }
        let letters = words.count > 1 ? words.prefix(2).compactMap(\.first) : Array(words.first?.prefix(2) ?? "")
        return String(letters).uppercased()
    }
}

/// A card's picture: Hugging Face's thumbnail of the paper when there is one, else a cover drawn from its title.
enum Cover {
    static func render(_ paper: Paper) -> HTML {
        if let thumbnail = paper.hub?.thumbnail, Avatar.isShown(thumbnail) {
            return "<img class=\"cover\" src=\"\(thumbnail)\" alt=\"\" width=\"112\" height=\"84\" loading=\"lazy\" referrerpolicy=\"no-referrer\">"
        }
        let title = TeXText.plain(paper.title)
        let name = title.split(separator: ":").first.map(String.init) ?? title
        return "<span class=\"cover hue-\(Avatar.hue(of: paper.id))\" aria-hidden=\"true\">\(Avatar.initials(name))</span>"
    }
}
