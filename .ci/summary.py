"""Totals the test results of every stage of .ci/test.

Each meson test log (testlog.json) holds one record per test executable. A
Check suite prints "NN%: Checks: C, Failures: F, Errors: E": each check counts
once. A test that printed no such line counts as one test, passed or failed
as meson saw it. pytest's JUnit XML reports (--junit) count each test case;
skipped cases count as neither. Prints "N passed, N failed" and exits
non-zero on failures.
"""
import argparse
import json
import re
import sys
import xml.etree.ElementTree as ET

CHECK_LINE = re.compile(r"Checks: (\d+), Failures: (\d+), Errors: (\d+)")


def count(logfile):
    passed = failed = 0
    with open(logfile, encoding="utf-8", errors="replace") as f:
        for line in f:
            rec = json.loads(line)
            ok = rec.get("result") in ("OK", "EXPECTEDFAIL", "SKIP")
            m = CHECK_LINE.search(rec.get("stdout") or rec.get("stdo") or "")
            if m:
                checks, fails, errors = (int(x) for x in m.groups())
                passed += checks - fails - errors
                failed += fails + errors
                if not ok and fails + errors == 0:
                    failed += 1   # crashed or timed out after its summary
            elif ok:
                passed += 1
            else:
                failed += 1
    return passed, failed


def count_junit(xmlfile):
    passed = failed = 0
    for case in ET.parse(xmlfile).getroot().iter("testcase"):
        tags = {child.tag for child in case}
        if tags & {"failure", "error"}:
            failed += 1
        elif "skipped" not in tags:
            passed += 1
    return passed, failed


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--passed", type=int, default=0)
    ap.add_argument("--failed", type=int, default=0)
    ap.add_argument("--junit", action="append", default=[])
    ap.add_argument("logs", nargs="*")
    args = ap.parse_args()
    passed, failed = args.passed, args.failed
    for xmlfile in args.junit:
        try:
            p, f = count_junit(xmlfile)
        except (OSError, ET.ParseError) as e:
            print(f"{xmlfile}: {e}")
            p, f = 0, 1
        print(f"{xmlfile}: {p} passed, {f} failed")
        passed += p
        failed += f
    for log in args.logs:
        try:
            p, f = count(log)
        except OSError as e:
            print(f"{log}: {e}")
            p, f = 0, 1
        print(f"{log}: {p} passed, {f} failed")
        passed += p
        failed += f
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
