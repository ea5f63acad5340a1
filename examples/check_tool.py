#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Checks the ipsecerr tool from outside: its JSON (parsed by Python's json module and by
# `python3 -m json.tool`), its colour rules (also on a pseudo-terminal), and the annotate round
# trip on generated inputs. Usage: check_tool.py json|color|annotate|version TOOL PROJECT_VERSION
import json
import os
import random
import re
import subprocess
import sys
import tempfile

# A cross-built tool runs through the emulator named in IPSECERR_TOOL_EMULATOR (a ;-separated list).
TOOL = [a for a in os.environ.get("IPSECERR_TOOL_EMULATOR", "").split(";") if a] + [sys.argv[2]]
VERSION = sys.argv[3]
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAILED:", what)


def run(args, stdin=b"", env=None):
    p = subprocess.run(TOOL + args, input=stdin, capture_output=True, env=env)
    return p.returncode, p.stdout, p.stderr


def parse_json(args, status):
    rc, out, err = run(args)
    check(rc == status, f"{args}: exit status {rc}, expected {status}")
    check(err == b"", f"{args}: nothing on stderr with --json, got {err!r}")
    tool = subprocess.run([sys.executable, "-m", "json.tool"], input=out, capture_output=True)
    check(tool.returncode == 0, f"{args}: python3 -m json.tool rejects the output: {tool.stderr!r}")
    return json.loads(out)


QM_MESSAGE = "Parameters of the main mode are invalid for this quick mode."


def check_json():
    doc = parse_json(["--json", "0x80073646", "3646", "zzz"], 1)
    check(list(doc) == ["query"], "lookup: one member, query")
    q = doc["query"]
    check([x["input"] for x in q] == ["0x80073646", "3646", "zzz"], "lookup: inputs in order")
    r = q[0]["readings"]
    check(len(r) == 1 and r[0]["form"] == "hresult" and r[0]["code"] == 13894 and r[0]["known"],
          "0x80073646: one reading, HRESULT of 13894")
    e = r[0]["entry"]
    check(e["code"] == 13894 and e["hex"] == "0x3646" and e["hresult"] == "0x80073646", "entry codes")
    check(e["name"] == "ERROR_IPSEC_IKE_INVALID_MM_FOR_QM", "entry name")
    check(e["kind"] == "error" and e["category"] == "ike" and e["phase"] == "quick_mode",
          "entry kind, category, phase")
    check(e["message"] == QM_MESSAGE, "entry message, byte for byte")
    check(e["hint"].startswith("The existing main mode SA"), "entry hint")
    check(e["ntstatus"] is None, "no NTSTATUS twin: null")
    check([(x["code"], x["name"], x["reason"]) for x in e["related"]] == [
        (13885, "ERROR_IPSEC_IKE_MM_EXPIRED", "cause_effect"),
        (13886, "ERROR_IPSEC_IKE_PEER_MM_ASSUMED_INVALID", "cause_effect")], "entry related codes")
    check(list(e) == ["code", "hex", "hresult", "name", "kind", "category", "phase", "message",
                      "hint", "ntstatus", "related"], "entry members, in the documented order")
    r = q[1]["readings"]
    check([(x["form"], x["code"], x["known"]) for x in r] ==
          [("decimal", 3646, False), ("bare_hex", 13894, True)], "3646: both readings")
    check("entry" not in r[0] and r[1]["entry"]["code"] == 13894, "3646: entry only when known")
    check(q[2]["readings"] == [], "zzz: no readings")

    doc = parse_json(["13910", "--json"], 0)
    check(doc["query"][0]["readings"][0]["entry"]["ntstatus"] == "0xC0360001", "NTSTATUS twin")

    # Arguments are echoed with quotes, backslashes and control bytes escaped, valid UTF-8 kept
    # and every byte of invalid UTF-8 replaced by U+FFFD.
    weird = b'a"b\\c\x01\x1f\x7f\n\xff\xc3\xa9\xed\xa0\x80\xf0\x9f\x98\x80\xc0\xaf'
    p = subprocess.run([a.encode() for a in TOOL] + [b"--json", weird], capture_output=True)
    check(p.returncode == 1, "weird argument: not found")
    check(all(b >= 0x20 for b in p.stdout.replace(b"\n", b"")), "no raw control bytes in JSON")
    doc = json.loads(p.stdout)
    check(doc["query"][0]["input"] ==
          'a"b\\c\x01\x1f\x7f\n\ufffd\u00e9\ufffd\ufffd\ufffd\U0001F600\ufffd\ufffd',
          "weird argument echoed as documented: " + repr(doc["query"][0]["input"]))

    doc = parse_json(["--json", "--list"], 0)
    codes = [x["code"] for x in doc["entries"]]
    check(len(codes) == 155 and codes == sorted(codes) and codes[0] == 1469, "list: 155 entries")
    doc = parse_json(["-l", "ike", "--json"], 0)
    check(len(doc["entries"]) > 0 and all(x["category"] == "ike" for x in doc["entries"]),
          "list ike: only IKE entries")

    doc = parse_json(["-s", "main", "mode", "--json"], 0)
    hits = doc["entries"]
    check(len(hits) > 10, "search main mode: many hits")
    for x in hits:
        text = (x["name"] + x["message"] + x["hint"]).lower()
        check("main" in text and "mode" in text, f"search hit {x['code']} holds both words")
    rc, out, _ = run(["-s", "main", "mode"])
    check(len(out.splitlines()) == len(hits), "search: text and JSON give the same hits")
    check(parse_json(["--json", "-s", "no", "such", "words"], 1) == {"entries": []},
          "search without hits: empty entries, exit 1")


ESC = re.compile(rb"\x1b\[[0-9;]*m")


def on_pty(args, env):
    import pty
    master, slave = pty.openpty()
    p = subprocess.Popen(TOOL + args, stdout=slave, stderr=subprocess.DEVNULL, env=env)
    os.close(slave)
    out = b""
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        out += data
    os.close(master)
    p.wait()
    return out


def check_color():
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TERM")}
    _, plain, _ = run(["0x80073646", "3646"], env=env)
    _, always, _ = run(["--color=always", "0x80073646", "3646"], env=env)
    _, never, _ = run(["--color=never", "0x80073646", "3646"], env=env)
    check(ESC.search(always) is not None, "--color=always: escapes")
    check(ESC.search(plain) is None, "piped, auto: no escapes")
    check(never == plain, "--color=never: as piped")
    check(ESC.sub(b"", always) == plain, "colour adds escapes only")
    _, out, _ = run(["--color=always", "-l", "driver"], env=env)
    check(ESC.search(out) is not None, "--list in colour")
    _, out, _ = run(["--color=always", "--json", "13894"], env=env)
    check(ESC.search(out) is None, "JSON is never coloured")
    _, out, _ = run(["--color=always", "13894"], env=dict(env, NO_COLOR="1"))
    check(ESC.search(out) is not None, "--color=always wins over NO_COLOR")
    text = b"x 13894 y\r\n"
    _, out, _ = run(["--color=always", "--annotate"], stdin=text, env=env)
    check(ESC.search(out) is not None, "annotations in colour")
    check(STRIP.sub(b"", ESC.sub(b"", out)) == text, "coloured annotations still strip")
    try:
        import pty  # noqa: F401
    except ImportError:
        print("no pty module: terminal checks skipped")
        return
    check(ESC.search(on_pty(["13894"], env)) is not None, "terminal, auto: colour")
    check(ESC.search(on_pty(["13894"], dict(env, NO_COLOR="1"))) is None, "NO_COLOR: no colour")
    check(ESC.search(on_pty(["13894"], dict(env, NO_COLOR=""))) is not None,
          "an empty NO_COLOR is ignored")
    check(ESC.search(on_pty(["13894"], dict(env, TERM="dumb"))) is None, "TERM=dumb: no colour")
    check(ESC.search(on_pty(["--color=never", "13894"], env)) is None, "terminal, never")


# Annotations the tool inserts, and a guard that inputs hold none before.
STRIP = re.compile(rb" \[(?:ERROR|WARNING|WSA)_[A-Z0-9_]+\]")
ANY_ANNOTATION = re.compile(rb" \[[A-Z][A-Z0-9_]*\]")
QM = b" [ERROR_IPSEC_IKE_INVALID_MM_FOR_QM]"

# Bytes without digits, '%', '-' or '.' (so filler cannot form or glue to a code) and without '['
# (so it cannot look like an annotation).
FILLER = bytes(b for b in range(256) if not (0x30 <= b <= 0x39) and b not in b"%-.[")
CODES = [b"13894", b"0x3646", b"0x80073646", b"-2147011002", b"%%13894", b"2147956294",
         b"0xC0073646"]


def filler(rng, n):
    return bytes(rng.choice(FILLER) for _ in range(n))


def annotate_file(data, extra_args=()):
    with tempfile.NamedTemporaryFile(delete=False) as f:
        f.write(data)
        path = f.name
    try:
        rc, out, err = run(["--annotate", *extra_args, path])
    finally:
        os.unlink(path)
    return rc, out, err


def round_trip(name, data, expected_codes=None):
    check(ANY_ANNOTATION.search(data) is None, f"{name}: the input holds no annotation already")
    for how in ("file", "stdin"):
        if how == "file":
            rc, out, err = annotate_file(data)
        else:
            rc, out, err = run(["--annotate"], stdin=data)
        check(rc == 0 and err == b"", f"{name} ({how}): exit 0, quiet ({rc}, {err!r})")
        check(STRIP.sub(b"", out) == data, f"{name} ({how}): stripping the annotations gives the input")
        if expected_codes is not None:
            got = len(STRIP.findall(out))
            check(got == expected_codes, f"{name} ({how}): {got} annotations, expected {expected_codes}")
            check(out.count(QM) == expected_codes, f"{name} ({how}): every code is 13894's")
    return out


def check_annotate():
    rng = random.Random(20261127)
    # Every form, CRLF, NUL, invalid UTF-8, no final newline.
    small = (b"Nov 27 host ikeext: code 13894 (0x3646), HRESULT 0x80073646,\r\n"
             b"signed -2147011002 %%13894 \x00\xff\xfe\xc3\x28 0xC0073646\r\n"
             b"not: 113894 A13894 13894abc x13894 3646 -13894 1.13894 13894.5\n"
             b"last 13894")
    out = round_trip("small", small, 7)
    check(out.endswith(b"last 13894" + QM), "small: the code at the very end is annotated")
    check(b"2147956294" not in small, "small: sanity")

    # Codes placed across every 64 KiB boundary, at every offset that cuts them: the tool reads
    # files 128 KiB at a time, and a pipe gives it at most 64 KiB.
    parts = []
    size = 0
    count = 0
    for boundary in range(1, 40):
        code = CODES[boundary % len(CODES)]
        cut = 1 + boundary % (len(code) + 1)  # bytes of the code before the boundary
        gap = boundary * 65536 - cut - size - 1
        if gap < 1:
            continue
        piece = filler(rng, gap) + b" " + code + b" "
        parts.append(piece)
        size += len(piece)
        count += 1
    boundaries = b"".join(parts) + b"\r\n"
    check(len(boundaries) > 2 * 65536, "boundaries: several read chunks")
    round_trip("codes across 64 KiB boundaries", boundaries, count)

    # One line of several megabytes, binary bytes, codes every ~2 KB, no final newline.
    pieces = []
    count = 0
    while sum(map(len, pieces)) < 6 * 1024 * 1024:
        pieces.append(filler(rng, rng.randrange(1500, 2500)).replace(b"\n", b" "))
        pieces.append(b" " + rng.choice(CODES) + b",")
        count += 1
    long_line = b"".join(pieces)
    check(b"\n" not in long_line, "long line: one line")
    round_trip("a 6 MB line", long_line, count)

    # Any bytes at all (digits too): the round trip holds whatever is inserted.
    noise = bytes(rng.randrange(256) for _ in range(300000))
    noise += b"".join(b" " + rng.choice(CODES) + bytes([rng.randrange(256)]) for _ in range(500))
    while ANY_ANNOTATION.search(noise):
        noise = ANY_ANNOTATION.sub(b"", noise)
    round_trip("random bytes", noise)

    # Several files and - for standard input, each its own stream, in order.
    with tempfile.TemporaryDirectory() as d:
        a = os.path.join(d, "a.log")
        b = os.path.join(d, "b.log")
        with open(a, "wb") as f:
            f.write(b"a 1389")
        with open(b, "wb") as f:
            f.write(b"4 b 13894\n")
        rc, out, err = run(["--annotate", a, "-", b], stdin=b"stdin 0x3646")
        check(rc == 0 and err == b"", "several files: exit 0")
        check(out == b"a 1389stdin 0x3646" + QM + b"4 b 13894" + QM + b"\n",
              "several files: each file is annotated on its own, in order: " + repr(out))
        rc, out, err = run(["--annotate", a, os.path.join(d, "missing"), b])
        check(rc == 2 and out == b"a 13894 b 13894" + QM + b"\n", "a missing file: exit 2, the rest done")
        check(err.count(b"\n") == 1 and b"cannot open" in err, "a missing file: one line on stderr")

    rc, out, err = run(["--annotate"], stdin=b"")
    check(rc == 0 and out == b"", "empty input: empty output")


def check_version():
    rc, out, err = run(["--version"])
    check(rc == 0 and out == f"ipsecerr {VERSION}\n".encode(), f"--version: {out!r}")


{"json": check_json, "color": check_color, "annotate": check_annotate,
 "version": check_version}[sys.argv[1]]()
if failures:
    print(f"{len(failures)} check(s) failed")
    sys.exit(1)
print("all checks passed")
