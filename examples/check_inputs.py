#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# The README's table "From a log line to the code", cell by cell: every cell of the table names a
# case here ([class/column]), and each case runs the tool on that class of input and asserts what
# the cell says. Also checks that the table and the cases name the same cells.
# Usage: check_inputs.py TOOL README.md
import csv
import io
import json
import re
import sys

from tool_checks import check, failures, run

README = sys.argv[2]

MM_FOR_QM = "ERROR_IPSEC_IKE_INVALID_MM_FOR_QM"
NAME = re.compile(rb" \[(?:ERROR|WARNING|WSA)_[A-Z0-9_]+\]")


def brief_codes(out):
    return [int(line.split(" ")[1]) for line in out.decode().splitlines()]


def first_ranked(query):
    rc, out, _ = run(["--json", "-s", "--", *query])
    entries = json.loads(out)["entries"]
    return rc, (entries[0]["code"], entries[0]["rank"]) if entries else None


def annotated(data):
    rc, out, err = run(["--annotate"], stdin=data)
    check(rc == 0 and err == b"" and NAME.sub(b"", out) == data, f"annotate round trip: {data!r}")
    return out


# Tokens as a double-click or a copy takes them from a log, ticket or source file.
TOKENS = {"hr=0x80073646;": 13894, '"0x80073646"': 13894, "(13894)": 13894,
          "ErrorCode:13806": 13806, "13894.": 13894, "IKE-13801.log": 13801, "0x3646L": 13894,
          "13894u": 13894, "13806UL": 13806, "13885,": 13885, "\u201c13801\u201d": 13801}
LINE = "2026-11-27 13:05:11 IKEEXT quick mode failed, error 13885 (peer 203.0.113.7)"
MESSAGES = {"\tFailure Reason:\t\tNo policy configured": 13825,
            '<Data Name="FailureReason">Negotiation timed out</Data>': 13805,
            '"ike authentication credentials are unacceptable"': 13801}
COLUMN = b"13801\n0x80073646\n\n13885\n"
DUMP = (b"0x0012ff60  0x000035e9 0x00000000 0x80073646 0x00000001\n"
        b"00000000: e935 0000 4636 0000 0a00 0000 3646 0000  .5..F6......6F..\n")
NDJSON = b'{"EventID":4653,"ErrorCode":13801,"Message":"IKE error 0x35E9"}\n'
# Numbers that the line says are process ids, ports, SA ids or sizes; one real code among them.
IDS = ("Dec  2 10:14:07 gw charon[13894]: 09[NET] sending packet: from 192.0.2.10[500] to "
       "198.51.100.7[13868] (13885 bytes)")
IDS_FIELDS = ["pid=13894", "\tSource Port:\t\t13801", '<Data Name="ProcessID">13806</Data>',
              "peer 192.0.2.10:13868", "udp/13885", "(13894 bytes)"]


def tokens_lookup():
    for token, code in TOKENS.items():
        rc, out, _ = run(["-b", "--", token])
        check(rc == 0 and brief_codes(out) == [code], f"lookup {token!r}: {code} ({out!r})")
    rc, out, _ = run(["hr=0x80073646;"])
    check(out.startswith(f"'hr=0x80073646;': found 0x80073646 read as HRESULT:\nname:      {MM_FOR_QM}"
                         .encode()), f"says what was found where: {out[:80]!r}")


def tokens_search():
    for token in ("(13894)", "13894.", '"0x80073646"'):
        check(first_ranked([token]) == (0, (13894, "code")), f"-s {token}: 13894 first, rank code")


def tokens_stdin():
    lines = "".join(t + "\n" for t in TOKENS).encode()
    rc, out, _ = run(["-b"], stdin=lines)
    check(rc == 0 and brief_codes(out) == list(TOKENS.values()), f"standard input tokens: {out!r}")


def tokens_annotate():
    out = annotated(b"x hr=0x80073646; 0x3646L IKE-13801.log\n")
    check(out == f"x hr=0x80073646 [{MM_FOR_QM}]; 0x3646L [{MM_FOR_QM}] IKE-13801 "
          "[ERROR_IPSEC_IKE_AUTH_FAIL].log\n".encode(), f"annotate tokens: {out!r}")


def lines_lookup():
    for text, codes in ((LINE, [13885]), ("13868 = Policy match error", [13868]),
                        ("error 13885", [13885])):
        rc, out, _ = run(["-b", "--", text])
        check(rc == 0 and brief_codes(out) == codes, f"lookup {text!r}: {out!r}")


def lines_search():
    check(first_ranked(["error", "13885"]) == (0, (13885, "code")), "-s error 13885")
    check(first_ranked([LINE]) == (0, (13885, "code")), "-s a whole line leads with its code")


def lines_stdin():
    rc, out, _ = run(["-b"], stdin=(LINE + "\nVPN is slow again\n").encode())
    check(rc == 1 and brief_codes(out) == [13885], f"a line with a code, a line without: {rc}")


def lines_annotate():
    out = annotated((LINE + "\n").encode())
    check(out == (LINE.replace("13885", "13885 [ERROR_IPSEC_IKE_MM_EXPIRED]") + "\n").encode(),
          f"annotate a line: {out!r}")


def messages_lookup():
    for text, code in MESSAGES.items():
        rc, out, _ = run(["-b", "--", text])
        check(rc == 0 and brief_codes(out) == [code], f"lookup {text!r}: {out!r}")
    rc, out, _ = run(["--", "the load failed because no policy configured matched"])
    check(rc == 1 and out == b"", "a short message inside a sentence is no field")


def messages_search():
    check(first_ranked(['"ike authentication credentials are unacceptable"']) ==
          (0, (13801, "exact")), "-s a quoted message: exact")
    check(first_ranked(["Failure", "Reason:", "No", "policy", "configured"]) ==
          (0, (13825, "message")), "-s a message with a log prefix")


def messages_stdin():
    rc, out, _ = run(["-b"], stdin="".join(t + "\n" for t in MESSAGES).encode())
    check(rc == 0 and brief_codes(out) == list(MESSAGES.values()), f"messages on stdin: {out!r}")


def messages_annotate():
    # ` [NAME]` after the text: a short text as a whole field (after a `Label:`, an XML element's
    # text), a distinctive one anywhere; a short one inside a sentence is not marked.
    no_policy = b" [ERROR_IPSEC_IKE_NO_POLICY]"
    for data, want in [
            (b"\tFailure Reason:\t\tNo policy configured\n",
             b"\tFailure Reason:\t\tNo policy configured" + no_policy + b"\n"),
            (b'<Data Name="FailureReason">No policy configured</Data>\n',
             b'<Data Name="FailureReason">No policy configured' + no_policy + b"</Data>\n"),
            (b"Failure Reason: IKE authentication credentials are unacceptable\n",
             b"Failure Reason: IKE authentication credentials are unacceptable"
             b" [ERROR_IPSEC_IKE_AUTH_FAIL]\n"),
            (b"the server said no policy configured for it\n",
             b"the server said no policy configured for it\n")]:
        out = annotated(data)
        check(out == want, f"message text annotated: {out!r}")


def column_lookup():
    codes = [c for c in COLUMN.decode().split()]
    rc, out, _ = run(["-b", "--", *codes])  # what xargs ipsecerr -b does
    check(rc == 0 and brief_codes(out) == [13801, 13894, 13885], f"xargs: {out!r}")


def column_search():
    rc, out, _ = run(["--json", "-s", "13801", "13885"])
    got = [(e["code"], e["rank"]) for e in json.loads(out)["entries"]]
    check(rc == 0 and got == [(13801, "code"), (13885, "code")], f"-s 13801 13885: {got}")


def column_stdin():
    rc, out, err = run(["-b"], stdin=COLUMN)
    check(rc == 0 and err == b"" and brief_codes(out) == [13801, 13894, 13885], f"column: {out!r}")
    check(run(["-q"], stdin=COLUMN + b"nosuch\n") == (1, b"", b""), "-q: a line not found: 1")


def column_annotate():
    out = annotated(COLUMN)
    check(out.decode().splitlines() == ["13801 [ERROR_IPSEC_IKE_AUTH_FAIL]", f"0x80073646 [{MM_FOR_QM}]",
                                        "", "13885 [ERROR_IPSEC_IKE_MM_EXPIRED]"], f"{out!r}")


def audit_lookup():
    rc, out, err = run(["%%13824"])
    check(rc == 1 and out == b"" and b"an event log parameter id" in err, f"%%13824: {err!r}")


def audit_search():
    rc, out, err = run(["-s", "%%13824"])
    check(rc == 1 and out == b"" and err == b"ipsecerr: no code matches '%%13824'\n", f"{err!r}")


def audit_stdin():
    rc, out, _ = run(["-b"], stdin=b"%%13824\n")
    check(rc == 1 and out == b"", "%%13824 on standard input: no code")


def audit_annotate():
    data = b'<Data Name="SubcategoryId">%%13824</Data>\n\tSubcategory:\t%%13824\n'
    check(annotated(data) == data, "%% parameter ids are not annotated")


def json_lookup():
    rc, out, _ = run(["--json", "--", NDJSON.decode().strip()])
    found = json.loads(out)["query"][0]["found"]
    check(rc == 0 and [(f["code"], f["form"]) for f in found] == [(13801, "decimal"), (13801, "hex")],
          f"a JSON line: its codes found: {found}")


def json_search():
    check(first_ranked([NDJSON.decode().strip()]) == (0, (13801, "code")), "-s a JSON line")


def json_stdin():
    rc, out, _ = run(["-b"], stdin=NDJSON * 2)
    check(rc == 0 and brief_codes(out) == [13801] * 4, f"NDJSON on stdin: {out!r}")


def json_annotate():
    rc, out, _ = run(["--annotate"], stdin=NDJSON)
    doc = json.loads(out)
    check(rc == 0 and doc["ipsecerr"] == [
        {"code": 13801, "name": "ERROR_IPSEC_IKE_AUTH_FAIL", "at": "/ErrorCode"},
        {"code": 13801, "name": "ERROR_IPSEC_IKE_AUTH_FAIL", "at": "/Message"}], f"{doc}")
    added = b',"ipsecerr":' + json.dumps(doc["ipsecerr"], separators=(",", ":")).encode()
    check(out.replace(added, b"") == NDJSON, "removing the member gives the line back")


def dump_lookup():
    line = DUMP.splitlines()[1].decode()
    rc, out, _ = run(["--", line])
    check(rc == 1 and out == b"", "an xxd line: no code (bare hex is never found inside)")


def dump_search():
    rc, out, _ = run(["-s", "--", DUMP.splitlines()[1].decode()])
    check(rc == 1 and out == b"", "-s an xxd line: nothing")


def dump_stdin():
    rc, out, _ = run(["-q"], stdin=DUMP.splitlines()[1] + b"\n")
    check(rc == 1 and out == b"", "an xxd line on standard input: no code")


def dump_annotate():
    check(annotated(DUMP) == DUMP, "a debugger's dump and xxd: not annotated")


def ids_lookup():
    for text in [IDS] + IDS_FIELDS:
        rc, out, _ = run(["-b", "--", text])
        check(rc == 1 and out == b"", f"lookup {text!r}: no code ({out!r})")
    rc, out, _ = run(["-b", "--", IDS + ", error 13801"])
    check(rc == 0 and brief_codes(out) == [13801], f"the code next to them: {out!r}")
    rc, _, err = run(["--", "pid=13894"])
    check(rc == 1 and err == b"ipsecerr: 'pid=13894': no IPsec error code: 13894 is a process id, "
          b"port, index or size there, by what surrounds it; 'ipsecerr 13894' looks the number up "
          b"alone\n", f"says what the number is: {err!r}")
    rc, _, err = run(["--", IDS])
    check(rc == 1 and b": no IPsec error code: 13894 and 2 more numbers are process ids" in err,
          f"counts the numbers passed over: {err!r}")


def ids_search():
    for text in (IDS, "pid=13894", "Source Port: 13801"):
        rc, ranked = first_ranked([text])
        check(ranked is None or ranked[1] != "code", f"-s {text!r}: no code rank ({ranked})")
    check(first_ranked([IDS + ", error 13801"]) == (0, (13801, "code")), "-s: the code leads")


def ids_stdin():
    rc, out, _ = run(["-b"], stdin="".join(t + "\n" for t in [IDS] + IDS_FIELDS).encode())
    check(rc == 1 and out == b"", f"ids on standard input: no code ({out!r})")


def ids_annotate():
    data = "".join(t + "\n" for t in [IDS] + IDS_FIELDS).encode()
    check(annotated(data) == data, "process ids, ports and sizes are not annotated")
    data = (IDS + ", error 13801\n").encode()
    check(annotated(data) == data.replace(b"13801", b"13801 [ERROR_IPSEC_IKE_AUTH_FAIL]"),
          "the code next to them is")


def csv_rows(args, stdin=b""):
    rc, out, _ = run(["--format=csv", *args], stdin=stdin)
    return rc, list(csv.DictReader(io.StringIO(out.decode(), newline="")))


def csv_lookup():
    rc, rows = csv_rows(["--", "13801", "hr=0x80073646;"])
    check(rc == 0 and [(r["input"], r["form"], r["code"]) for r in rows] ==
          [("13801", "decimal", "13801"), ("hr=0x80073646;", "hresult", "13894")], f"{rows}")


def csv_search():
    rc, rows = csv_rows(["-s", "auth", "fail"])
    check(rc == 0 and (rows[0]["rank"], rows[0]["code"]) == ("phrase", "13801"), "CSV -s")


def csv_stdin():
    rc, rows = csv_rows([], stdin=COLUMN)
    check(rc == 0 and [r["code"] for r in rows] == ["13801", "13894", "13885"], f"{rows}")


def csv_annotate():
    rc, out, err = run(["--annotate", "--format=csv"])
    check(rc == 2 and out == b"" and err.startswith(b"ipsecerr: --format does not apply"), f"{err!r}")


CASES = {f"{row}/{column}": globals()[f"{row}_{column}"]
         for row in ("tokens", "lines", "messages", "column", "audit", "json", "ids", "dump",
                     "csv")
         for column in ("lookup", "search", "stdin", "annotate")}

# The table: every cell names its case as [row/column], each case once.
text = open(README, encoding="utf-8").read()
section = text.split("## From a log line to the code", 1)[1].split("\n## ", 1)[0]
table = [line for line in section.splitlines() if line.startswith("|")][2:]
cells = [re.findall(r"\[([a-z]+/[a-z]+)\]", cell) for line in table
         for cell in line.strip("|").split("|")[1:]]
check(len(table) == 9 and all(len(c) == 1 for c in cells), "every cell of the table names one case")
named = [c[0] for c in cells if c]
check(sorted(named) == sorted(CASES), f"the table's cells are the cases: {sorted(set(CASES) ^ set(named))}")
for name, case in CASES.items():
    case()
if failures:
    print(f"{len(failures)} check(s) failed")
    sys.exit(1)
print(f"all {len(CASES)} cells checked")
