#!/usr/bin/env python3
"""Tables for BENCHMARKS.md from the raw outputs of the two harnesses (see benches/run.sh).

    bench_report.py client DIR     DIR holds bench.mjs outputs: APP-OP-CHUNK.json (timed
                                   operations) and APP-mem.json (memory and sizes)
    bench_report.py ssr OURS LEPTOS  two OUT dirs of shared/bench/ssr/run.sh
    bench_report.py write BENCHMARKS.md WORK WHAT   puts WORK/part-{client,ssr}.md in place

Prints Markdown on stdout. The figures are medians of the raw samples; every ratio compares
numbers of the same run.
"""
import json
import math
import re
import statistics
import sys
from pathlib import Path

APPS = ["vanilla", "leptos", "ours"]


def fmt(x, digits=1):
    return f"{x:,.{digits}f}"


def client(d: Path) -> None:
    samples: dict = {}  # op -> app -> [total ms]
    scripts: dict = {}
    titles = {}
    order = []
    for f in sorted(d.glob("*-*-*.json")):
        # op ids contain '-' (06_remove-one-1k): the app is the first part, the chunk the last
        app, rest = f.stem.split("-", 1)
        if app not in APPS:
            continue
        op, _chunk = rest.rsplit("-", 1)
        r = json.loads(f.read_text())
        for o in r["ops"]:
            if o["id"] not in order:
                order.append(o["id"])
            titles[o["id"]] = o["title"]
            samples.setdefault(o["id"], {}).setdefault(app, []).extend(s["total"] for s in o["samples"])
            scripts.setdefault(o["id"], {}).setdefault(app, []).extend(s["script"] for s in o["samples"])
    order.sort()
    med = {op: {a: statistics.median(v) for a, v in apps.items()} for op, apps in samples.items()}
    n = min(len(v) for apps in samples.values() for v in apps.values())
    print(f"Timed operations: median of total ms (click to painted frame), {n} runs per operation "
          "and app, interleaved (see the command).\n")
    print("| operation | vanilla | Leptos 0.8 | ours | Leptos / vanilla | ours / vanilla | ours / Leptos | goal |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    logs = {"lv": [], "ov": [], "ol": []}
    for op in order:
        m = med[op]
        lv, ov, ol = m["leptos"] / m["vanilla"], m["ours"] / m["vanilla"], m["ours"] / m["leptos"]
        logs["lv"].append(math.log(lv)); logs["ov"].append(math.log(ov)); logs["ol"].append(math.log(ol))
        flag = "**over**" if ov > 1.3 else ""
        print(f"| {titles[op]} | {fmt(m['vanilla'])} | {fmt(m['leptos'])} | {fmt(m['ours'])} "
              f"| {lv:.2f} | {ov:.2f} | {ol:.2f} | ≤ 1.3 vs vanilla {flag} |")
    g = {k: math.exp(sum(v) / len(v)) for k, v in logs.items()}
    print(f"| **geometric mean** | | | | {g['lv']:.3f} | **{g['ov']:.3f}** | **{g['ol']:.3f}** "
          f"| ≤ 1.07 vs vanilla, ≤ 0.9 vs Leptos |")
    worst = max(order, key=lambda op: med[op]["ours"] / med[op]["vanilla"])
    print(f"\nLargest single operation, ours / vanilla: {titles[worst]}, "
          f"{med[worst]['ours'] / med[worst]['vanilla']:.2f}.\n")

    print("Script time (synchronous handler work, median ms):\n")
    print("| operation | vanilla | Leptos 0.8 | ours |")
    print("| --- | ---: | ---: | ---: |")
    for op in order:
        s = {a: statistics.median(v) for a, v in scripts[op].items()}
        print(f"| {titles[op]} | {fmt(s['vanilla'], 2)} | {fmt(s['leptos'], 2)} | {fmt(s['ours'], 2)} |")

    mem = {a: json.loads((d / f"{a}-mem.json").read_text()) for a in APPS if (d / f"{a}-mem.json").exists()}
    if len(mem) == 3:
        print("\nMemory (JS heap after forced GC + wasm memory, MB, median of "
              f"{mem['ours']['options']['memRuns']} fresh pages):\n")
        print("| point | vanilla | Leptos 0.8 | ours | ours / Leptos | goal |")
        print("| --- | ---: | ---: | ---: | ---: | --- |")
        names = {"ready": "page ready", "run1k": "after creating 1,000 rows",
                 "runClear5": "after 5x create 1,000, then clear"}
        for k, name in names.items():
            v = {a: mem[a]["memory"][k] for a in APPS}
            cell = lambda a: f"{v[a]['totalMB']:.2f} ({v[a]['jsHeapUsedMB']:.2f} + {v[a]['wasmMemoryMB']:.2f})"
            goal = "≤ Leptos" if k != "ready" else ""
            print(f"| {name} | {cell('vanilla')} | {cell('leptos')} | {cell('ours')} "
                  f"| {v['ours']['totalMB'] / v['leptos']['totalMB']:.2f} | {goal} |")
        print("\nTransfer (every .js/.wasm the page loads, bytes):\n")
        print("| measure | vanilla | Leptos 0.8 | ours | ours / Leptos | goal |")
        print("| --- | ---: | ---: | ---: | ---: | --- |")
        for key, name in (("raw", "raw"), ("gzip9", "gzip -9"), ("brotli11", "brotli 11")):
            v = {a: mem[a]["sizes"]["jsAndWasm"][key] for a in APPS}
            goal = "≤ 0.5" if key != "raw" else ""
            print(f"| JS + wasm, {name} | {v['vanilla']:,} | {v['leptos']:,} | {v['ours']:,} "
                  f"| **{v['ours'] / v['leptos']:.2f}** | {goal} |")
        for kind in ("wasm", "js"):
            v = {a: mem[a]["sizes"][kind] for a in APPS}
            print(f"| of which {kind}, raw / gzip -9 / brotli 11 | {v['vanilla']['raw']:,} / {v['vanilla']['gzip9']:,} / {v['vanilla']['brotli11']:,} "
                  f"| {v['leptos']['raw']:,} / {v['leptos']['gzip9']:,} / {v['leptos']['brotli11']:,} "
                  f"| {v['ours']['raw']:,} / {v['ours']['gzip9']:,} / {v['ours']['brotli11']:,} | | |")
        print(f"\nBrowser: {mem['ours']['browser']}; node {mem['ours']['node']}.")


def ssr_run(d: Path, fw: str) -> dict:
    s = json.loads((d / "summary.json").read_text())
    sizes = {}
    for line in (d / "bytes.txt").read_text().splitlines()[1:]:
        if line.startswith("/"):
            route, size, *_ = line.split()
            sizes[route] = int(size)
    rss = (d / "rss.txt").read_text().split()
    return {"summary": s, "sizes": sizes, "rss_fw": int(rss[1]), "rss_limit": int(rss[3]),
            "meta": (d / "meta.txt").read_text().strip(), "fw": fw}


def ssr(ours_dir: Path, leptos_dir: Path) -> None:
    o, l = ssr_run(ours_dir, "ours"), ssr_run(leptos_dir, "leptos")
    routes = ["/small", "/table", "/raw/small", "/raw/table"]
    key = lambda r: r.lstrip("/").replace("/", "__")
    goals = {"/small": ("limit", 0.5), "/table": ("hand", 0.4), "/raw/table": ("hand", 0.5)}

    def rps(run, route, server):
        return run["summary"][key(route)][server]["rps_median"]

    hand_o = o["summary"]["raw__table"]["hand"]["rps_median"]
    hand_l = l["summary"]["raw__table"]["hand"]["rps_median"]
    print("Requests per second (median of the repetitions; each framework's run measures its own "
          "limit server, which serves that framework's bytes, and the hand-written loop, "
          "interleaved with it):\n")
    print("| route | ours bytes | ours req/s | ours limit req/s | ours / limit | ours / hand | "
          "Leptos bytes | Leptos req/s | Leptos / limit | Leptos / hand | ours / Leptos | goal |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for r in routes:
        orps, lrps = rps(o, r, "ours"), rps(l, r, "leptos")
        olim, llim = rps(o, r, "limit"), rps(l, r, "limit")
        g = goals.get(r)
        goal = ""
        if g:
            kind, x = g
            val = orps / (olim if kind == "limit" else hand_o)
            goal = f"ours / {kind} ≥ {x}: {'met' if val >= x else '**missed**'}"
        table = r.endswith("table")  # the hand-written loop renders the table page only
        oh = f"{orps / hand_o:.3f}" if table else ""
        lh = f"{lrps / hand_l:.3f}" if table else ""
        print(f"| {r} | {o['sizes'][r]:,} | {orps:,.0f} | {olim:,.0f} | {orps / olim:.3f} | {oh} "
              f"| {l['sizes'][r]:,} | {lrps:,.0f} | {lrps / llim:.3f} | {lh} "
              f"| {orps / lrps:.2f} | {goal} |")
    print(f"| /hand/table (hand-written loop, in the limit server) | | {hand_o:,.0f} | | | | | {hand_l:,.0f} | | | | |")
    print("\nLatency (wrk, median over the repetitions, ms, p50 / p99):\n")
    print("| route | ours | ours limit | Leptos | Leptos limit |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for r in routes:
        c = lambda run, srv: f"{run['summary'][key(r)][srv]['p50_ms_median']:.2f} / {run['summary'][key(r)][srv]['p99_ms_median']:.2f}"
        print(f"| {r} | {c(o, 'ours')} | {c(o, 'limit')} | {c(l, 'leptos')} | {c(l, 'limit')} |")
    errors = []
    for run in (o, l):
        for route, servers in run["summary"].items():
            for server, v in servers.items():
                if v["errors"]:
                    errors.append(f"{run['fw']} run, {server} /{route.replace('__', '/')}: {v['errors']}")
    print("\nwrk errors: " + ("; ".join(errors) if errors else "none (no socket errors, no non-2xx responses)."))
    print(f"\nResident memory after the run: ours {o['rss_fw']:,} KB, its limit server {o['rss_limit']:,} KB "
          f"(**{o['rss_fw'] / o['rss_limit']:.2f}x**, goal ≤ 2x); Leptos {l['rss_fw']:,} KB, its limit server "
          f"{l['rss_limit']:,} KB ({l['rss_fw'] / l['rss_limit']:.2f}x).")
    print("\nAll req/s of every repetition (ours run, then Leptos run):\n")
    for run in (o, l):
        for route, servers in run["summary"].items():
            for server, v in servers.items():
                print(f"- {run['fw']} run, {server} /{route.replace('__', '/')}: "
                      + ", ".join(f"{x:,.0f}" for x in v["rps_all"]))
    print("\n" + "\n".join("    " + line for line in o["meta"].splitlines()))
    print("\n" + "\n".join("    " + line for line in l["meta"].splitlines()))


def write(path: Path, work: Path, what: str) -> None:
    """Puts the parts benches/run.sh measured into BENCHMARKS.md, between their markers."""
    text = path.read_text()
    if "<!-- issue-7-client:begin" not in text:
        text = (text.rstrip("\n") + "\n\n"
                "## Issue 7: the browser benchmark and SSR throughput, against Leptos 0.8 and the limits\n\n"
                "Command, from the repository root: `benches/run.sh` (both harnesses of `../shared/bench`; "
                "`benches/run.sh client` or `benches/run.sh ssr` for one part). The tables between the "
                "markers are written by the script; the analysis follows them.\n\n"
                "<!-- issue-7-client:begin -->\n<!-- issue-7-client:end -->\n\n"
                "<!-- issue-7-ssr:begin -->\n<!-- issue-7-ssr:end -->\n")
    for name in ("client", "ssr"):
        part = work / f"part-{name}.md"
        if what in ("all", name) and part.exists():
            pattern = re.compile(rf"<!-- issue-7-{name}:begin.*?<!-- issue-7-{name}:end -->\n?", re.S)
            body = part.read_text()
            text = pattern.sub(lambda _: body, text, count=1)
    path.write_text(text)


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "client":
        client(Path(sys.argv[2]))
    elif len(sys.argv) >= 5 and sys.argv[1] == "write":
        write(Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4])
    elif len(sys.argv) >= 4 and sys.argv[1] == "ssr":
        ssr(Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
