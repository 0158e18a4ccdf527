"""How far two annotations of the same decisions agree: the second scored against the first
by the extractor's own scorer, as if it were the extractor's output.

    .venv/bin/python data/real/agreement.py data/real/third/gold.jsonl data/real/third-again/gold.jsonl
    .venv/bin/python data/real/agreement.py ../shared/corpus/dev/gold.jsonl data/real/agreement/gold.jsonl

Only the decisions both annotated are compared. No texts are needed.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from pipeline.evaluate import read_gold, score  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    first, second = (read_gold(Path(a)) for a in args)
    both = set(first) & set(second)
    print(f"== {len(both)} decisions annotated twice: the second annotation scored against the first")
    print(score({k: second[k] for k in both}, {k: first[k] for k in both}).table())
    return 0


if __name__ == "__main__":
    sys.exit(main())
