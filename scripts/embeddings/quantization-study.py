#!/usr/bin/env python3
"""What int8 rounding costs all-MiniLM-L6-v2, simulated in PyTorch before (and beside) the VNNI kernels: the mean and
minimum cosine of each scheme's vectors to the f32 ones, on the first COUNT papers of a JSONL file.

    python3 scripts/embeddings/quantization-study.py MODEL_DIR PAPERS_JSONL [COUNT]

Weights are rounded per output column, symmetrically (±127), as `Int8Dense` packs them; each linear layer's input is
rounded per row. Rows printed: asymmetric rows (what `CKernels` does), symmetric rows, asymmetric rows after
SmoothQuant-style channel smoothing (α 0.3, 0.5, 0.7, calibrated on the file's last 64 papers), and asymmetric rows
with one kind of layer kept in f32 (which layer's rounding costs most). Not part of `make bench`: a study, run by
hand; docs/benchmarks.md and docs/search.md quote its output.
"""
import json
import sys

import torch
from sentence_transformers import SentenceTransformer


def rounded(x, asymmetric):
    if asymmetric:
        low, high = x.amin(-1, keepdim=True).clamp(max=0), x.amax(-1, keepdim=True).clamp(min=0)
        scale = ((high - low) / 255).clamp(min=1e-8)
        zero = torch.round(-low / scale)
        return ((torch.round(x / scale) + zero).clamp(0, 255) - zero) * scale
    scale = (x.abs().amax(-1, keepdim=True) / 127).clamp(min=1e-8)
    return torch.round(x / scale).clamp(-127, 127) * scale


def main():
    model_dir, papers, count = sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 500
    torch.set_num_threads(2)
    model = SentenceTransformer(model_dir, device="cpu")
    records = [json.loads(line) for line in open(papers)]
    texts = [r["title"] + "\n" + r["abstract"] for r in records[:count]]
    calibration = [r["title"] + "\n" + r["abstract"] for r in records[-64:]]
    reference = model.encode(texts, batch_size=32, normalize_embeddings=True, convert_to_numpy=True)
    linears = [(name, module) for name, module in model[0].auto_model.named_modules() if isinstance(module, torch.nn.Linear)]
    original = {name: module.weight.data.clone() for name, module in linears}
    largest = {}

    def record(name):
        def hook(module, inputs):
            seen = inputs[0].detach().abs().reshape(-1, inputs[0].shape[-1]).amax(0)
            largest[name] = torch.maximum(largest.get(name, seen), seen)
        return hook

    hooks = [module.register_forward_pre_hook(record(name)) for name, module in linears]
    model.encode(calibration, batch_size=32)
    for hook in hooks:
        hook.remove()

    def split(x, channels, asymmetric):
        """LLM.int8()-style: the outlier input channels stay exact, the rest is rounded per row without them."""
        mask = torch.zeros(x.shape[-1], dtype=torch.bool)
        mask[channels] = True
        inliers = x.masked_fill(mask, 0)
        return rounded(inliers, asymmetric) * (~mask) + x * mask

    def run(label, asymmetric=True, alpha=None, keep=(), outliers=0):
        hooks = []
        for name, module in linears:
            if any(name.endswith(k) for k in keep):
                continue
            weight = original[name]
            if outliers:
                channels = largest[name].topk(outliers).indices
                step = weight.abs().amax(1, keepdim=True) / 127
                module.weight.data = torch.round(weight / step).clamp(-127, 127) * step
                hooks.append(module.register_forward_pre_hook(lambda m, i, c=channels: (split(i[0], c, asymmetric),)))
                continue
            smooth = torch.ones(weight.shape[1]) if alpha is None else (
                largest[name].clamp(min=1e-5) ** alpha / weight.abs().amax(0).clamp(min=1e-5) ** (1 - alpha))
            scaled = weight * smooth
            step = scaled.abs().amax(1, keepdim=True) / 127
            module.weight.data = torch.round(scaled / step).clamp(-127, 127) * step / smooth
            hooks.append(module.register_forward_pre_hook(lambda m, i, s=smooth: (rounded(i[0] / s, asymmetric) * s,)))
        vectors = model.encode(texts, batch_size=32, normalize_embeddings=True, convert_to_numpy=True)
        for hook in hooks:
            hook.remove()
        for name, module in linears:
            module.weight.data = original[name]
        cosines = (vectors * reference).sum(1)
        print(f"| {label} | {cosines.mean():.5f} | {cosines.min():.5f} |", flush=True)

    print(f"{len(texts)} papers\n\n| scheme | mean cosine to f32 | minimum |\n|---|---|---|")
    run("asymmetric rows (what CKernels does)")
    run("symmetric rows", asymmetric=False)
    for count in (2, 4, 8, 16):
        run(f"asymmetric rows, the {count} largest input channels of each layer (calibrated) in f32", outliers=count)
    for alpha in (0.3, 0.5, 0.7):
        run(f"asymmetric rows, smoothing α {alpha}", alpha=alpha)
    for kept in ("query", "key", "value", "attention.output.dense", "intermediate.dense", "output.dense"):
        layers = kept if kept != "output.dense" else "layer.N.output.dense"
        run(f"asymmetric rows, {layers} kept in f32", keep=(kept,) if kept != "output.dense" else tuple(
            f"layer.{n}.output.dense" for n in range(6)))


if __name__ == "__main__":
    main()
