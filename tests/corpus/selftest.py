#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Checks score.py itself: a stand-in tool that prints the specified output shapes of issues 9 and
# 10 (codes found inside arguments, RAS entries with "space": "ras", ranked search, the "ipsecerr"
# member on JSON lines, ` [NAME]` marks) is scored on a small corpus whose figures are known, and
# the real corpus must load. Usage: selftest.py (standard library only).
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import score  # noqa: E402

FAKE_TOOL = r'''
import json, os, sys
BATCH = os.environ.get("FAKE_NO_BATCH") is None
ENTRIES = {"13801": {"code": 13801, "name": "ERROR_IPSEC_IKE_AUTH_FAIL", "space": "win32",
                     "message": "IKE authentication credentials are unacceptable",
                     "related": [{"code": 13806, "name": "ERROR_IPSEC_IKE_NO_CERT",
                                  "reason": "same_family"}]},
           "13824": {"code": 13824, "name": "ERROR_IPSEC_IKE_INVALID_HEADER", "space": "win32",
                     "message": "Invalid header", "related": []}}
RAS = {"809": {"code": 809, "name": "ERROR_VPN_TIMEOUT", "space": "ras", "message": "...",
               "related": []}}
args = sys.argv[1:]
out = sys.stdout
if args[:2] == ["--list", "--json"]:
    json.dump({"entries": list(ENTRIES.values())}, out)
elif args[:3] == ["--list", "ras", "--json"]:
    json.dump({"entries": list(RAS.values())}, out)
elif args[:3] == ["--json", "-s", "--"]:
    text = args[3]
    entries = []
    if "credentials" in text:
        entries = [dict(ENTRIES["13801"], rank="exact"), dict(ENTRIES["13824"], rank="partial")]
    json.dump({"entries": entries}, out)
elif args[:2] == ["--json", "--"] and (BATCH or len(args) == 3):
    query = []
    for text in args[2:]:
        readings = []
        for number, entry in list(ENTRIES.items()) + list(RAS.items()):
            if number in text:
                readings.append({"form": "found_in", "code": entry["code"], "known": True,
                                 "entry": entry})
        query.append({"input": text, "readings": readings})
    json.dump({"query": query}, out)
elif args == ["--annotate"]:
    lines = sys.stdin.read().split("\n")[:-1]
    if not BATCH and len(lines) > 1:
        sys.exit(3)
    for line in lines:
        if line.startswith("{"):
            found = []
            if "13801" in line:
                found.append({"code": 13801, "name": "ERROR_IPSEC_IKE_AUTH_FAIL", "at": "/a"})
            if "RasClient" in line and "809" in line:
                found.append({"code": 809, "name": "ERROR_VPN_TIMEOUT", "space": "ras",
                              "at": "/c"})
            if found:
                line = line[:-1] + ',"ipsecerr":' + json.dumps(found) + "}"
        else:
            line = line.replace("13801", "13801 [ERROR_IPSEC_IKE_AUTH_FAIL]")
            line = line.replace("%%13824", "%%13824 [ERROR_IPSEC_IKE_INVALID_HEADER]")
        out.write(line + "\n")
else:
    sys.exit(2)
'''

CORPUS = [
    # id, class, mode, input, expected, source, note
    ("t1", "ticket", "token", "13801\u201d.", "13801", "https://example.org/1", ""),
    ("t2", "ticket", "token", "(809)", "ras:809", "https://example.org/2", ""),
    ("t3", "ticket", "token", "zzz", "13806", "https://example.org/3", "a miss"),
    ("m1", "message-text", "message", "IKE authentication credentials are unacceptable.", "13801",
     "https://example.org/4", ""),
    ("m2", "message-text", "message", "Policy match error", "13868", "https://example.org/5",
     "a miss"),
    ("l1", "ikeext-trace", "line", "x 13801 y", "13801", "https://example.org/6", ""),
    ("a1", "ndjson", "annotate", '{"a":"13801"}', "13801", "constructed-from:https://example.org/7",
     ""),
    ("a2", "ndjson", "annotate", '{"e":"RasClient","c":"809"}', "ras:809",
     "constructed-from:https://example.org/8", ""),
    ("d1", "security-event", "decoy", "\\t<Data>%%13824</Data>", "", "https://example.org/9",
     "a false positive"),
    ("d2", "security-event", "decoy", "<EventRecordID>8277</EventRecordID>", "",
     "https://example.org/10", ""),
    ("d3", "ikeext-trace", "decoy", "an input that holds [ERROR_IPSEC_IKE_INVALID_HEADER] already",
     "", "https://example.org/11", "marks already in the input are not the tool's"),
]

failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAILED:", what)


def main():
    with tempfile.TemporaryDirectory() as work:
        tool_path = os.path.join(work, "fake_ipsecerr")
        with open(tool_path, "w", encoding="utf-8") as f:
            f.write("#!" + sys.executable + "\n" + FAKE_TOOL)
        os.chmod(tool_path, 0o755)
        with open(os.path.join(work, "corpus.tsv"), "w", encoding="utf-8") as f:
            f.write("\t".join(score.COLUMNS) + "\n")
            for row in CORPUS:
                f.write("\t".join(row) + "\n")

        try:
            score.load_corpus(work)
            check(False, "a corpus with fewer than 60 real rows is refused")
        except score.CorpusError:
            pass
        rows = score.load_corpus(work, min_real=0)
        check(rows[8]["text"] == "\t<Data>%%13824</Data>", "\\t in input is a tab")
        check(sum(1 for r in rows if r["constructed"]) == 2, "constructed rows are counted")

        saved = os.environ.pop("IPSECERR_TOOL_EMULATOR", None)
        tool = score.Tool(tool_path)
        if saved is not None:
            os.environ["IPSECERR_TOOL_EMULATOR"] = saved
        tool.load_names()
        check(tool.names.get("ERROR_VPN_TIMEOUT") == "ras:809", "RAS names map to ras: keys")
        results = score.evaluate(tool, rows)
        values = score.figures(results)
        check([ok for _, ok, _ in results["tokens"]] == [True, True, False],
              "lookup: found inside an argument, RAS space, a miss")
        check(round(values["lookup"], 1) == 66.7, f"lookup figure {values['lookup']}")
        check([ok for _, ok, _, _ in results["search"]] == [True, False], "search: first or not")
        check(round(values["search"], 1) == 50.0, f"search figure {values['search']}")
        by_id = {r[0]["id"]: r for r in results["annotate"]}
        check(by_id["l1"][1:4] == (1, 0, 0), "annotate: a mark counts once")
        check(by_id["a1"][1:4] == (1, 0, 0) and by_id["a1"][5] and by_id["a1"][6],
              "annotate: the ipsecerr member, JSON valid and unchanged inside")
        check(by_id["a2"][1:4] == (1, 0, 0), "annotate: a RAS code in the member")
        check(by_id["d1"][1:4] == (0, 1, 0), "annotate: a decoy's annotation is a false positive")
        check(by_id["d2"][1:4] == (0, 0, 0), "annotate: a decoy left alone")
        check(by_id["d3"][1:4] == (0, 0, 0), "annotate: a mark already in the input")
        check(values["precision"] == 75.0 and values["recall"] == 100.0,
              f"precision and recall {values['precision']} {values['recall']}")
        check(not score.passed(values), "below target fails")

        # Each run of the tool on one row gives the same figures as one run for all rows.
        os.environ["FAKE_NO_BATCH"] = "1"
        try:
            check(score.figures(score.evaluate(tool, rows)) == values,
                  "the same figures with one run per row")
        finally:
            del os.environ["FAKE_NO_BATCH"]
        check(score.passed({"lookup": 95.0, "search": 90.0, "precision": 97.0, "recall": 97.0}),
              "exactly on target passes")

    corpus = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "corpus")
    rows = score.load_corpus(corpus)
    check(len(rows) >= 60, "the real corpus loads")
    print("selftest:", "ok" if not failures else f"{len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
