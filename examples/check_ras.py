#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Checks the ipsecerr tool's RAS codes from outside: the `space` member of every JSON entry and
# related code, --list by space and by component, lookups of numbers and of phrases that name the
# space (RAS error 809, RasClient's event 20227 sentence) in JSON, NDJSON, CSV, -b and -q, and
# the merge of phrases with the other codes of a line.
# Usage: check_ras.py TOOL
import csv
import io
import json
import sys

from tool_checks import check, failures, run


RAS_CODES = [766, 786, 787, 788, 789, 790, 791, 792, 793, 800, 809, 810, 811, 827, 835, 843, 844,
             870]
MEMBERS = ["code", "space", "hex", "hresult", "name", "kind", "category", "component", "phase",
           "message", "hint", "ntstatus", "related"]
RASCLIENT = ("CoId={...}: The user SYSTEM dialed a connection named Contoso VPN which has failed. "
             "The error code returned on failure is ")


def run_json(args, status):
    rc, out, err = run(args)
    check(rc == status and err == b"", f"{args}: exit status {rc} (expected {status}), {err!r}")
    return json.loads(out)


def entries(*args):
    return run_json(["--json", "--list", *args], 0)["entries"]


def check_entry(e, space):
    """An entry of `space`: the documented members in order, and related codes with their space."""
    check(list(e) == MEMBERS, f"{e['code']}: entry members in the documented order: {list(e)}")
    check(e["space"] == space, f"{e['code']}: space {e['space']}, expected {space}")
    for r in e["related"]:
        check(list(r) == ["code", "space", "name", "reason"], f"{e['code']}: related members")
        known = RAS_CODES if r["space"] == "ras" else WIN32_CODES
        check(r["code"] in known, f"{e['code']}: related {r['code']} is in its space {r['space']}")


def check_lists():
    win32 = entries()
    check(len(win32) == 155 and entries("win32") == win32 and entries("WIN32") == win32,
          "--list, --list win32 and --list WIN32: the 155 Win32 rows")
    for e in win32:
        check_entry(e, "win32")
    ras = entries("ras")
    check([e["code"] for e in ras] == RAS_CODES, "--list ras: the 18 RAS rows, in code order")
    for e in ras:
        check_entry(e, "ras")
    check(entries("RAS") == ras, "--list RAS: any case")
    by_component = {c: [e["code"] for e in entries(c)] for c in ("vpn_client", "rras")}
    check(by_component == {"vpn_client": RAS_CODES[:-1], "rras": [870]},
          f"--list vpn_client / rras by component: {by_component}")
    check(all(e["component"] == ("rras" if e["code"] == 870 else "vpn_client") for e in ras),
          "RAS components: vpn_client, and rras for 870")
    # The links between the spaces, seen from both: a Win32 entry lists the RAS codes linked to
    # it after its Win32 ones (related_ras()), each RAS entry the Win32 codes.
    pairs = {(e["code"], r["code"], r["reason"]) for e in ras for r in e["related"]
             if r["space"] == "win32"}
    back = {(r["code"], e["code"], r["reason"]) for e in win32 for r in e["related"]
            if r["space"] == "ras"}
    check(len(pairs) == 21 and back == pairs, f"21 cross-space links, both ways: {pairs ^ back}")
    for e in win32:
        spaces = [r["space"] for r in e["related"]]
        check(spaces == sorted(spaces, key=lambda x: x == "ras"), f"{e['code']}: Win32 links first")
    rc, out, _ = run(["13801"])
    check(rc == 0 and out.endswith(b"  13905 ERROR_IPSEC_IKE_AUTHORIZATION_FAILURE (same family)\n"
                                   b"  RAS 787 ERROR_OAKLEY_AUTH_FAIL (IKE code and VPN client code)\n"
                                   b"  RAS 811 ERROR_VPN_BAD_PSK (same family)\n"
                                   b"  RAS 835 ERROR_INVALID_SERVER_CERT (same family)\n"),
          "13801: its RAS codes after its Win32 related codes")
    rc, out, _ = run(["13904"])  # no Win32 related code: "related:" and the RAS one, no "none"
    check(rc == 0 and out.endswith(b"\nrelated:\n  RAS 843 ERROR_MOBIKE_DISABLED (same family)\n"),
          f"13904: its RAS code alone under related: {out[-80:]!r}")
    rc, out, _ = run(["11033"])
    check(rc == 0 and out.endswith(b"\nrelated:   none\n"), "11033: no related code at all: none")

    rc, raw, err = run(["--list", "ras", "--format=csv"])
    rows = list(csv.reader(io.StringIO(raw.decode(), newline="")))
    check(rc == 0 and err == b"" and rows[0] == MEMBERS, "CSV: the JSON members as columns")
    check([r[:3] for r in rows[1:]] == [[str(e["code"]), "ras", e["hex"]] for e in ras],
          "CSV --list ras: code, space and hex of each RAS row")
    check([r[-1] for r in rows[1:]] == [" ".join(str(x["code"]) for x in e["related"])
                                        for e in ras], "CSV: related codes separated by spaces")


def check_lookups():
    q = run_json(["--json", "809", "0x80070329", "ERROR_VPN_TIMEOUT", "13801"], 0)["query"]
    readings = [(x["form"], x["code"], x["known"]) for x in q[0]["readings"]]
    check(readings == [("decimal", 809, False), ("bare_hex", 0x809, False), ("ras", 809, True)],
          f"809: decimal and hex unknown, the RAS reading known: {readings}")
    e = q[0]["readings"][2]["entry"]
    check(e["name"] == "ERROR_VPN_TIMEOUT" and e["component"] == "vpn_client", "809: the entry")
    check([(r["space"], r["code"]) for r in e["related"]] ==
          [("win32", 13805), ("win32", 13813), ("ras", 792), ("ras", 800)],
          "809: related entries with their space, Win32 first")
    check([(x["form"], x["known"]) for x in q[1]["readings"]] == [("hresult", False), ("ras", True)],
          "0x80070329: the HRESULT of 809, known as RAS only")
    check([(x["form"], x["entry"]["space"]) for x in q[2]["readings"]] == [("ras", "ras")],
          "ERROR_VPN_TIMEOUT: the RAS name")
    check(q[3]["readings"][0]["entry"]["space"] == "win32", "13801: a Win32 entry, space win32")

    rc, out, err = run(["--format=ndjson", "789"])
    line = json.loads(out)
    check(rc == 0 and out.count(b"\n") == 1 and line["readings"][-1]["entry"]["code"] == 789,
          "NDJSON 789: one line, the RAS reading last")
    rc, raw, _ = run(["--format=csv", "809", "RAS error 809"])
    rows = list(csv.DictReader(io.StringIO(raw.decode(), newline="")))
    check(rc == 0 and [(r["input"], r["form"], r["code"], r["space"]) for r in rows] ==
          [("809", "ras", "809", "ras"), ("RAS error 809", "ras", "809", "ras")],
          "CSV lookups: one row per known RAS reading, with its space")


def check_phrases():
    line_ras = RASCLIENT + "809."
    line_win32 = RASCLIENT + "13801."
    q = run_json(["--json", "RAS error 809", "RAS 809", line_ras, line_win32], 0)["query"]
    for x, text, number, form, space in ((q[0], "RAS error 809", "809", "ras", "ras"),
                                         (q[1], "RAS 809", "809", "ras", "ras"),
                                         (q[2], line_ras, "809", "ras", "ras"),
                                         (q[3], line_win32, "13801", "decimal", "win32")):
        found = x.get("found", [])
        at = text.rindex(number)
        check(x["readings"] == [] and len(found) == 1 and found[0]["offset"] == at and
              found[0]["length"] == len(number) and found[0]["form"] == form and
              found[0]["code"] == int(number) and found[0]["entry"]["space"] == space,
              f"{text!r}: {number} found once, as {form} in space {space}: {found}")

    # Phrases and the other codes of a line, in text order, each once.
    q = run_json(["--json", "hr 0x80073646, then RAS error 789 and RAS error 13801"], 0)["query"]
    found = [(x["form"], x["code"]) for x in q[0]["found"]]
    check(found == [("hresult", 13894), ("ras", 789), ("decimal", 13801)],
          f"a line with an HRESULT and two phrases: {found}")
    # A phrase whose number is no RAS code gives nothing; 13801 there stays a decimal Win32 code.
    rc, out, err = run(["RAS error 999"])
    check(rc == 1 and out == b"" and b"not a known IPsec error code" in err, "RAS error 999")
    rc, out, err = run(["RasClient 809"])
    check(rc == 1 and out == b"", "RasClient 809: 'RAS' is a whole word")

    # `error NNN` where the text says it is about a VPN connection, as --annotate reads it: a
    # ticket's "VPN error 809", the VPN dialog's text, a standard input line; not elsewhere.
    for text, code in (("VPN error 809", 809),
                       ("Error 789: The L2TP connection attempt failed because the security layer "
                        "encountered a processing error", 789),
                       ("Can't connect to the office VPN, error 835 every morning", 835)):
        q = run_json(["--json", text], 0)["query"][0]
        found = [(x["form"], x["code"], x["offset"]) for x in q.get("found", [])]
        check(found == [("ras", code, text.index(str(code)))],
              f"{text!r}: RAS {code} found where it is: {found}")
        rc, out, _ = run(["-b", "-"], ("Nov 27 10:14:07 " + text + "\n").encode())
        check(rc == 0 and out.decode().split(" ")[1] == str(code), f"standard input: {text!r}")
    for none in ("ProgramX failed with error 766", "VPN error 691", "disk error 809"):
        rc, out, err = run([none])
        check(rc == 1 and out == b"", f"{none!r}: no RAS code ({rc}, {out!r})")

    # -b and -q, and standard input.
    brief = [line.split(" ")[:3] for line in run(["-b", "809", line_ras, line_win32])[1].decode()
             .splitlines()]
    check(brief == [["ERROR_VPN_TIMEOUT", "809", "0x329"], ["ERROR_VPN_TIMEOUT", "809", "0x329"],
                    ["ERROR_IPSEC_IKE_AUTH_FAIL", "13801", "0x35E9"]], f"-b: {brief}")
    check(run(["-q", "789", line_ras]) == (0, b"", b""), "-q: found, exit 0, nothing written")
    check(run(["-q", "RAS error 999"]) == (1, b"", b""), "-q: not found, exit 1, nothing written")
    rc, out, _ = run(["-b", "-"], (line_ras + "\nRAS 789\n").encode())
    check(rc == 0 and [x.split(" ")[0] for x in out.decode().splitlines()] ==
          ["ERROR_VPN_TIMEOUT", "ERROR_OAKLEY_GENERAL_PROCESSING"], "standard input: phrases")

    # More codes than a line's result holds: the first 32 kept, in order, and the rest reported.
    rc, out, err = run(["RAS error 809 " * 20 + "0x80073646 " * 20])
    check(rc == 0 and out.count(b" read as ") == 32 and out.count(b"read as HRESULT") == 12 and
          b"more than 32 codes" in err, "40 codes: the first 32, truncated")


WIN32_CODES = [e["code"] for e in entries()]
check_lists()
check_lookups()
check_phrases()
if failures:
    print(f"{len(failures)} check(s) failed")
    sys.exit(1)
print("all checks passed")
