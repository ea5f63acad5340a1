#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Scores the ipsecerr tool on the corpus of real log lines in tests/data/corpus: (a) lookup finds
# the code in tokens as users copy them, (b) search ranks the right code first for pasted message
# texts, (c) --annotate's precision and recall over log lines and decoys. Prints the figures and
# fails when one is below its target. Standard library only.
#
# Usage: score.py [--report] [--corpus DIR] TOOL
# A cross-built tool runs through the emulator named in IPSECERR_TOOL_EMULATOR (a ;-separated list).
import argparse
import json
import os
import re
import subprocess
import sys

TARGETS = {"lookup": 0.95, "search": 0.90, "precision": 0.97, "recall": 0.97}
MODES = ("token", "line", "message", "annotate", "decoy")
COLUMNS = ["id", "class", "mode", "input", "expected", "source", "note"]
MIN_REAL_ROWS = 60
TIMEOUT = 30  # seconds per run of the tool

MARK = re.compile(r" \[((?:ERROR|WARNING|WSA)_[A-Z0-9_]+)\]")
EXPECTED_CODE = re.compile(r"^(ras:)?[0-9]+$")
URL = re.compile(r"^(constructed-from:)?https?://\S+$")
# The member --annotate adds to a JSON object line, with the comma before it, up to the final }.
ADDED_MEMBER = re.compile(r',?\s*"ipsecerr"\s*:\s*\[.*\]\s*(?=\}\s*$)')


class CorpusError(Exception):
    pass


# ---- The corpus ----

def unescape(field, where):
    out = []
    i = 0
    while i < len(field):
        c = field[i]
        if c != "\\":
            out.append(c)
            i += 1
            continue
        if i + 1 == len(field) or field[i + 1] not in "\\tnr":
            raise CorpusError(f"{where}: unknown escape {field[i:i + 2]!r} (use \\\\ \\t \\n \\r)")
        out.append({"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}[field[i + 1]])
        i += 2
    return "".join(out)


def load_corpus(directory, min_real=MIN_REAL_ROWS):
    path = os.path.join(directory, "corpus.tsv")
    with open(path, encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines or lines[0].split("\t") != COLUMNS:
        raise CorpusError(f"{path}: the header must be {' '.join(COLUMNS)} (tab-separated)")
    rows = []
    ids = set()
    for number, line in enumerate(lines[1:], start=2):
        where = f"{path}:{number}"
        fields = line.split("\t")
        if len(fields) != len(COLUMNS):
            raise CorpusError(f"{where}: {len(fields)} fields, expected {len(COLUMNS)}")
        row = dict(zip(COLUMNS, fields))
        if not row["id"] or row["id"] in ids:
            raise CorpusError(f"{where}: missing or repeated id {row['id']!r}")
        ids.add(row["id"])
        if row["mode"] not in MODES:
            raise CorpusError(f"{where}: mode {row['mode']!r} is not one of {', '.join(MODES)}")
        expected = row["expected"].split()
        if any(not EXPECTED_CODE.match(code) for code in expected):
            raise CorpusError(f"{where}: expected codes are decimal, RAS ones as ras:809")
        if row["mode"] == "decoy" and expected:
            raise CorpusError(f"{where}: a decoy expects no code")
        if row["mode"] in ("token", "message") and not expected:
            raise CorpusError(f"{where}: a {row['mode']} row needs an expected code")
        sources = row["source"].split()
        if not sources or any(not URL.match(s) for s in sources):
            raise CorpusError(f"{where}: source must be URLs, or constructed-from:URL")
        row["expected"] = frozenset(expected)
        row["constructed"] = any(s.startswith("constructed-from:") for s in sources)
        text = unescape(row["input"], where)
        if text.startswith("@files/"):
            if row["mode"] not in ("annotate", "decoy"):
                raise CorpusError(f"{where}: a file input is for annotate or decoy rows only")
            name = text[len("@"):]
            if "/" in name[len("files/"):] or ".." in name:
                raise CorpusError(f"{where}: file inputs are plain names under files/")
            with open(os.path.join(directory, name), "rb") as f:
                row["bytes"] = f.read()
            if not row["bytes"].endswith(b"\n"):
                raise CorpusError(f"{where}: {name} must end with a line feed")
            row["shown"] = text
        else:
            if "\0" in text:
                raise CorpusError(f"{where}: NUL belongs in a file input")
            row["text"] = text
            row["bytes"] = (text + "\n").encode("utf-8")
            row["shown"] = text
        rows.append(row)
    real = sum(1 for r in rows if not r["constructed"])
    if real < min_real:
        raise CorpusError(f"{path}: {real} rows from public sources, at least {min_real} needed")
    return rows


# ---- Running the tool ----

class Tool:
    def __init__(self, path):
        emulator = [a for a in os.environ.get("IPSECERR_TOOL_EMULATOR", "").split(";") if a]
        self.command = emulator + [path]
        self.names = {}  # NAME -> "13801" or "ras:809", from every entry the tool shows

    def run(self, args, stdin=b""):
        p = subprocess.run(self.command + args, input=stdin, capture_output=True, timeout=TIMEOUT)
        return p.returncode, p.stdout, p.stderr

    def json(self, args):
        """The JSON document the tool prints, or None (no valid JSON)."""
        _, out, _ = self.run(args)
        try:
            doc = json.loads(out.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            return None
        self.learn(doc)
        return doc

    def learn(self, node):
        """Remembers the name and code of every entry in a document (lookup, list or search)."""
        for entry in entries_in(node):
            self.names.setdefault(entry["name"], key_of(entry))

    def load_names(self):
        self.json(["--list", "--json"])
        self.json(["--list", "ras", "--json"])  # RAS entries, once the tool has them

    def key_of_name(self, name):
        return self.names.get(name, "name:" + name)


def entries_in(node):
    """Every object that describes a code (an entry, or a found code with its name), outside
    `related` lists."""
    if isinstance(node, dict):
        if isinstance(node.get("code"), int) and isinstance(node.get("name"), str) \
                and "reason" not in node:
            yield node
        for k, v in node.items():
            if k != "related":
                yield from entries_in(v)
    elif isinstance(node, list):
        for v in node:
            yield from entries_in(v)


def key_of(entry):
    return ("ras:" if entry.get("space") == "ras" else "") + str(entry["code"])


# ---- (a) lookup ----

def lookup_elements(tool, rows):
    """The JSON `query` element for each row (None when there is none): one run of the tool for
    all rows when its answer lines up with the arguments, else one run per row."""
    doc = tool.json(["--json", "--"] + [r["text"] for r in rows]) if rows else None
    query = doc.get("query") if isinstance(doc, dict) else None
    if isinstance(query, list) and len(query) == len(rows) and all(
            isinstance(q, dict) and q.get("input") == r["text"] for q, r in zip(query, rows)):
        return query
    elements = []
    for row in rows:
        one = tool.json(["--json", "--", row["text"]])
        query = one.get("query") if isinstance(one, dict) else None
        elements.append(query[0] if isinstance(query, list) and len(query) == 1 else None)
    return elements


def score_lookup(tool, rows):
    results = []
    for row, element in zip(rows, lookup_elements(tool, rows)):
        found = sorted({key_of(e) for e in entries_in(element)}) if element is not None else []
        results.append((row, row["expected"] <= set(found),
                        found if element is not None else ["(no JSON)"]))
    return results


# ---- (b) search ----

def score_search(tool, rows):
    results = []
    for row in rows:
        doc = tool.json(["--json", "-s", "--", row["text"]])
        entries = doc.get("entries", []) if isinstance(doc, dict) else []
        keys = [key_of(e) for e in entries if isinstance(e, dict) and "code" in e]
        first = keys[0] if keys else None
        rank = entries[0].get("rank") if entries and isinstance(entries[0], dict) else None
        got = keys[:3] + (["..."] if len(keys) > 3 else [])
        if rank is not None:
            got.append(f"(first's rank: {rank})")
        results.append((row, first in row["expected"], got, bool(row["expected"] & set(keys))))
    return results


# ---- (c) annotate ----

def annotate_runs(tool, rows):
    """Each row's input and --annotate output as lists of lines (output None when the tool
    failed): one run for all rows when the output has as many lines as the input, else one run
    per row. Every input ends with a line feed, so rows never share a line."""
    def lines(data):
        return data.decode("utf-8", "replace").split("\n")[:-1]

    inputs = [lines(row["bytes"]) for row in rows]
    status, out, _ = tool.run(["--annotate"], b"".join(row["bytes"] for row in rows))
    outputs = lines(out) if status == 0 else []
    if len(outputs) == sum(len(i) for i in inputs):
        result = []
        for text in inputs:
            result.append((text, outputs[:len(text)]))
            outputs = outputs[len(text):]
        return result
    result = []
    for row, text in zip(rows, inputs):
        status, out, _ = tool.run(["--annotate"], row["bytes"])
        result.append((text, lines(out) if status == 0 else None))
    return result


def annotations(tool, in_lines, out_lines):
    """The codes --annotate added to one row, and for its input lines that are JSON objects
    whether all stayed valid JSON and whether all are unchanged apart from an added "ipsecerr"
    member (both None when the input has no JSON line)."""
    if out_lines is None:
        return {"(the tool failed)"}, None, None
    found = set()
    valid = intact = None
    for index, line in enumerate(out_lines):
        source = in_lines[index] if index < len(in_lines) else ""
        marks = MARK.findall(line)  # ` [NAME]` marks the tool added, anywhere in the line
        for name in MARK.findall(source):
            if name in marks:
                marks.remove(name)
        found |= {tool.key_of_name(name) for name in marks}
        if not (source.lstrip().startswith("{") and is_json(source)):
            continue
        try:
            value = json.loads(line)
        except ValueError:
            value = None
        valid = (valid is not False) and value is not None
        intact = (intact is not False) and ADDED_MEMBER.sub("", line) == source
        if isinstance(value, dict) and isinstance(value.get("ipsecerr"), list):
            for item in value["ipsecerr"]:
                if isinstance(item, dict) and isinstance(item.get("code"), int):
                    found.add(key_of(item) if "space" in item or "name" not in item
                              else tool.key_of_name(item["name"]))
    return found, valid, intact


def is_json(text):
    try:
        json.loads(text)
        return True
    except ValueError:
        return False


def score_annotate(tool, rows):
    results = []
    for row, (in_lines, out_lines) in zip(rows, annotate_runs(tool, rows)):
        found, valid, intact = annotations(tool, in_lines, out_lines)
        tp = len(found & row["expected"])
        fp = len(found - row["expected"])
        fn = len(row["expected"] - found)
        results.append((row, tp, fp, fn, sorted(found), valid, intact))
    return results


# ---- Report ----

def percent(good, total):
    return 100.0 * good / total if total else 100.0


def fraction(good, total):
    return f"{good}/{total} = {percent(good, total):5.1f}%"


def verdict(value, target):
    return "ok" if value >= 100.0 * target - 1e-9 else "BELOW TARGET"


def shorten(text, width=90):
    text = text.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    return text if len(text) <= width else text[:width - 3] + "..."


def evaluate(tool, rows):
    """Runs the tool on every row; the per-row results of each figure."""
    by_mode = {m: [r for r in rows if r["mode"] == m] for m in MODES}
    return {
        "rows": rows,
        "by_mode": by_mode,
        "tokens": score_lookup(tool, by_mode["token"]),
        "lines": score_lookup(tool, by_mode["line"]),
        "message_lookup": score_lookup(tool, by_mode["message"]),
        "search": score_search(tool, by_mode["message"]),
        "annotate": score_annotate(tool, by_mode["line"] + by_mode["annotate"] +
                                   by_mode["decoy"]),
    }


def figures(results):
    """The four scored figures, in percent."""
    tokens = results["tokens"]
    search = results["search"]
    annotate = results["annotate"]
    tp = sum(r[1] for r in annotate)
    fp = sum(r[2] for r in annotate)
    fn = sum(r[3] for r in annotate)
    return {
        "lookup": percent(sum(1 for _, ok, _ in tokens if ok), len(tokens)),
        "search": percent(sum(1 for _, ok, _, _ in search if ok), len(search)),
        "precision": percent(tp, tp + fp),
        "recall": percent(tp, tp + fn),
    }


def passed(values):
    return all(values[k] >= 100 * TARGETS[k] - 1e-9 for k in TARGETS)


def print_figures(results, report):
    rows = results["rows"]
    by_mode = results["by_mode"]
    tokens = results["tokens"]
    lines = results["lines"]
    message_lookup = results["message_lookup"]
    search = results["search"]
    annotate = results["annotate"]
    values = figures(results)

    real = sum(1 for r in rows if not r["constructed"])
    print(f"corpus: {len(rows)} rows ({real} from public sources as published, "
          f"{len(rows) - real} constructed from them), "
          + ", ".join(f"{len(by_mode[m])} {m}" for m in MODES))

    ok_tokens = sum(1 for _, ok, _ in tokens if ok)
    print(f"(a) lookup finds the code, tokens as copied:   {fraction(ok_tokens, len(tokens))}"
          f"   target {TARGETS['lookup']:.0%}: {verdict(values['lookup'], TARGETS['lookup'])}")
    ok_lines = sum(1 for _, ok, _ in lines if ok)
    print(f"    lookup finds the code in whole lines:       {fraction(ok_lines, len(lines))}")
    ok_msg = sum(1 for _, ok, _ in message_lookup if ok)
    print(f"    lookup finds the code for message texts:    "
          f"{fraction(ok_msg, len(message_lookup))}")

    first = sum(1 for _, ok, _, _ in search if ok)
    anywhere = sum(1 for _, _, _, hit in search if hit)
    print(f"(b) search ranks the right code first:          {fraction(first, len(search))}"
          f"   target {TARGETS['search']:.0%}: {verdict(values['search'], TARGETS['search'])}")
    print(f"    search lists the right code at all:         {fraction(anywhere, len(search))}")

    tp = sum(r[1] for r in annotate)
    fp = sum(r[2] for r in annotate)
    fn = sum(r[3] for r in annotate)
    print(f"(c) annotate precision (right / annotated):     {fraction(tp, tp + fp)}"
          f"   target {TARGETS['precision']:.0%}: "
          f"{verdict(values['precision'], TARGETS['precision'])}")
    print(f"    annotate recall (found / expected):         {fraction(tp, tp + fn)}"
          f"   target {TARGETS['recall']:.0%}: {verdict(values['recall'], TARGETS['recall'])}")
    json_rows = [r for r in annotate if r[5] is not None]
    print(f"    JSON inputs still valid JSON:               "
          f"{fraction(sum(1 for r in json_rows if r[5]), len(json_rows))}")
    print(f"    JSON inputs unchanged but for the member:   "
          f"{fraction(sum(1 for r in json_rows if r[6]), len(json_rows))}")
    decoys = [r for r in annotate if r[0]["mode"] == "decoy"]
    print(f"    decoys left alone:                          "
          f"{fraction(sum(1 for r in decoys if r[2] == 0), len(decoys))}")

    print("per class (lookup tokens | search first | annotate TP/FP/FN):")
    for name in sorted({r["class"] for r in rows}):
        t = [ok for row, ok, _ in tokens if row["class"] == name]
        s = [ok for row, ok, _, _ in search if row["class"] == name]
        a = [(x[1], x[2], x[3]) for x in annotate if x[0]["class"] == name]
        count = sum(1 for r in rows if r["class"] == name)
        print(f"  {name:15} {count:3} rows   {sum(t):2}/{len(t):<2} | {sum(s):2}/{len(s):<2} | "
              f"{sum(x[0] for x in a)}/{sum(x[1] for x in a)}/{sum(x[2] for x in a)}")

    if report:
        print("misses:")
        for label, found in (("lookup", tokens), ("lookup line", lines),
                             ("lookup message", message_lookup)):
            for row, ok, got in found:
                if not ok:
                    print(f"  {label:14} {row['id']:8} expected {' '.join(sorted(row['expected']))}"
                          f", got {' '.join(got) or 'nothing'}: {shorten(row['shown'])}")
        for row, ok, got, _ in search:
            if not ok:
                print(f"  {'search':14} {row['id']:8} expected {' '.join(sorted(row['expected']))}"
                      f" first, got {' '.join(got) or 'nothing'}: {shorten(row['shown'])}")
        for row, _, fp_, fn_, found, valid, intact in annotate:
            if fp_ or fn_ or valid is False or intact is False:
                what = "decoy" if row["mode"] == "decoy" else "annotate"
                broken = (", JSON broken" if valid is False
                          else ", changed inside the JSON" if intact is False else "")
                print(f"  {what:14} {row['id']:8} expected "
                      f"{' '.join(sorted(row['expected'])) or 'nothing'}, got "
                      f"{' '.join(found) or 'nothing'}{broken}: {shorten(row['shown'])}")

    ok = passed(values)
    print("result:", "all targets met" if ok else "below target (see above)")
    return ok


def main():
    parser = argparse.ArgumentParser(description="Score ipsecerr on the corpus of real log lines.")
    parser.add_argument("--report", action="store_true", help="list every miss")
    parser.add_argument("--corpus", default=os.path.join(os.path.dirname(os.path.abspath(
        __file__)), "..", "data", "corpus"), help="the corpus folder (corpus.tsv, files/)")
    parser.add_argument("tool", help="the ipsecerr executable")
    args = parser.parse_args()

    try:
        rows = load_corpus(args.corpus)
    except (CorpusError, OSError) as e:
        print(f"score.py: corpus: {e}", file=sys.stderr)
        return 2
    tool = Tool(args.tool)
    try:
        tool.load_names()
        results = evaluate(tool, rows)
    except (OSError, subprocess.TimeoutExpired) as e:
        print(f"score.py: cannot run {args.tool}: {e}", file=sys.stderr)
        return 2
    return 0 if print_figures(results, args.report) else 1


if __name__ == "__main__":
    sys.exit(main())
