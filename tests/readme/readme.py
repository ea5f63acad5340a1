#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""README.md's code blocks as tests, the way Rust runs documentation tests.

Every fenced block in the README has a marker, an HTML comment on the line just before it:

  <!-- test: NAME [status=N] -->  The first block with NAME is a program: `cpp` (a whole program,
                                   built against the library for each standard and run) or `sh`
                                   (run by bash in a scratch folder, with the built tool first on
                                   PATH). The second block with the same NAME, if any, is what the
                                   program prints on standard output, byte for byte. Its exit
                                   status must be N (0 by default), and a shell block must write
                                   nothing on standard error (redirect it where it matters).
  <!-- test-file: FILE -->         The block is the content of FILE, written into the scratch folder
                                   before any shell block runs (for `cat FILE`, `--annotate FILE`).
  <!-- test-ci: NAME -->           A command that .ci/run runs as written (the Quick start).
  <!-- untested: REASON -->        Shown but not run; never for a block that shows output
                                   (no language, text, console, json, output).

A block without a marker fails the check. The scratch folder holds links to the source tree's
top-level files and folders (not dot files or build*), so a command can use them as in a clone.

Usage:
  readme.py check README                     markers only (every block marked, pairs complete)
  readme.py run README NAME [options]        one test (--std for a C++ program)
  readme.py update README [options]          rewrites every output block from what its program
                                             prints now (for the maintainer, after a change)
Options: --cxx, --cxxflags, --fmt (flags for programs that include fmt), --std, --path DIR (put
first on PATH, repeatable), --work DIR, --source DIR, --version N (IPSECERR_VERSION).
"""
import argparse
import os
import re
import shlex
import shutil
import subprocess
import sys

FENCE = re.compile(r"^```([A-Za-z0-9_+-]*)\s*$")
MARKER = re.compile(r"^<!-- (test|test-file|test-ci|untested): *(.*?) *-->\s*$")
OUTPUT_LANGUAGES = {"", "text", "console", "json", "output"}
PROGRAM_LANGUAGES = {"cpp", "sh"}


class Block:
    def __init__(self, line, language, text, marker):
        self.line = line          # 1-based line of the opening fence
        self.language = language
        self.text = text          # the lines between the fences, each ending with "\n"
        self.marker = marker      # (kind, argument) or None
        self.start = 0            # index in the file's lines of the first text line
        self.end = 0              # index of the closing fence


def parse(path):
    with open(path, encoding="utf-8") as f:
        lines = f.readlines()
    blocks, errors = [], []
    i = 0
    while i < len(lines):
        m = MARKER.match(lines[i])
        if m and not (i + 1 < len(lines) and FENCE.match(lines[i + 1])):
            errors.append(f"{path}:{i + 1}: a marker must be on the line just before a ``` fence")
        fence = FENCE.match(lines[i])
        if not fence:
            i += 1
            continue
        marker = None
        if i > 0:
            mm = MARKER.match(lines[i - 1])
            if mm:
                marker = (mm.group(1), mm.group(2))
        j = i + 1
        while j < len(lines) and not lines[j].startswith("```"):
            j += 1
        if j == len(lines):
            errors.append(f"{path}:{i + 1}: the block is not closed")
            break
        block = Block(i + 1, fence.group(1), "".join(lines[i + 1:j]), marker)
        block.start, block.end = i + 1, j
        blocks.append(block)
        i = j + 1
    return lines, blocks, errors


def tests_of(path, version=None):
    """Checks the markers; returns (tests, files, errors), tests: name -> [program, output]."""
    lines, blocks, errors = parse(path)
    tests, files = {}, {}
    for b in blocks:
        where = f"{path}:{b.line}"
        if b.marker is None:
            errors.append(f"{where}: a ```{b.language} block without a marker (<!-- test: NAME -->,"
                          " <!-- untested: REASON --> ...): mark it so that it is tested")
            continue
        kind, arg = b.marker
        if kind == "untested":
            if b.language in OUTPUT_LANGUAGES:
                errors.append(f"{where}: a block that shows output cannot be untested")
            if not arg:
                errors.append(f"{where}: <!-- untested: --> needs a reason")
        elif kind == "test-file":
            if not re.fullmatch(r"[A-Za-z0-9_.-]+", arg) or arg in files:
                errors.append(f"{where}: bad or repeated file name '{arg}'")
            files[arg] = b
        elif kind == "test-ci":
            if b.language != "sh" or b.text.count("\n") != 1:
                errors.append(f"{where}: a test-ci block is one line of sh")
        else:
            name, *options = arg.split()
            if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", name or ""):
                errors.append(f"{where}: bad test name '{arg}'")
                continue
            pair = tests.setdefault(name, [])
            if len(pair) == 0:
                if b.language not in PROGRAM_LANGUAGES:
                    errors.append(f"{where}: the first '{name}' block must be cpp or sh")
                if any(not re.fullmatch(r"status=[0-9]+", o) for o in options):
                    errors.append(f"{where}: unknown option in '{arg}'")
            elif len(pair) == 1:
                if b.language in PROGRAM_LANGUAGES or options:
                    errors.append(f"{where}: the second '{name}' block is output: no cpp or sh,"
                                  " no options")
            else:
                errors.append(f"{where}: a third block named '{name}'")
            pair.append(b)
    if version is not None:
        heading = [l for l in lines if re.match(r"^## JSON schema", l)]
        if len(heading) != 1 or f"IPSECERR_VERSION {version})" not in heading[0]:
            errors.append(f"{path}: one '## JSON schema ... (IPSECERR_VERSION {version})' heading:"
                          " the schema is versioned with the library")
    return tests, files, errors


def status_of(program):
    for option in program.marker[1].split()[1:]:
        if option.startswith("status="):
            return int(option[len("status="):])
    return 0


def scratch(args, files):
    work = os.path.abspath(args.work)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    source = os.path.abspath(args.source)
    for entry in os.listdir(source):  # the clone, without dot files and build folders
        if not entry.startswith((".", "build")):
            os.symlink(os.path.join(source, entry), os.path.join(work, entry))
    for name, block in files.items():
        with open(os.path.join(work, name), "w", encoding="utf-8", newline="") as f:
            f.write(block.text)
    return work


def run_program(args, name, program, files):
    """Builds or runs one test; returns (stdout bytes, stderr text, status) or raises."""
    work = scratch(args, files)
    env = dict(os.environ, LC_ALL="C")
    env.pop("NO_COLOR", None)
    if args.path:
        env["PATH"] = os.pathsep.join([os.path.abspath(p) for p in args.path] + [env["PATH"]])
    if program.language == "sh":
        done = subprocess.run(["bash", "-c", program.text], cwd=work, env=env,
                              capture_output=True, timeout=300)
        return done.stdout, done.stderr.decode(errors="replace"), done.returncode
    source = os.path.join(work, name + ".cpp")
    with open(source, "w", encoding="utf-8") as f:
        f.write(program.text)
    binary = os.path.join(work, name)
    command = ([args.cxx, f"-std=c++{args.std}"] + shlex.split(args.cxxflags) +
               ["-I", os.path.join(os.path.abspath(args.source), "include"), source, "-o", binary])
    if re.search(r"#include <(ipsecerr/fmt\.hpp|fmt/)", program.text):
        command += shlex.split(args.fmt)
    built = subprocess.run(command, capture_output=True, text=True, timeout=300)
    if built.returncode != 0:
        raise RuntimeError(f"it does not compile ({' '.join(command)}):\n{built.stderr}")
    done = subprocess.run([binary], cwd=work, env=env, capture_output=True, timeout=60)
    return done.stdout, done.stderr.decode(errors="replace"), done.returncode


def show(data):
    return data.decode(errors="replace")


def cmd_run(args):
    tests, files, errors = tests_of(args.readme)
    if errors:
        sys.exit("\n".join(errors))
    if args.name not in tests:
        sys.exit(f"{args.readme}: no test named '{args.name}'")
    program, *output = tests[args.name]
    try:
        out, err, status = run_program(args, args.name, program, files)
    except (RuntimeError, subprocess.TimeoutExpired) as e:
        sys.exit(f"{args.readme}:{program.line}: '{args.name}': {e}")
    problems = []
    if status != status_of(program):
        problems.append(f"exit status {status}, the README says {status_of(program)}")
    if program.language == "sh" and err:
        problems.append(f"it wrote on standard error (redirect it in the README):\n{err}")
    if output and out != output[0].text.encode():
        problems.append(f"its output differs from the block at line {output[0].line}.\n"
                        f"--- README\n{output[0].text}--- actual\n{show(out)}---")
    if problems:
        sys.exit(f"{args.readme}:{program.line}: '{args.name}': " + "\n".join(problems))
    print(f"'{args.name}' ({program.language}): {len(out)} bytes of output as the README shows"
          if output else f"'{args.name}' ({program.language}): runs, status {status}")


def cmd_check(args):
    tests, files, errors = tests_of(args.readme, args.version)
    if errors:
        sys.exit("\n".join(errors))
    shown = sum(1 for pair in tests.values() if len(pair) == 2)
    print(f"{args.readme}: {len(tests)} tests, {shown} with their output, {len(files)} files;"
          " every block is marked")


def cmd_update(args):
    tests, files, errors = tests_of(args.readme)
    if errors:
        sys.exit("\n".join(errors))
    lines, _, _ = parse(args.readme)
    replacements = []
    for name, (program, *output) in tests.items():
        if not output:
            continue
        out, err, status = run_program(args, name, program, files)
        if status != status_of(program) or (program.language == "sh" and err):
            print(f"{name}: status {status}, stderr {err!r}: left as it is", file=sys.stderr)
            continue
        text = show(out)
        if text and not text.endswith("\n"):
            text += "\n"
        replacements.append((output[0].start, output[0].end, text.splitlines(keepends=True)))
    for start, end, new in sorted(replacements, reverse=True):
        lines[start:end] = new
    with open(args.readme, "w", encoding="utf-8") as f:
        f.writelines(lines)
    print(f"{args.readme}: {len(replacements)} output blocks written")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["check", "run", "update"])
    parser.add_argument("readme")
    parser.add_argument("name", nargs="?")
    parser.add_argument("--cxx", default=os.environ.get("CXX", "c++"))
    parser.add_argument("--cxxflags", default="-Wall -Wextra -Wpedantic -Wconversion -Wshadow -Werror")
    parser.add_argument("--fmt", default="-lfmt")
    parser.add_argument("--std", default="17")
    parser.add_argument("--path", action="append", default=[])
    parser.add_argument("--work", default="build-readme")
    parser.add_argument("--source", help="the source tree (default: the README's folder)")
    parser.add_argument("--version")
    args = parser.parse_args()
    args.source = args.source or os.path.dirname(os.path.abspath(args.readme))
    if args.command == "run":
        if not args.name:
            parser.error("run needs a test name")
        cmd_run(args)
    elif args.command == "check":
        cmd_check(args)
    else:
        cmd_update(args)


if __name__ == "__main__":
    main()
