#!/usr/bin/env python3
"""Draws a bench/run result CSV as one SVG picture (pure Python, no plotting library).

    bench/chart.py RESULTS.csv OUT.svg

Left: throughput per endpoint as a ratio to the reference application's GET /orm, one bar per
data size, with the target line at 0.6. Right: the median latency (p50) per endpoint at each
size on a logarithmic axis, so that what grows with the data stands out. Endpoints whose answers
were not the expected ones are marked. The reference's own rows are left out (they are 1.0).
"""
import csv
import html
import math
import sys

TARGET_RATIO = 0.6
COLOURS = {"demo": "#4e79a7", "big": "#f28e2b"}
FALLBACK_COLOURS = ["#59a14f", "#e15759", "#76b7b2"]
ROW_HEIGHT = 26
LABEL_WIDTH = 370
PANEL_WIDTH = 420
GAP = 60
TOP = 130
FONT = "font-family='Helvetica, Arial, sans-serif'"


def number(value):
    """A CSV cell as a float; None when empty."""
    return float(value) if value not in ("", None) else None


def load(path):
    """The endpoint rows of a result CSV (not the reference's), and the sizes in order of appearance."""
    with open(path, newline="") as source:
        rows = [row for row in csv.DictReader(source)]
    sizes = list(dict.fromkeys(row["size"] for row in rows))
    endpoints = [row for row in rows if not row["endpoint"].startswith("reference")]
    return rows, endpoints, sizes


def text(x, y, content, size=12, anchor="start", weight="normal", colour="#222", halo=False):
    """An SVG text element; with a halo, readable across lines and bars."""
    outline = " stroke='white' stroke-width='3' paint-order='stroke'" if halo else ""
    return (f"<text x='{x:.1f}' y='{y:.1f}' font-size='{size}' text-anchor='{anchor}' font-weight='{weight}' "
            f"fill='{colour}'{outline} {FONT}>{html.escape(content)}</text>")


def line(x1, y1, x2, y2, colour="#ccc", width=1, dash=None):
    """An SVG line element."""
    dashes = f" stroke-dasharray='{dash}'" if dash else ""
    return f"<line x1='{x1:.1f}' y1='{y1:.1f}' x2='{x2:.1f}' y2='{y2:.1f}' stroke='{colour}' stroke-width='{width}'{dashes}/>"


def bars(svg, x0, y, values, scale, labels, sizes, colours):
    """One group of horizontal bars (one per size) at height y, with value labels."""
    bar = (ROW_HEIGHT - 6) / max(1, len(sizes))
    for i, size in enumerate(sizes):
        top = y + 3 + i * bar
        if size not in values:
            continue
        value = values[size]
        if value is None:
            svg.append(text(x0 + 4, top + min(bar, 14) - 2.5, f"{size}: no answer in the run", size=10, colour="#b00"))
            continue
        width = max(1.0, scale(value) - x0)
        svg.append(f"<rect x='{x0:.1f}' y='{top:.1f}' width='{width:.1f}' height='{bar - 1:.1f}' fill='{colours[size]}'/>")
        svg.append(text(x0 + width + 4, top + min(bar, 14) - 2.5, labels(value), size=min(11, max(8, int(bar) - 1)), halo=True))


def key(row):
    """How a row is named on the chart: endpoint and caller."""
    return row["endpoint"] if row["caller"] == "anonymous" else f"{row['endpoint']}  [{row['caller']}]"


def draw(csv_path, svg_path):
    """Writes the SVG picture of a result CSV."""
    rows, endpoints, sizes = load(csv_path)
    colours = {size: COLOURS.get(size, FALLBACK_COLOURS[i % len(FALLBACK_COLOURS)]) for i, size in enumerate(sizes)}
    names = list(dict.fromkeys(key(row) for row in endpoints))
    by_name = {(key(row), row["size"]): row for row in endpoints}
    failed = {key(row) for row in endpoints if int(row["unexpected"] or 0) + int(row.get("service_errors") or 0) > 0}
    ratios = {name: {s: number(by_name[(name, s)]["ratio_to_reference"]) for s in sizes if (name, s) in by_name}
              for name in names}
    latencies = {name: {s: number(by_name[(name, s)]["latency_p50_ms"] or by_name[(name, s)]["p50_ms"])
                        for s in sizes if (name, s) in by_name} for name in names}

    width = LABEL_WIDTH + 2 * PANEL_WIDTH + GAP + 60
    height = TOP + ROW_HEIGHT * len(names) + 70
    svg = [f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' viewBox='0 0 {width} {height}'>",
           f"<rect width='{width}' height='{height}' fill='white'/>"]
    first = endpoints[0] if endpoints else rows[0]
    svg.append(text(20, 28, "Stadtlabore API against the one-query reference application", size=17, weight="bold"))
    latency_connections = first.get("latency_connections") or first.get("connections")
    shortest = min((int(row["duration_s"]) for row in endpoints), default=first["duration_s"])
    svg.append(text(20, 48, f"wrk, {shortest} s per endpoint (slow ones longer), throughput at -c{first['connections']}, "
                            f"latency at -c{latency_connections}", size=12, colour="#555"))
    for index, size in enumerate(sizes):
        summary = next(row for row in rows if row["size"] == size)
        suspect = "  SUSPECT: the reference's first and last figures differ by > 15 %" if summary["suspect"] == "True" else ""
        label = (f"{size}: reference {float(summary['reference_req_per_s']):.0f} req/s, service ready after "
                 f"{summary['service_ready_s']} s, {summary['service_rss_mb']} MB resident under load{suspect}")
        y = 62 + 18 * index
        svg.append(f"<rect x='20' y='{y}' width='12' height='12' fill='{colours[size]}'/>")
        svg.append(text(38, y + 10, label, size=12, colour="#b00" if suspect else "#222"))

    # Left panel: ratio to the reference, linear from 0.
    left = LABEL_WIDTH
    top_ratio = max([TARGET_RATIO * 1.5] + [v for r in ratios.values() for v in r.values() if v is not None]) * 1.1
    ratio_x = lambda value: left + PANEL_WIDTH * min(value, top_ratio) / top_ratio
    # Right panel: p50 latency, logarithmic.
    right = left + PANEL_WIDTH + GAP
    values = [v for r in latencies.values() for v in r.values() if v]
    low = 10 ** math.floor(math.log10(min(values))) if values else 0.1
    high = 10 ** math.ceil(math.log10(max(values) * 1.5)) if values else 100
    latency_x = lambda value: right + PANEL_WIDTH * (math.log10(max(value, low)) - math.log10(low)) / (
        math.log10(high) - math.log10(low))

    bottom = TOP + ROW_HEIGHT * len(names)
    svg.append(text(left, TOP - 14, "throughput / reference GET /orm (higher is better)", size=13, weight="bold"))
    svg.append(text(right, TOP - 14, "median latency p50 in ms, log scale (lower is better)", size=13, weight="bold"))
    step = 0.2 if top_ratio <= 2 else 0.5 if top_ratio <= 5 else 1.0
    for i in range(int(top_ratio / step) + 1):
        x = ratio_x(i * step)
        svg.append(line(x, TOP, x, bottom, colour="#eee"))
        svg.append(text(x, bottom + 16, f"{i * step:.1f}", size=10, anchor="middle", colour="#555"))
    decade = low
    while decade <= high * 1.001:
        x = latency_x(decade)
        svg.append(line(x, TOP, x, bottom, colour="#eee"))
        svg.append(text(x, bottom + 16, f"{decade:g}", size=10, anchor="middle", colour="#555"))
        decade *= 10

    for index, name in enumerate(names):
        y = TOP + index * ROW_HEIGHT
        if index % 2 == 0:
            svg.append(f"<rect x='10' y='{y:.1f}' width='{width - 20}' height='{ROW_HEIGHT}' fill='#f7f7f7'/>")
        label = name + ("  ✗ errors" if name in failed else "")
        svg.append(text(left - 8, y + ROW_HEIGHT / 2 + 4, label, anchor="end", colour="#b00" if name in failed else "#222"))
        bars(svg, left, y, ratios[name], ratio_x, lambda v: f"{v:.2f}" if v >= 0.01 or v == 0 else f"{v:.1g}", sizes, colours)
        bars(svg, right, y, latencies[name], latency_x, lambda v: f"{v:.0f} ms" if v >= 100 else f"{v:.3g} ms", sizes, colours)

    target = ratio_x(TARGET_RATIO)
    svg.append(line(target, TOP - 6, target, bottom, colour="#c00", width=1.5, dash="5,3"))
    svg.append(text(target + 3, bottom + 30, f"target {TARGET_RATIO}", size=11, colour="#c00"))
    svg.append(line(left, TOP, left, bottom, colour="#888"))
    svg.append(line(right, TOP, right, bottom, colour="#888"))
    svg.append("</svg>")
    with open(svg_path, "w") as out:
        out.write("\n".join(svg) + "\n")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    draw(sys.argv[1], sys.argv[2])


if __name__ == "__main__":
    main()
