"""The difference between two runs of hf_queries.py (the int8 and f32 encoders), query by query.

    python3 paired_difference.py RANKS_A.json RANKS_B.json

Prints, for every row that differs, the mean of A − B over the queries' reciprocal ranks with its paired standard
error and how many queries moved: a difference of 0.005 in MRR@10 is visible only next to its error.
"""
import json
import math
import sys


def main():
    first, second = (json.load(open(path)) for path in sys.argv[1:3])
    print("| query kind | row | MRR@10 A − B | paired standard error | queries that moved |")
    print("|---|---|---|---|---|")
    for kind, rows in first.items():
        for label, ranks in rows.items():
            differences = [a - b for a, b in zip(ranks, second[kind][label])]
            mean = sum(differences) / len(differences)
            error = math.sqrt(sum((d - mean) ** 2 for d in differences) / (len(differences) - 1) / len(differences))
            moved = sum(1 for d in differences if d != 0)
            if moved:
                print(f"| {kind} | {label} | {mean:+.4f} | {error:.4f} | {moved} of {len(differences)} |")


if __name__ == "__main__":
    main()
