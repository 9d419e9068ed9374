"""Runs two programs and fails, showing the difference, unless their
standard outputs are identical. Used by the abi_layout test."""
import difflib
import subprocess
import sys


def main():
    ours, ref = sys.argv[1], sys.argv[2]
    out = [subprocess.run([p], check=True, capture_output=True, text=True).stdout
           for p in (ours, ref)]
    if out[0] == out[1]:
        print(f"{len(out[0].splitlines())} lines identical")
        return 0
    sys.stdout.writelines(difflib.unified_diff(
        out[1].splitlines(True), out[0].splitlines(True), "reference", "ours"))
    return 1


if __name__ == "__main__":
    sys.exit(main())
