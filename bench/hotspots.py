#!/usr/bin/env python3
"""Hot spots of a JFR recording: the frames where the CPU samples were taken, in a table.

    bench/hotspots.py RECORDING.jfr [OUT.txt]

Reads the jdk.ExecutionSample events with `jfr print` (stack depth 64) and counts per frame
(method, without line number) how many samples it was the top frame of ("self") and in how many
samples' stacks it appears at all ("in stack", each frame counted once per sample). Prints the top
25 of each; bench/run --profile NAME writes them to bench/target/NAME-hotspots.txt.
"""
import collections
import re
import subprocess
import sys

TOP = 25
STACK_DEPTH = 64
FRAME = re.compile(r"^\s{4}(\S.*?)(?:\s+line: \d+)?(?:\s+bci: \d+)?\s*$")


def samples(recording):
    """The stacks of the recording's execution samples, top frame first (a generator)."""
    command = ["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", str(STACK_DEPTH), str(recording)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True, errors="replace") as jfr:
        stack = None
        for line in jfr.stdout:
            if line.startswith("  stackTrace = ["):
                stack = []
            elif stack is not None and line.startswith("  ]"):
                yield stack
                stack = None
            elif stack is not None:
                match = FRAME.match(line)
                if match and match.group(1) != "...":
                    stack.append(match.group(1))
    if jfr.returncode:
        raise RuntimeError(f"jfr print failed for {recording} (exit {jfr.returncode})")


def table(title, counter, total):
    """One ranked table of frame counts with their share of all samples."""
    lines = [title, f"{'samples':>8} {'share':>7}  frame"]
    for frame, count in counter.most_common(TOP):
        lines.append(f"{count:>8} {100 * count / total:>6.1f}%  {frame}")
    return lines


def report(recording):
    """The hot-spot report of one recording, as text."""
    self_counts, stack_counts = collections.Counter(), collections.Counter()
    total = 0
    for stack in samples(recording):
        if not stack:
            continue
        total += 1
        self_counts[stack[0]] += 1
        stack_counts.update(set(stack))
    if total == 0:
        return f"{recording}: no execution samples\n"
    lines = [f"{recording}: {total} execution samples (stack depth {STACK_DEPTH})", ""]
    lines += table(f"Top {TOP} frames by self samples", self_counts, total) + [""]
    lines += table(f"Top {TOP} frames by appearance in stack", stack_counts, total)
    return "\n".join(lines) + "\n"


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    text = report(sys.argv[1])
    if len(sys.argv) == 3:
        with open(sys.argv[2], "w") as out:
            out.write(text)
    print(text, end="")


if __name__ == "__main__":
    main()
