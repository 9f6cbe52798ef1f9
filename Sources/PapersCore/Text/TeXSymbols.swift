/// The tables `TeXText` converts by: command names to Unicode, and the characters with super- and subscript forms.
enum TeXSymbols {
    /// Commands that stand for a character or a word, in and out of math.
    static let commands: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε", "zeta": "ζ",
        "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν",
        "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "upsilon": "υ", "phi": "φ", "varphi": "φ",
        "chi": "χ", "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ",
        "Pi": "Π", "Sigma": "Σ", "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
        "times": "×", "cdot": "·", "cdots": "⋯", "ldots": "…", "dots": "…", "pm": "±", "mp": "∓", "div": "÷",
        "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "neq": "≠", "ne": "≠", "approx": "≈", "sim": "∼",
        "simeq": "≃", "equiv": "≡", "propto": "∝", "ll": "≪", "gg": "≫", "infty": "∞", "partial": "∂",
        "nabla": "∇", "sum": "∑", "prod": "∏", "int": "∫", "sqrt": "√", "in": "∈", "notin": "∉", "subset": "⊂",
        "subseteq": "⊆", "cup": "∪", "cap": "∩", "emptyset": "∅", "forall": "∀", "exists": "∃", "neg": "¬",
        "wedge": "∧", "vee": "∨", "oplus": "⊕", "otimes": "⊗", "circ": "∘", "ell": "ℓ", "hbar": "ℏ",
        "to": "→", "rightarrow": "→", "leftarrow": "←", "Rightarrow": "⇒", "Leftarrow": "⇐", "leftrightarrow": "↔",
        "mapsto": "↦", "uparrow": "↑", "downarrow": "↓", "prime": "′", "dagger": "†", "ddagger": "‡", "star": "⋆",
        "ast": "∗", "deg": "°", "degree": "°", "checkmark": "✓", "textgreater": ">", "textless": "<",
        "textasciitilde": "~", "textbackslash": "\\", "textbar": "|", "S": "§", "P": "¶", "copyright": "©",
        "log": "log", "ln": "ln", "exp": "exp", "max": "max", "min": "min", "arg": "arg", "sin": "sin", "cos": "cos",
        "lim": "lim", "det": "det", "top": "⊤", "bot": "⊥", "langle": "⟨", "rangle": "⟩", "lceil": "⌈", "rceil": "⌉",
        "lfloor": "⌊", "rfloor": "⌋", "mid": "|", "vert": "|", "Vert": "‖", "lbrace": "{", "rbrace": "}",
        "eg": "e.g.", "ie": "i.e.", "etc": "etc.", "etal": "et al.", "vs": "vs.", "LaTeX": "LaTeX", "TeX": "TeX",
        "i": "ı", "ss": "ß", "o": "ø", "O": "Ø", "ae": "æ", "AE": "Æ", "l": "ł", "L": "Ł",
        "quad": " ", "qquad": " ", "allowbreak": "", "nobreakdash": "", "left": "", "right": "", "big": "",
        "Big": "", "displaystyle": "", "limits": "", "em": "", "it": "", "bf": "", "rm": "", "sc": "", "tt": "",
        "normalsize": "", "small": "", "large": "", "centering": "", "noindent": "", "newline": " ", "par": " ",
    ]

    /// Named operators, which TeX sets apart from what comes before them: `\frac{1}{2}\log n` reads "1/2 log n".
    static let operators: Set<String> = ["log", "ln", "exp", "max", "min", "arg", "sin", "cos", "lim", "det"]

    /// Commands whose `{argument}` is shown as it is: font and text styles, links shown by their text.
    static let styles: Set<String> = [
        "text", "textrm", "textsc", "textbf", "textit", "textsl", "texttt", "textsf", "textup", "textnormal",
        "emph", "underline", "mathrm", "mathbf", "mathit", "mathsf", "mathtt", "mathcal", "mathscr", "mathfrak",
        "boldsymbol", "bm", "operatorname", "mbox", "hbox", "url", "textsuperscript", "footnote", "hat", "bar",
        "tilde", "vec", "dot", "ddot", "widehat", "widetilde", "overline",
    ]

    /// Commands whose `{argument}` is not text at all: it is dropped with them.
    static let dropped: Set<String> = ["color", "label", "cite", "ref", "eqref", "vspace", "hspace", "includegraphics"]

    /// `\mathbb{R}` and friends.
    static let doubleStruck: [Character: String] = [
        "R": "ℝ", "N": "ℕ", "Z": "ℤ", "Q": "ℚ", "C": "ℂ", "E": "𝔼", "P": "ℙ", "H": "ℍ", "1": "𝟙",
    ]

    /// Accents written `\'e`, `\"o`, `\^a`, `` \`a ``, `\~n`, `\=a`, `\.z`: the combining mark each adds.
    static let accents: [Character: Character] = [
        "'": "\u{301}", "\"": "\u{308}", "^": "\u{302}", "`": "\u{300}", "~": "\u{303}", "=": "\u{304}", ".": "\u{307}",
    ]

    /// Characters escaped with a backslash that stand for themselves, and TeX's spacing commands.
    static let escaped: [Character: String] = [
        "%": "%", "&": "&", "$": "$", "_": "_", "#": "#", "{": "{", "}": "}", " ": " ", ",": " ", ";": " ",
        ":": " ", "!": "", "\\": " ", "|": "‖",
    ]

    static let superscripts: [Character: Character] = [
        "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
        "+": "⁺", "-": "⁻", "=": "⁼", "(": "⁽", ")": "⁾", "n": "ⁿ", "i": "ⁱ", "a": "ᵃ", "b": "ᵇ", "c": "ᶜ",
        "d": "ᵈ", "e": "ᵉ", "f": "ᶠ", "g": "ᵍ", "h": "ʰ", "j": "ʲ", "k": "ᵏ", "l": "ˡ", "m": "ᵐ", "o": "ᵒ",
        "p": "ᵖ", "r": "ʳ", "s": "ˢ", "t": "ᵗ", "u": "ᵘ", "v": "ᵛ", "w": "ʷ", "x": "ˣ", "y": "ʸ", "z": "ᶻ",
        "T": "ᵀ", "*": "*", "′": "′", "†": "†", "∗": "*",
    ]

    static let subscripts: [Character: Character] = [
        "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉",
        "+": "₊", "-": "₋", "=": "₌", "(": "₍", ")": "₎", "a": "ₐ", "e": "ₑ", "h": "ₕ", "i": "ᵢ", "j": "ⱼ",
        "k": "ₖ", "l": "ₗ", "m": "ₘ", "n": "ₙ", "o": "ₒ", "p": "ₚ", "r": "ᵣ", "s": "ₛ", "t": "ₜ", "u": "ᵤ",
        "v": "ᵥ", "x": "ₓ",
    ]
}
