# SPDX-License-Identifier: MIT
# What the tool's check scripts share: the tool's command line (argv[1], through the emulator
# named in IPSECERR_TOOL_EMULATOR for a cross build, a ;-separated list), check() and run().
import os
import subprocess
import sys

TOOL = [a for a in os.environ.get("IPSECERR_TOOL_EMULATOR", "").split(";") if a] + [sys.argv[1]]
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAILED:", what)


def run(args, stdin=b""):
    p = subprocess.run(TOOL + args, input=stdin, capture_output=True)
    return p.returncode, p.stdout, p.stderr
