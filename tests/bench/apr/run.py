#!/usr/bin/python3
"""Run the runtime micro-benchmarks against ours and Debian's libapr-1.

Takes the two programs built by meson (it builds nothing itself):
  BUILD/tests/bench/apr/bench_apr_ours   linked with our libapr-1 (shared)
  BUILD/tests/bench/apr/bench_apr_ref    linked with pkg-config apr-1

Timing mode (default): each case runs --runs times per program, the two
programs alternating (A B, B A, A B, ...) so that a burst of load on this
shared machine hits both alike; prints each case's median ns per iteration
and the ratio ours/ref (below 1: ours is faster).

--callgrind: each case runs once per program under
valgrind --tool=callgrind, counting only the timed loop (the function
bench_timed), and prints instructions (Ir) per iteration and their ratio.
These counts do not drift with load.

Only the Python standard library is used (Debian's /usr/bin/python3).
"""

import argparse
import concurrent.futures
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = "tests/bench/apr"


def parse_args(argv):
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="Cases: run with --list. Ratios below 1.00 mean ours is faster.")
    ap.add_argument("-C", "--build-dir", default="build",
                    help="meson build directory (default: build)")
    ap.add_argument("--ours", help="our program (default: from the build dir)")
    ap.add_argument("--ref", help="the reference program (default: from the "
                    "build dir, if built)")
    ap.add_argument("--runs", type=int, default=7,
                    help="timing runs per case and program (default: 7)")
    ap.add_argument("--stat", choices=["median", "min"], default="median",
                    help="how to summarise the timing runs (default: median; "
                    "min is steadier on a loaded machine)")
    ap.add_argument("--scale", type=float, default=None,
                    help="multiply each case's iteration count (default: 1 "
                    "for timings, 0.05 under callgrind)")
    ap.add_argument("--callgrind", action="store_true",
                    help="count instructions under valgrind instead of timing")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                    help="parallel valgrind runs with --callgrind (default: "
                    "number of CPUs; timings always run one at a time)")
    ap.add_argument("--noise", type=float, default=None,
                    help="mark a case whose ratio exceeds 1 + NOISE (default: "
                    "0.02 for timings, 0.005 for instruction counts)")
    ap.add_argument("--max-ratio", type=float, default=None,
                    help="exit with status 3 if any case's ratio exceeds this")
    ap.add_argument("--list", action="store_true", help="list the cases")
    ap.add_argument("cases", nargs="*", help="cases to run (default: all)")
    args = ap.parse_args(argv)
    if args.runs < 1:
        ap.error("--runs must be at least 1")
    if args.scale is not None and args.scale <= 0:
        ap.error("--scale must be positive")
    return args


def find_programs(args):
    """Return (ours, ref or None), as absolute paths."""
    base = os.path.join(args.build_dir, HERE)
    ours = args.ours or os.path.join(base, "bench_apr_ours")
    ref = args.ref or os.path.join(base, "bench_apr_ref")
    if not os.access(ours, os.X_OK):
        sys.exit(f"run.py: {ours} not found: build it first "
                 f"(meson compile -C {args.build_dir})")
    if not os.access(ref, os.X_OK):
        if args.ref:
            sys.exit(f"run.py: {ref} not found")
        print(f"run.py: no {ref} (pkg-config apr-1 not found at setup?): "
              "measuring ours alone", file=sys.stderr)
        ref = None
    return os.path.abspath(ours), ref and os.path.abspath(ref)


def run(cmd):
    """Run a command; return its stdout, or exit with its stderr."""
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True, check=False)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        sys.exit(f"run.py: {' '.join(cmd)} failed with status "
                 f"{proc.returncode}")
    return proc.stdout


def parse_result(out, case):
    """'CASE ITERATIONS NS_PER_ITER CHECK' -> (iterations, ns per iteration,
    check sum)."""
    for line in out.splitlines():
        fields = line.split()
        if len(fields) == 4 and fields[0] == case:
            return int(fields[1]), float(fields[2]), fields[3]
    sys.exit(f"run.py: no result for {case} in:\n{out}")


def check_same(checks, case, prog, check):
    """Warn when the programs' loops computed different results: then the
    two libraries do not behave alike and the comparison means little."""
    first = checks.setdefault(case, (prog, check))
    if first[1] != check:
        print(f"run.py: WARNING: {case}: check {check} from {prog} differs "
              f"from {first[1]} from {first[0]}", file=sys.stderr)


def version(prog):
    return run([prog, "--version"]).strip()


# ---------------------------------------------------------------------------
# Timing mode


def time_cases(progs, cases, runs, scale):
    """Return {case: {prog: [ns per iteration, one per run]}}."""
    results = {c: {p: [] for p in progs} for c in cases}
    checks = {}
    for r in range(runs):
        # A B, then B A: neither program is always the one that runs first.
        order = progs if r % 2 == 0 else list(reversed(progs))
        for case in cases:
            for prog in order:
                out = run([prog, "-s", repr(scale), case])
                _, ns, check = parse_result(out, case)
                results[case][prog].append(ns)
                check_same(checks, case, prog, check)
        print(f"  run {r + 1}/{runs} done", file=sys.stderr, flush=True)
    return results


def spread(values):
    """(max - min) / median, in percent: how noisy the runs were."""
    med = statistics.median(values)
    return 100.0 * (max(values) - min(values)) / med if med else 0.0


def report_times(results, ours, ref, max_ratio, noise, stat):
    if ref:
        head = (f"{'case':<15}{'ours ns/it':>12}{'ref ns/it':>12}"
                f"{'ours/ref':>10}{'spread o/r %':>15}")
    else:
        head = f"{'case':<15}{'ours ns/it':>12}{'spread %':>10}"
    print(head)
    print("-" * len(head))
    ratios, worst = [], False
    for case, per in results.items():
        mo = stat(per[ours])
        if not ref:
            print(f"{case:<15}{mo:>12.1f}{spread(per[ours]):>10.1f}")
            continue
        mr = stat(per[ref])
        ratio = mo / mr if mr else float("inf")
        ratios.append(ratio)
        flag = "  slower" if ratio > 1.0 + noise else ""
        if max_ratio is not None and ratio > max_ratio:
            worst = True
        sp = f"{spread(per[ours]):>3.0f} /{spread(per[ref]):>3.0f}"
        print(f"{case:<15}{mo:>12.1f}{mr:>12.1f}{ratio:>10.3f}{sp:>15}{flag}")
    if ratios:
        print("-" * len(head))
        print(f"{'geomean':<39}{geomean(ratios):>10.3f}")
    return worst


def geomean(values):
    return math.exp(sum(math.log(v) for v in values) / len(values))


# ---------------------------------------------------------------------------
# Instruction-count mode


def callgrind_one(prog, case, scale, tmpdir):
    """Run one case under callgrind; return (iterations, Ir collected)."""
    outfile = os.path.join(tmpdir, f"{os.path.basename(prog)}.{case}.out")
    cmd = ["valgrind", "--tool=callgrind", "--quiet",
           "--toggle-collect=bench_timed*", f"--callgrind-out-file={outfile}",
           prog, "-s", repr(scale), case]
    iters, _, check = parse_result(run(cmd), case)
    ir = None
    with open(outfile, encoding="utf-8", errors="replace") as f:
        for line in f:
            # 'summary:' (older callgrind) or 'totals:' holds the sum.
            if line.startswith(("summary:", "totals:")):
                ir = int(line.split()[1])
    if ir is None:
        sys.exit(f"run.py: no instruction count in {outfile}")
    if ir == 0:
        sys.exit(f"run.py: callgrind counted nothing in {prog}: "
                 "is bench_timed in its symbol table (not stripped)?")
    return iters, ir, check


def callgrind_cases(progs, cases, scale, jobs):
    """Return {case: {prog: Ir per iteration}}."""
    if not shutil.which("valgrind"):
        sys.exit("run.py: valgrind not found (apt-get install valgrind)")
    results = {c: {} for c in cases}
    checks = {}
    with tempfile.TemporaryDirectory(prefix="bench-apr-cg-") as tmpdir, \
            concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = {pool.submit(callgrind_one, p, c, scale, tmpdir): (c, p)
                   for c in cases for p in progs}
        for fut in concurrent.futures.as_completed(futures):
            case, prog = futures[fut]
            iters, ir, check = fut.result()
            results[case][prog] = ir / iters
            check_same(checks, case, prog, check)
    return results


def report_ir(results, ours, ref, max_ratio, noise):
    if ref:
        head = f"{'case':<15}{'ours Ir/it':>14}{'ref Ir/it':>14}{'ours/ref':>10}"
    else:
        head = f"{'case':<15}{'ours Ir/it':>14}"
    print(head)
    print("-" * len(head))
    ratios, worst = [], False
    for case, per in results.items():
        io = per[ours]
        if not ref:
            print(f"{case:<15}{io:>14.1f}")
            continue
        ir = per[ref]
        ratio = io / ir if ir else float("inf")
        ratios.append(ratio)
        flag = "  more" if ratio > 1.0 + noise else ""
        if max_ratio is not None and ratio > max_ratio:
            worst = True
        print(f"{case:<15}{io:>14.1f}{ir:>14.1f}{ratio:>10.3f}{flag}")
    if ratios:
        print("-" * len(head))
        print(f"{'geomean':<43}{geomean(ratios):>10.3f}")
    return worst


# ---------------------------------------------------------------------------


def main(argv):
    args = parse_args(argv)
    ours, ref = find_programs(args)
    known = run([ours, "--list"]).split()
    if args.list:
        print("\n".join(known))
        return 0
    for case in args.cases:
        if case not in known:
            sys.exit(f"run.py: no case named '{case}'; cases: "
                     + " ".join(known))
    cases = args.cases or known
    progs = [ours] + ([ref] if ref else [])

    print(f"ours: {ours} (APR {version(ours)})")
    if ref:
        print(f"ref:  {ref} (APR {version(ref)})")
    if args.callgrind:
        scale = args.scale if args.scale is not None else 0.05
        print(f"mode: callgrind, instructions per iteration of each case's "
              f"timed loop, scale {scale:g}\n")
        results = callgrind_cases(progs, cases, scale, max(1, args.jobs))
        noise = args.noise if args.noise is not None else 0.005
        worst = report_ir(results, ours, ref, args.max_ratio, noise)
    else:
        scale = args.scale if args.scale is not None else 1.0
        print(f"mode: timing, {args.stat} of {args.runs} runs, scale {scale:g}; "
              "spread = (max-min)/median\n")
        results = time_cases(progs, cases, args.runs, scale)
        noise = args.noise if args.noise is not None else 0.02
        stat = statistics.median if args.stat == "median" else min
        worst = report_times(results, ours, ref, args.max_ratio, noise, stat)
    return 3 if worst else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
