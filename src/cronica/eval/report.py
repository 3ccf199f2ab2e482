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


def _per_country(field: str) -> bool:
    return field.startswith("place.") or field in {
        "country",
        "admin1",
        "admin1_keyed",
        "within_25km",
        "location",
        "event_type",
    }


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
    by_country = result.get("by_country") or {}
    if by_country:
        names = sorted({f for scores in by_country.values() for f in scores if _per_country(f)})
        lines += ["", "by gold country (score, n): " + "  ".join(names)]
        for cc, scores in by_country.items():
            cells = [
                f"{scores[f]['score']:.2f} ({scores[f].get('n', '')})" if f in scores else "—" for f in names
            ]
            lines.append(f"  {cc:<4} " + "  ".join(f"{c:<12}" for c in cells))
    for name in ("label", "event_type", "plover"):
        table = (result.get("confusion") or {}).get(name) or {}
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
    other = result.get("other_continent")
    if other is not None:
        lines += [
            "",
            f"places on another continent than the gold country's: {other['count']} of {other['n']}",
        ]
        for c in other["cases"][:max_diffs]:
            lines.append(
                f"  {c['item']} {c['words']!r}: want {c['country']} ({c['continent']}); got {c['got_name']} "
                f"({c['got_country']}, {c['got_continent']}) - {c['reason']}"
            )
    if result.get("unmapped"):
        listed = ", ".join(f"{k} ({v})" for k, v in result["unmapped"].items())
        lines += ["", f"gold types with no cronica counterpart (not scored): {listed}"]
    if result.get("errors"):
        lines += ["", f"{len(result['errors'])} documents failed to extract, e.g. {result['errors'][0]}"]
    misses = [r for r in result["records"] if r.get("wrong")]
    if misses:
        lines += ["", f"first misplaced ({len(misses)} places with a wrong field):"]
        for r in misses[:max_diffs]:
            want, got = r["expected"], r["got"]
            lines.append(
                f"  {r['item']} {r['words']!r}: want {want['location']} "
                f"({want['country']}, {want['admin1']}); got {got['name']} "
                f"({got['country']}, {got['admin1']}, {got['km']} km) - {got['reason']}"
            )
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
