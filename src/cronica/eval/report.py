"""A readable terminal view of an evaluation result (the JSON from :func:`cronica.eval.runner.run`).

In: the result dict. Out: text: the run's provenance, one line per field score, the most frequent
confusions, the place-distance distribution, unmapped gold labels and the first disagreements.
"""

from __future__ import annotations

from typing import Any


def _fmt(entry: dict[str, Any]) -> str:
    if entry["metric"] == "accuracy":
        return f"{entry['score']:.3f}  ({entry['correct']}/{entry['n']})"
    if entry["metric"] == "weighted_f1":
        acc, macro = entry["accuracy"], entry["macro_f1"]
        return f"{entry['score']:.3f}  (acc {acc:.3f}, macro F1 {macro:.3f}, n {entry['n']})"
    p = entry.get("precision")
    extra = f"P {p:.3f} R {entry['recall']:.3f}" if p is not None else f"R {entry['recall']:.3f}"
    return f"{entry['score']:.3f}  ({extra}; gold {entry['tp_gold']}/{entry['n_gold']})"


def render(result: dict[str, Any], max_diffs: int = 15) -> str:
    lines = [
        f"{result['dataset']} ({result['format']}, split {result['split']}, limit {result['limit']}): "
        f"{result['items']} items in {result['seconds']}s",
        f"gold {result['path']} sha256 {result['gold_sha256'][:12]}…  model {result.get('model', '?')} "
        f"{result.get('model_version', '')}  cronica {result['cronica_version']}",
        "",
        f"{'field':<22} {'metric':<12} score",
    ]
    for name, entry in result["scores"].items():
        lines.append(f"{name:<22} {entry['metric']:<12} {_fmt(entry)}")
    for name in ("label", "event_type", "plover"):
        table = result["confusion"].get(name) or {}
        mistakes = sorted(
            ((n, want, got) for want, row in table.items() for got, n in row.items() if want != got),
            reverse=True,
        )
        if mistakes:
            lines += ["", f"most frequent {name} confusions (gold -> got):"]
            lines += [f"  {n:>4}  {want} -> {got}" for n, want, got in mistakes[:8]]
    dist = result["distance_km"]
    if dist["n"] or dist["no_coordinates"]:
        buckets = "  ".join(f"{k}: {v}" for k, v in dist["buckets"].items())
        lines += ["", f"place distance (km): {buckets}  no coordinates: {dist['no_coordinates']}"]
        lines.append(f"  median {dist['median']} km over {dist['n']}")
    if result["unmapped"]:
        listed = ", ".join(f"{k} ({v})" for k, v in result["unmapped"].items())
        lines += ["", f"gold types with no cronica counterpart (not scored): {listed}"]
    if result.get("errors"):
        lines += ["", f"{len(result['errors'])} documents failed to extract, e.g. {result['errors'][0]}"]
    wrong = [r for r in result["records"] if r.get("correct") and not all(r["correct"].values())]
    if wrong:
        lines += ["", f"first disagreements ({len(wrong)} records with a wrong field):"]
        for r in wrong[:max_diffs]:
            bad = [k for k, ok in r["correct"].items() if not ok]
            got = r.get("got") or {}
            shown = ", ".join(
                f"{k}: {r['expected'].get(k)!r} vs {got.get(k.split('.')[0], '—')!r}" for k in bad[:4]
            )
            lines.append(f"  {r['item']} [{r.get('gold') or ''}] {shown}")
    return "\n".join(lines)
