import Testing

@testable import PapersCore

@Suite struct TeXTextTests {
    /// Titles from the real Daily Papers data, as arXiv has them and as a reader should see them.
    @Test(arguments: [
        ("$τ$-bench: A Benchmark for Tool-Agent-User Interaction", "τ-bench: A Benchmark for Tool-Agent-User Interaction"),
        ("$\\nabla^2$DFT: A Universal Quantum Chemistry Dataset", "∇²DFT: A Universal Quantum Chemistry Dataset"),
        (
            "AutoCoder: Enhancing Code Large Language Model with \\textsc{AIEV-Instruct}",
            "AutoCoder: Enhancing Code Large Language Model with AIEV-Instruct"
        ),
        ("$\\textit{Trans-LoRA}$: towards data-free Transferable", "Trans-LoRA: towards data-free Transferable"),
        ("A Simple and Effective $L_2$ Norm-Based Strategy", "A Simple and Effective L₂ Norm-Based Strategy"),
        ("$VILA^2$: VILA Augmented VILA", "VILA²: VILA Augmented VILA"),
        ("Implicit Neural Representation (SL$^{2}$A-INR)", "Implicit Neural Representation (SL²A-INR)"),
        ("LLM$\\times$MapReduce: Simplified", "LLM×MapReduce: Simplified"),
        ("$γ-$MoD: Exploring Mixture-of-Depth", "γ-MoD: Exploring Mixture-of-Depth"),
        ("Top-$nσ$: Not All Logits Are You Need", "Top-nσ: Not All Logits Are You Need"),
        ("$\\text{Transformer}^2$: Self-adaptive LLMs", "Transformer²: Self-adaptive LLMs"),
        ("Prefill \\& Decode Inference", "Prefill & Decode Inference"),
        ("\\$OneMillion-Bench: How Far are Language Agents", "$OneMillion-Bench: How Far are Language Agents"),
        ("A Minimal Denoising Network\\ for Time Series", "A Minimal Denoising Network for Time Series"),
        ("$\\mathcal{O}(n^{2})$ attention over $\\mathbb{R}^d$", "O(n²) attention over ℝᵈ"),
        ("accuracy rises by 27.3\\% with \\method{} and \\eg ours", "accuracy rises by 27.3% with method and e.g. ours"),
        ("in time \\(\\frac{1}{2}\\log n\\)", "in time 1/2 log n"),
        ("na\\\"ive and caf\\'e", "nai\u{308}ve and café"),
    ])
    func rendersTheCommonSubset(source: String, expected: String) {
        #expect(TeXText.plain(source) == expected)
    }

    /// A lone dollar, or one TeX would not read as math, is money: it stays as written.
    @Test(arguments: [
        "SWE-Lancer: Can Frontier LLMs Earn $1 Million from Real-World Freelance Software Engineering?",
        "Fixing 7,400 Bugs for 1$: Cheap Crash-Site Program Repair",
        "it costs $5 and $10 a month",
        "Serving LLaMA-70B on $60 GPUs",
        "the set {a, b} of JSON {\"k\": 1} and 5\\%",
    ])
    func leavesMoneyAndAuthorsBracesAlone(source: String) {
        let plain = TeXText.plain(source)
        #expect(plain == source.replacingOccurrences(of: "\\%", with: "%"))
    }

    @Test func scriptsWithoutUnicodeFormsStayReadable() {
        #expect(TeXText.plain("$x_{\\beta q}$") == "x_(β q)")
        #expect(TeXText.plain("$W^{Q}$") == "W^Q")
    }

    /// Unbalanced or hostile input still ends, and in time proportional to its length.
    @Test func hostileInputEnds() {
        let deep = String(repeating: "{\\em ", count: 5_000) + String(repeating: "}", count: 5_000)
        #expect(!TeXText.plain(deep).contains("\\em"), "past the nesting bound braces are text, commands still read")
        let dollars = String(repeating: "$a ", count: 20_000)
        #expect(TeXText.plain(dollars) == dollars)
        let open = String(repeating: "\\(", count: 20_000)
        #expect(TeXText.plain(open) == String(repeating: "(", count: 20_000))
        #expect(TeXText.plain("\\") == "\\")
        #expect(TeXText.plain("$") == "$")
        #expect(TeXText.plain("$$x$$ and $$") == "x and $$")
    }
}
