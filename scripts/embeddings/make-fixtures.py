#!/usr/bin/env python3
"""Writes the reference token ids and embeddings that the Swift model must reproduce.

Run once, by hand, after `make models` (see docs/search.md); the output is committed:

    python3 scripts/embeddings/make-fixtures.py models/all-MiniLM-L6-v2 \
        data/seed-papers.jsonl Tests/EmbeddingsTests/Fixtures/minilm-reference.jsonl

Needs `pip install sentence-transformers tokenizers`. The texts are the bundled sample's titles and abstracts
(the only paper data the project may carry) and hand-written edge cases: accents, CJK, emoji, mathematics, control
characters, empty and over-long texts.
"""
import json
import sys

from sentence_transformers import SentenceTransformer
from tokenizers import Tokenizer

EDGE_CASES = [
    "",
    " ",
    "\t\n\r",
    "a",
    "Hello, world!",
    "Café déjà vu: naïve façade, coöperate, Ångström, São Paulo, Zürich, Kraków, Dvořák",
    "ÉCOLE NORMALE SUPÉRIEURE — École Polytechnique Fédérale de Lausanne",
    "Ελληνικά: Σίσυφος ΟΔΟΣ, final sigma ΟΔΟΣ.",
    "Русский текст: нейронные сети и обучение с подкреплением",
    "深度学习在自然语言处理中的应用",
    "大規模言語モデルの評価: ひらがな と カタカナ と 漢字",
    "한국어 문장 임베딩 모델 평가",
    "Mixed 中文 and English 混合 text with 数字 123",
    "𠀀𠀁 rare CJK extension B ideographs 𪜀",
    "Emoji 🚀🔥 in a title 🤗 and 👩‍🔬 scientists 🇫🇷",
    "Math: $\\mathcal{O}(n \\log n)$, $x^2 + y^2 = z^2$, ∀ε>0 ∃δ>0, ∑_{i=1}^{n} i = n(n+1)/2, α β γ ∞ ≤ ≥ ≠",
    "LaTeX $τ$-bench and $\\pi_0$ policies with $\\sqrt{d_k}$ scaling",
    "Punctuation!!! ??? ... --- ((nested)) [brackets] {braces} <tags> @user #hashtag 50% $100 a_b c^d e|f ~g `h`",
    "URLs: https://github.com/huggingface/transformers and http://arxiv.org/abs/2401.00001v2",
    "Email me at someone@example.com or visit www.example.org/path?q=1&r=2",
    "Numbers 3.14159 2,718 1e-5 10^9 0x1F 42nd 1st 2024-01-01",
    "Control\u0000characters\u0001here\u0007and\u200bzero\u200dwidth\ufeffjoiners\ufffd",
    "Non-breaking\u00a0space and\u2003em space and\u3000ideographic space",
    "Soft\u00adhyphen and combining e\u0301 vs precomposed é",
    "ﬁ ligature ﬀ and full-width ＡＢＣ１２３ letters",
    "Thai ภาษาไทย and Arabic العربية and Hebrew עברית",
    "Hindi हिन्दी भाषा and Tamil தமிழ்",
    "supercalifragilisticexpialidocious antidisestablishmentarianism pneumonoultramicroscopicsilicovolcanoconiosis",
    "x" * 150,
    "word " * 400,
    "Transformers " * 300 + "tail words that must be cut",
    "UPPER CASE TITLE WITH ACRONYMS LLM RLHF GPT-4o DPO PPO SFT MoE",
    "camelCase snake_case kebab-case PascalCase SCREAMING_CASE",
    "Quotes “curly” ‘single’ «guillemets» „German“ and apostrophes don’t won't",
    "Dashes – en — em ‐ hyphen − minus",
    "Bullets • and · middle dots … ellipsis",
    "Code: def f(x): return x**2 if x > 0 else -x  # comment",
    "JSON {\"key\": [1, 2, 3], \"nested\": {\"a\": null}}",
    "Tabs\tand\nnewlines\r\nmixed",
    "   leading and trailing spaces   ",
    "Ǆ ǅ ǆ title-case digraphs and İstanbul ı dotless",
    "ẞ capital sharp s and straße",
    "Subscripts H₂O and superscripts x² and fractions ½ ¾",
    "Roman numerals Ⅻ and circled ① ② numbers",
    "Currency € £ ¥ ₹ ₿ symbols",
    "Arrows → ← ↔ ⇒ and box drawing ┌─┐",
    "Vision-Language-Action (VLA) models for robot manipulation",
    "A survey of retrieval-augmented generation",
    "diffusion models for video generation",
    "reinforcement learning from human feedback",
    "mixture of experts scaling laws",
    "graph neural networks for molecules",
    "speech recognition in low-resource languages",
    "3D Gaussian splatting for novel view synthesis",
    "efficient attention kernels on GPUs",
    "benchmarks for code generation with large language models",
]


def texts_from_sample(path):
    texts = []
    with open(path, encoding="utf-8") as sample:
        for line in sample:
            record = json.loads(line)
            texts.append(record["title"] + "\n" + record["abstract"])
            texts.append(record["title"])
    return texts


def main():
    model_dir, sample, output = sys.argv[1:4]
    model = SentenceTransformer(model_dir, device="cpu")
    model.max_seq_length = 256
    tokenizer = Tokenizer.from_file(f"{model_dir}/tokenizer.json")
    tokenizer.enable_truncation(max_length=256)
    tokenizer.no_padding()
    texts = EDGE_CASES + texts_from_sample(sample)
    embeddings = model.encode(texts, batch_size=16, normalize_embeddings=False, convert_to_numpy=True)
    with open(output, "w", encoding="utf-8") as out:
        for text, vector in zip(texts, embeddings):
            ids = tokenizer.encode(text).ids
            reference_ids = model.tokenize([text])["input_ids"][0].tolist()
            assert ids == reference_ids, (text, ids, reference_ids)
            out.write(json.dumps({"text": text, "ids": ids, "embedding": [round(float(v), 7) for v in vector]}, ensure_ascii=False) + "\n")
    print(f"wrote {len(texts)} texts to {output}")


if __name__ == "__main__":
    main()
