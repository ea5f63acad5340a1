#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Checks the ipsecerr tool from outside: its JSON (parsed by Python's json module and by
# `python3 -m json.tool`), its colour rules (also on a pseudo-terminal), and the annotate round
# trip on generated inputs, and the man page.
# Also standard input (-b, -q) and the CSV, TSV and NDJSON tables.
# Message texts given to lookup (messages), ranked search (search),
# --annotate-forms (forms).
# UTF-16 and byte order marks (encodings).
# Usage: check_tool.py json|color|annotate|version|stdin|table|messages|search|forms|encodings|man
#        TOOL PROJECT_VERSION [MAN_PAGE]
import csv
import io
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time

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
    check(e["kind"] == "error" and e["component"] == "ike" and e["phase"] == "quick_mode",
          "entry kind, component, phase")
    check(e["category"] == e["component"], "category: the old name of component, for one version")
    check(e["message"] == QM_MESSAGE, "entry message, byte for byte")
    check(e["hint"].startswith("The existing main mode SA"), "entry hint")
    check(e["ntstatus"] is None, "no NTSTATUS twin: null")
    check([(x["code"], x["name"], x["reason"]) for x in e["related"]] == [
        (13885, "ERROR_IPSEC_IKE_MM_EXPIRED", "cause_effect"),
        (13886, "ERROR_IPSEC_IKE_PEER_MM_ASSUMED_INVALID", "cause_effect")], "entry related codes")
    check(list(e) == ["code", "space", "hex", "hresult", "name", "kind", "category", "component", "phase",
                      "message", "hint", "ntstatus", "related"], "entry members, in the documented order")
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

    # nlohmann_json's serializer: DEL and U+FFFD are written as they are (not as \u escapes), and
    # a sequence cut short (a lead byte and some continuation bytes) becomes one U+FFFD.
    p = subprocess.run([a.encode() for a in TOOL] + [b"--json", b"\x7f \xe2\x82A \xf0\x9f\x98"],
                       capture_output=True)
    check(b'"input": "\x7f \xef\xbf\xbdA \xef\xbf\xbd"' in p.stdout,
          "DEL kept, a cut-short sequence is one U+FFFD: " + repr(p.stdout[:80]))

    doc = parse_json(["--json", "--list"], 0)
    codes = [x["code"] for x in doc["entries"]]
    check(len(codes) == 155 and codes == sorted(codes) and codes[0] == 1469, "list: 155 entries")
    doc = parse_json(["-l", "ike", "--json"], 0)
    check(len(doc["entries"]) > 0 and all(x["component"] == "ike" for x in doc["entries"]),
          "list ike: only IKE entries")

    doc = parse_json(["-s", "main", "mode", "--json"], 0)
    hits = doc["entries"]
    check(len(hits) > 10, "search main mode: many hits")
    for x in hits:
        text = (x["name"] + x["message"] + x["hint"]).lower()
        check("main" in text and "mode" in text, f"search hit {x['code']} holds both words")
    rc, out, _ = run(["-s", "main", "mode"])
    check(len(out.splitlines()) == len(hits), "search: text and JSON give the same hits")
    check(parse_json(["--json", "-s", "zzyzx", "quux"], 1) == {"entries": []},
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
CODES = [b"13894", b"0x3646", b"0x80073646", b"-2147011002", b"2147956294",
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
    out = round_trip("small", small, 6)  # %%13894 is an event log parameter id, not annotated
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


# A Security event 4653 as Windows PowerShell 5.1 saves `Get-WinEvent ... | Format-List` with `>`
# (UTF-16LE, a byte order mark, CRLF), and a RasClient 20227 line with a user name and a
# connection name beyond ASCII (one outside the BMP: a surrogate pair in UTF-16).
POWERSHELL_TEXT = (
    "\ufeff\r\n"
    "TimeCreated  : 11/27/2026 1:05:12 PM\r\n"
    "ProviderName : Microsoft-Windows-Security-Auditing\r\n"
    "Id           : 4653\r\n"
    "Message      : An IPsec main mode negotiation failed.\r\n"
    "               Failure Information:\r\n"
    "               \tFailure Point:\t\tLocal computer\r\n"
    "               \tFailure Reason:\t\tIKE authentication credentials are unacceptable\r\n"
    "               \tState:\t\t\tSent first (SA) payload\r\n"
    "               \tError Code:\t\t0x80073646\r\n"
    "\r\n"
    "Message      : CoId={8E4F31A0-5C8B-4D5E-9C1F-2B7A6D3E9F10}: The user CONTOSO\\j\u00fcrgen.m\u00fcller "
    "dialed a connection named Caf\u00e9 VPN \U0001F512 which has failed. The error code returned "
    "on failure is 809.\r\n")


# The member --annotate adds to a JSON line (its elements hold no braces here).
JSON_MEMBER = re.compile(rb',"ipsecerr":\[(?:\{[^{}]*\},?)*\]')


def utf16_of(text, order):
    return text.encode("utf-16-" + order, "surrogatepass")


def utf8_of(text):
    return text.encode("utf-8", "surrogatepass")


def annotate_pieces(data, rng):
    """--annotate on standard input written in pieces of 1 to 3 bytes with pauses, so that the
    tool's reads end inside UTF-16 code units, surrogate pairs and the byte order mark."""
    p = subprocess.Popen(TOOL + ["--annotate"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    at = 0
    while at < len(data):
        n = rng.randrange(1, 4)
        os.write(p.stdin.fileno(), data[at:at + n])
        at += n
        time.sleep(0.002)
    p.stdin.close()
    out, err = p.stdout.read(), p.stderr.read()
    return p.wait(), out, err


def check_encodings():
    rng = random.Random(20261202)
    # The PowerShell file: annotated as its UTF-8 text is, written back in UTF-16, both byte orders.
    rc8, out8, _ = annotate_file(utf8_of(POWERSHELL_TEXT))
    text8 = out8.decode("utf-8")
    for name in ("unacceptable [ERROR_IPSEC_IKE_AUTH_FAIL]",
                 "0x80073646 [ERROR_IPSEC_IKE_INVALID_MM_FOR_QM]", "809 [ERROR_VPN_TIMEOUT]"):
        check(name in text8, f"PowerShell text: {name!r} in the annotated UTF-8 text")
    for order in ("le", "be"):
        rc, out, err = annotate_file(utf16_of(POWERSHELL_TEXT, order))
        check(rc == 0 and err == b"", f"UTF-16{order.upper()} file: exit 0, quiet ({rc}, {err!r})")
        check(out == utf16_of(text8, order),
              f"UTF-16{order.upper()} file: the annotated UTF-8 text in UTF-16: {out[:200]!r}")

    # Random texts of every kind of UTF-16 unit (surrogate pairs, unpaired surrogates, NUL, CR,
    # LF, non-ASCII) with codes, a message and a JSON line: the output is the UTF-8 text's output
    # in UTF-16 (so removing the insertions gives the input byte for byte); an odd last byte is
    # kept at the end; any split of the stream gives the same.
    pieces = ["13894", " 0x80073646,", "\r\n", "\n", "\x00", "\u00e9", "\u2019", "\U0001F512",
              "\ud800", "\udfff", "\udbff\u00e9", "No policy configured", "Failure Reason:\t",
              '{"ErrorCode":13801,"m":"caf\u00e9"}', " error ", "\ufeff", "abc", " "]
    for round_ in range(60):
        text = "\ufeff" + "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 40)))
        order = rng.choice(("le", "be"))
        text = utf16_of(text, order).decode("utf-16-" + order, "surrogatepass")  # pairs joined
        data = utf16_of(text, order)
        expected8 = run(["--annotate"], stdin=utf8_of(text))[1]
        expected = utf16_of(expected8.decode("utf-8", "surrogatepass"), order)
        rc, out, err = run(["--annotate"], stdin=data)
        check(rc == 0 and out == expected, f"random UTF-16 text {round_}: {data!r} gave {out!r}")
        stripped = ANY_ANNOTATION.sub(b"", JSON_MEMBER.sub(b"", out.decode(
            "utf-16-" + order, "surrogatepass").encode("utf-8", "surrogatepass")))
        check(ANY_ANNOTATION.search(utf8_of(text)) is not None or
              stripped.decode("utf-8", "surrogatepass") == text,
              f"random UTF-16 text {round_}: removing the insertions gives the input")
        if round_ % 6 == 0:
            rc, odd, err = run(["--annotate"], stdin=data + b"A")
            check(rc == 0 and odd == expected + b"A", f"random text {round_} + an odd byte: {odd!r}")
        if round_ % 10 == 0:
            rc, split, err = annotate_pieces(data, rng)
            check(rc == 0 and split == expected, f"random text {round_} in pieces: {split!r}")

    # Lookups: standard input in UTF-16 (or UTF-8 with a byte order mark) gives what its UTF-8
    # lines give.
    lines = ("No policy configured\r\nhr=0x80073646;\r\n"
             "The user CONTOSO\\j\u00fcrgen dialed a connection named \U0001F512 which has failed. "
             "The error code returned on failure is 13801.\r\n")
    rc8, brief8, err8 = run(["-b", "-"], stdin=utf8_of(lines))
    check(rc8 == 0 and brief8.count(b"\n") == 3, f"UTF-8 lines: three codes found: {brief8!r}")
    for name, data in (("UTF-16LE", utf16_of("\ufeff" + lines, "le")),
                       ("UTF-16BE", utf16_of("\ufeff" + lines, "be")),
                       ("UTF-8 with a byte order mark", utf8_of("\ufeff" + lines))):
        rc, brief, err = run(["-b", "-"], stdin=data)
        check(rc == 0 and brief == brief8 and err == b"",
              f"{name} lines: what the UTF-8 lines give ({rc}, {brief!r}, {err!r})")
    # UTF-16 without a byte order mark is not recognised: its bytes are looked up as they are.
    rc, _, err = run(["-"], stdin=utf16_of("13801\r\n", "le"))
    check(rc == 1, f"UTF-16 without a byte order mark: no code found ({rc}, {err!r})")


def check_man():
    """The man page (help2man's, from --help) names every option that --help lists."""
    with open(sys.argv[4], encoding="utf-8") as f:
        roff = f.read()
    text = re.sub(r"\\f[BIRP]", "", roff).replace("\\-", "-")
    check(roff.startswith(".\\\" DO NOT MODIFY") or ".TH IPSECERR" in roff, "a man page (.TH)")
    check(f"ipsecerr {VERSION}" in text, "the man page carries the version")
    rc, out, _ = run(["--help"])
    names = set(re.findall(r"(?m)^ +(-[a-z]), ", out.decode()))
    names |= set(re.findall(r"(?m)^ +(?:-[a-z], |    )(--[a-z][a-z-]*)", out.decode()))
    check(rc == 0 and {"-h", "--help", "-l", "--list", "-s", "--search", "--annotate", "-b",
                       "--brief", "-q", "--quiet", "--json", "--format", "--color",
                       "--version"} <= names, f"--help lists the options: {sorted(names)}")
    for name in sorted(names) + ["--"]:
        check(re.search(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text) is not None,
              f"the man page mentions {name}")


EVENTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "testdata", "events.tsv")
EMULATED = len(TOOL) > 1


def brief_lines(tokens):
    """What -b must print for the tokens, built from the JSON of the same lookups."""
    lines = []
    for element in json.loads(run(["--json", "--", *tokens])[1])["query"]:
        for x in element["readings"]:
            if x["known"]:
                e = x["entry"]
                lines.append(f"{e['name']} {e['code']} {e['hex']} {e['message']}\n")
    return "".join(lines).encode()


def stdin_from(make):
    """Runs the tool with no code argument and standard input from make() (a file object or fd)."""
    source = make()
    try:
        p = subprocess.run(TOOL, stdin=source, capture_output=True, timeout=60)
    finally:
        source.close()
    return p.returncode, p.stdout, p.stderr


def check_stdin():
    # A column of codes, as `cut -f3` gives it: the header, a blank field, every form.
    column = subprocess.run(["cut", "-f3", EVENTS], capture_output=True, check=True).stdout
    codes = [line for line in column.decode().splitlines()[1:] if line.strip()]
    check(len(codes) == 8 and b"\n\n" in column, "events.tsv: 8 codes, one blank field")
    body = b"".join(column.splitlines(keepends=True)[1:])  # tail -n +2
    rc, out, err = run(["-b"], stdin=body)
    check(rc == 0 and err == b"", f"cut -f3 | tail | ipsecerr -b: exit 0, quiet ({rc}, {err!r})")
    check(out == brief_lines(codes), "-b: NAME CODE HEX MESSAGE per code found:\n" + out.decode())
    check(all(len(line.split(" ", 3)) == 4 for line in out.decode().splitlines()), "-b: 4 fields")
    rc, out, err = run(["-b"], stdin=column)  # with the header line
    check(rc == 1 and out == brief_lines(codes), "the header line is not a code: exit 1, the rest found")
    check(err == b"ipsecerr: 'ErrorCode': not a known IPsec error code or name\n", f"header: {err!r}")

    # Standard input gives what the same codes as arguments give, in every format.
    for args in ([], ["--json"], ["--format=ndjson"], ["--format=csv"], ["--format=tsv"], ["-b"]):
        piped = run(args, stdin=body)
        direct = run([*args, "--", *codes])
        check(piped == direct, f"{args}: standard input and arguments agree")
    rc, out, _ = run(["--format=ndjson"], stdin=body)
    doc = json.loads(run(["--json", "--", *codes])[1])
    check([json.loads(line) for line in out.splitlines()] == doc["query"],
          "NDJSON: one query element per line, as in the JSON document")

    # Blank and whitespace-only lines are skipped; CRLF and spaces around a code are fine; '-'
    # takes standard input's place among the arguments; no final newline.
    text = b"\r\n13894\r\n   \r\n\t0x80073646  \r\n\n\n3646"
    rc, out, err = run(["1469", "-", "13910"], stdin=text)
    want = run(["1469", "13894", "0x80073646", "3646", "13910"])
    check((rc, out, err) == want and rc == 0, "'-' among arguments, blank lines and CRLF")
    rc, out, err = run([], stdin=b"\n \n\t\r\n")
    check(rc == 0 and out == b"" and err == b"", "only blank lines: nothing to do, exit 0")

    # A pasted ticket line: no reading as a whole, so the codes inside it are found (find_in),
    # each said where it was found; a line without any code is not found (exit 1).
    ticket = b"VPN drops for all users since Monday, RasClient says error 13801 (0x35E9)\n"
    rc, out, err = run([], stdin=b"13806\n" + ticket)
    check(rc == 0 and err == b"", f"a ticket line: its codes found, exit 0 ({rc}, {err!r})")
    blocks = out.decode().split("\n\n")
    check(len(blocks) == 3 and blocks[0] + "\n" == run(["13806"])[1].decode(), "13806, then 2 found")
    check(blocks[1].startswith("'VPN drops for all users since Monday, RasClient says error 13801 "
                               "(0x35E9)': found 13801 read as decimal:\nname:      "
                               "ERROR_IPSEC_IKE_AUTH_FAIL\n"), "found: says what, where: " + blocks[1][:120])
    check(blocks[2].startswith("'VPN drops") and "found 0x35E9 read as hex:" in blocks[2], "and 0x35E9")
    rc, out, err = run(["-b"], stdin=b"ticket 4711: VPN is slow again\n")
    check(rc == 1 and out == b"" and err.count(b"\n") == 1, "a line without a code: exit 1")
    # Whole lines of the export: every code in them, except what only a name suffix spells
    # (qm_expired: name suffixes are found only as a whole token, they are English words).
    rc, out, err = run(["-b"], stdin=open(EVENTS, "rb").read())
    check(rc == 1 and out == brief_lines([c for c in codes if c != "qm_expired"]),
          "whole lines: the codes inside them")
    check(err.count(b"\n") == 3 and b"'TimeCreated" in err and b"qm_expired" in err,
          f"whole lines not found: the header, the line without a code, qm_expired: {err!r}")
    rc, out, _ = run(["--json", "x 13801"])
    found = json.loads(out)["query"][0]
    check(found["readings"] == [] and [(f["offset"], f["length"], f["form"], f["code"])
                                       for f in found["found"]] == [(2, 5, "decimal", 13801)],
          "JSON: found codes with offset, length, form, code")
    check(found["found"][0]["entry"]["name"] == "ERROR_IPSEC_IKE_AUTH_FAIL", "JSON: found entry")

    # -q: nothing at all on stdout or stderr, only the status.
    check(run(["-q"], stdin=body) == (0, b"", b""), "-q: every line found: exit 0, silent")
    check(run(["-q"], stdin=column) == (1, b"", b""), "-q: a line not found: exit 1, silent")
    check(run(["-q", "13894", "zzz"]) == (1, b"", b""), "-q with arguments")
    check(run(["-q", "-s", "main", "mode"]) == (0, b"", b""), "-q with --search")

    # A line over the limit is reported and skipped, the next line still found; memory stays
    # bounded however long a line is.
    long_line = b"1" * 200000 + b"\n13894\n"
    rc, out, err = run([], stdin=long_line)
    check(rc == 1 and out == run(["13894"])[1], "a 200 KB line: skipped, the next found, exit 1")
    check(err == b"ipsecerr: standard input, line 1: longer than 65536 bytes, not looked up\n",
          f"long line: {err!r}")
    limit_line = b"13894" + b" " * (65536 - 5) + b"\r\n"
    check(run(["-q"], stdin=limit_line)[0] == 0, "a line of exactly 65536 bytes (and CR) is read")

    # A regular file and a pipe are read; /dev/null, a terminal and a socket are not.
    with tempfile.TemporaryDirectory() as d:
        codes_file = os.path.join(d, "codes.txt")
        empty = os.path.join(d, "empty.txt")
        with open(codes_file, "wb") as f:
            f.write(body)
        open(empty, "wb").close()
        check(stdin_from(lambda: open(codes_file, "rb")) == run(["--", *codes]),
              "a regular file is read")
        check(stdin_from(lambda: open(empty, "rb")) == (0, b"", b""), "an empty file: exit 0")
    rc, out, err = stdin_from(lambda: open(os.devnull, "rb"))
    check(rc == 2 and out == b"" and err.startswith(b"ipsecerr: no code given"), "/dev/null: no code")
    if not EMULATED:
        import socket
        a, b = socket.socketpair()
        a.sendall(b"13894\n")
        a.close()
        rc, out, err = stdin_from(lambda: b)
        check(rc == 2 and err.startswith(b"ipsecerr: no code given"), f"a socket: no code ({rc})")
        try:
            import pty
            master, slave = pty.openpty()
            rc, out, err = stdin_from(lambda: os.fdopen(slave, "rb"))
            os.close(master)
            check(rc == 2 and err.startswith(b"ipsecerr: no code given"), "a terminal: no code")
        except ImportError:
            print("no pty module: the terminal check is skipped")
        # 10 MB of lines of codes, then a 20 MB line, through standard input: the peak RSS stays
        # small (a line is kept up to 64 KiB, input is read 128 KiB at a time).
        import resource
        chunk = b"13894\n0x80073646\n\n" * 4096
        p = subprocess.Popen(TOOL + ["-q"], stdin=subprocess.PIPE)
        for _ in range(10 * 1024 * 1024 // len(chunk)):
            p.stdin.write(chunk)
        p.stdin.write(b"x" * (20 * 1024 * 1024))  # and a 20 MB line without a newline
        p.stdin.close()
        rc = p.wait()
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        check(rc == 1 and peak < 32, f"30 MB on standard input: exit 1, peak RSS {peak:.1f} MiB")


def check_messages():
    # Message texts with no number, as users have them: a Security event's rendered line, its XML
    # element, a ticket's quote in lower case without the period, the IKEEXT wording with a prefix.
    # Each is found by find_message() and said how: (field) or (normalized), then the block.
    cases = [
        ("\tFailure Reason:\t\tNo policy configured", "ERROR_IPSEC_IKE_NO_POLICY", "field"),
        ("Failure Reason: No policy configured", "ERROR_IPSEC_IKE_NO_POLICY", "field"),
        ('<Data Name="FailureReason">Negotiation timed out</Data>', "ERROR_IPSEC_IKE_TIMED_OUT",
         "field"),
        ('"ike authentication credentials are unacceptable"', "ERROR_IPSEC_IKE_AUTH_FAIL",
         "normalized"),
        ("IKE authentication credentials are unacceptable", "ERROR_IPSEC_IKE_AUTH_FAIL", "exact"),
        ("[ikeext] 3038|52.161.24.36|    IKE authentication credentials are unacceptable",
         "ERROR_IPSEC_IKE_AUTH_FAIL", "field"),
        ("Main mode failed: IKE authentication credentials are unacceptable for peer 10.0.0.1",
         "ERROR_IPSEC_IKE_AUTH_FAIL", "contained"),
        ("No policy configured", "ERROR_IPSEC_IKE_NO_POLICY", "exact"),
    ]
    for text, name, how in cases:
        rc, out, err = run(["--", text])
        shown = text.strip().replace("\t", "\\x09")  # the tool shows a tab as \x09
        head = f"'{shown}': message of {name} ({how}):\nname:      {name}\n"
        check(rc == 0 and err == b"" and out.decode().startswith(head),
              f"message {text!r}: {rc} {err!r} {out.decode()[:160]!r}")
        rc, out, _ = run(["-b", "--", text])
        check(rc == 0 and out.decode().startswith(name + " "), f"-b message {text!r}: {out!r}")
        check(run(["-q", "--", text]) == (0, b"", b""), f"-q message {text!r}")
    # A short ordinary-English message counts only as a whole field, never inside a sentence.
    sentence = "the load failed because no policy configured on this server matched"
    rc, out, err = run(["--", sentence])
    check(rc == 1 and out == b"" and b"not a known IPsec error code" in err, f"sentence: {out!r}")
    # Words that are no message but that -s finds (a message's first sentence, a title with extra
    # words, an admin's words): not found, with a pointer to -s; not for one word or few matches.
    for text, hint in (("IKE Failed To Find Valid Machine Certificate", b"finds 1 code for these words"),
                       ("Windows 11 - Policy match error", b"finds 3 codes for some of these words")):
        rc, out, err = run(["--", text])
        check(rc == 1 and out == b"" and err == f"ipsecerr: '{text}': not a known IPsec error code "
              f"or name; ipsecerr -s {hint.decode()}\n".encode(), f"-s pointer: {err!r}")
    for text in ("--list", "ticket 4711: VPN is slow again"):
        rc, out, err = run(["--", text])
        check(err == f"ipsecerr: '{text}': not a known IPsec error code or name\n".encode(), f"{err!r}")
    # A token read as a whole once the punctuation, quotes and a label around it are taken away
    # (RAS codes are read only as a whole token, so this is what finds them in a copied token).
    for token, code in (("809.\u201d", 809), ("(809)", 809), ("789:", 789), ("error 809", 809),
                        ("Error code: 809", 809), ("789 error", 789), ("Error 792:", 792),
                        ("(3646)", 13894), ("-2147011002.", 13894)):
        rc, out, _ = run(["-b", "--", token])
        check(rc == 0 and [int(l.split(" ")[1]) for l in out.decode().splitlines()] == [code],
              f"core of {token!r}: {code} ({out!r})")
    rc, out, _ = run(["--", "(809)"])
    check(out.startswith(b"'(809)': found 809 read as RAS error:\n"), f"says where: {out[:60]!r}")
    # Not after a label: hex without 0x (error 3646), nor ever a name's end (Failed!).
    for token in ("error 3646", "Failed!", "done.", "(%%13824)", "error %%13824"):
        check(run(["-q", "--", token])[0] == 1, f"{token!r}: no code")
    # Codes that share a text: all of them, each saying which others share it.
    rc, out, _ = run(["negotiation took too long"])
    text = out.decode()
    check(rc == 0 and "message of ERROR_IPSEC_IKE_MM_DELAY_DROP (normalized), shared with "
          "ERROR_IPSEC_IKE_QM_DELAY_DROP:" in text and "message of ERROR_IPSEC_IKE_QM_DELAY_DROP "
          "(normalized), shared with ERROR_IPSEC_IKE_MM_DELAY_DROP:" in text, "shared: " + text[:300])
    # Standard input: a column of failure reasons, one lookup per line.
    rc, out, _ = run(["-b"], stdin=b"No policy configured\nnegotiation timed out.\n")
    check(rc == 0 and [l.split(" ")[1] for l in out.decode().splitlines()] == ["13825", "13805"],
          f"standard input of messages: {out!r}")
    # JSON: the query element's "found" has form "message", how it matched, and shared.
    doc = parse_json(["--json", "--", "Failure Reason: No policy configured"], 0)
    q = doc["query"][0]
    f = q["found"][0]
    check(q["readings"] == [] and (f["offset"], f["length"], f["form"], f["match"], f["shared"],
                                   f["code"]) == (16, 20, "message", "field", False, 13825)
          and f["entry"]["name"] == "ERROR_IPSEC_IKE_NO_POLICY", f"JSON message: {f}")
    doc = parse_json(["--json", "--", "Negotiation took too long."], 0)
    check([(x["code"], x["shared"]) for x in doc["query"][0]["found"]] == [(13814, True), (13815, True)],
          f"JSON shared: {doc}")
    rc, out, _ = run(["--format=csv", "--", "No policy configured"])
    rows = list(csv.DictReader(io.StringIO(out.decode())))
    check(rc == 0 and [(r["form"], r["code"]) for r in rows] == [("message", "13825")], f"CSV: {rows}")


RANKS = ["code", "exact", "message", "phrase", "all_words", "all_substrings", "keyword", "partial"]


def check_search():
    # JSON: every entry starts with its rank class; classes come best first; within a class the
    # Win32 entries in code order, then the RAS entries in code order (search.hpp).
    for query in (["auth", "fail"], ["windows", "11", "policy", "match", "error"], ["13806"],
                  ["Failure", "Reason:", "No", "policy", "configured"], ["certificate"]):
        entries = parse_json(["--json", "-s", "--", *query], 0)["entries"]
        keys = [(RANKS.index(e["rank"]), e["space"] == "ras", e["code"]) for e in entries]
        check(entries and all(list(e)[0] == "rank" for e in entries) and keys == sorted(keys),
              f"-s {query}: ranked best first, Win32 then RAS, code order within: {keys}")
    auth = parse_json(["--json", "-s", "auth", "fail"], 0)["entries"]
    check({e["space"] for e in auth} == {"win32", "ras"}, "-s auth fail: Win32 and RAS entries")
    first = lambda *q: parse_json(["--json", "-s", "--", *q], 0)["entries"][0]
    check((first("13806")["code"], first("13806")["rank"]) == (13806, "code"), "-s 13806 leads")
    check((first("0x35EE")["code"], first("0x35EE")["rank"]) == (13806, "code"), "-s 0x35EE leads")
    e = first('"Negotiation timed out."')
    check((e["code"], e["rank"]) == (13805, "exact"), f"quoted message with a period: {e['rank']}")
    e = first("Failure", "Reason:", "No", "policy", "configured")
    check((e["code"], e["rank"]) == (13825, "message"), f"a log prefix: {e['rank']}")
    e = first("windows", "11", "policy", "match", "error")
    check((e["code"], e["rank"]) == (13868, "partial"), f"extra words: partial {e['rank']}")
    # Short words are whole words only: SPI is not inside SSPI, NAT not inside signature.
    spi = parse_json(["--json", "-s", "SPI"], 0)["entries"]
    whole = re.compile(r"(?<![A-Za-z0-9])SPI(?![A-Za-z0-9])")
    check(all(whole.search(x["message"] + " " + x["name"].replace("_", " ")) for x in spi)
          and {13857, 13910} <= {x["code"] for x in spi}, "SPI: whole words")
    check(any("SSPI" in e["message"] for e in parse_json(["--list", "--json"], 0)["entries"]),
          "the table has SSPI in a message (so the SPI check means something)")
    # NAT: RAS 809's text has the whole word NAT; the Win32 texts have "nat" only inside words
    # (signature, NatOA), which never match.
    nat = parse_json(["--json", "-s", "nat"], 0)["entries"]
    table = parse_json(["--list", "--json"], 0)["entries"]
    inside = {e["code"] for e in table if re.search(r"signature|NatOA", e["message"])}
    check(inside and not inside & {e["code"] for e in nat if e["space"] == "win32"},
          f"nat: not inside signature or NatOA ({sorted(inside)})")
    whole_nat = re.compile(r"(?<![A-Za-z0-9])NAT(?![A-Za-z0-9])")
    check((nat[0]["space"], nat[0]["code"], nat[0]["rank"]) == ("ras", 809, "phrase")
          and whole_nat.search(nat[0]["message"]) is not None, f"nat: RAS 809 first: {nat[:1]}")
    check(all(whole_nat.search(e["message"] + " " + e["name"].replace("_", " "))
              for e in nat if e["rank"] != "keyword"), "nat: whole words in every text hit")
    # Text: a heading per class when there are several; partial labelled with its word count.
    rc, out, _ = run(["-s", "windows", "11", "policy", "match", "error"])
    check(rc == 0 and out.decode().startswith("partial: 3 of 5 words\n13868 "), out.decode()[:80])
    rc, out, _ = run(["-s", "auth", "fail"])
    lines = out.decode().splitlines()
    check(lines[0] == "phrase: the words as a phrase" and lines[1].startswith("13801 ")
          and "all_words: every word" in lines, "-s auth fail: headings")
    rc, out, _ = run(["-s", "queue", "too", "long"])
    check(not out.startswith(b"phrase"), "one class, not partial: no heading")
    # -b: the brief lines alone, in rank order; CSV and TSV: a first column rank.
    rc, out, _ = run(["-b", "-s", "auth", "fail"])
    check(out.decode().splitlines()[0].startswith("ERROR_IPSEC_IKE_AUTH_FAIL 13801 ")
          and b":" not in out.split(b" ")[0], "-b search: brief lines only")
    rc, out, _ = run(["--format=csv", "-s", "auth", "fail"])
    rows = list(csv.DictReader(io.StringIO(out.decode(), newline="")))
    check(list(rows[0])[0] == "rank" and [(r["rank"], r["space"], r["code"]) for r in rows][:3] ==
          [("phrase", "win32", "13801"), ("phrase", "ras", "787"), ("all_words", "win32", "1469")],
          f"CSV search: {rows[:3]}")


def check_forms():
    # --annotate-forms narrows what --annotate marks; the default is what no option gives.
    line = (b"err 13801 hr=0x800735E9 rc=-2147011095 code 0x35E9 status 0xC0360001 "
            b"ntw 0xC00735E9 bare 35E9 name ERROR_IPSEC_IKE_AUTH_FAIL %%13801\n")
    def marked(args):
        rc, out, err = run(["--annotate", *args], stdin=line)
        check(rc == 0 and err == b"", f"{args}: exit 0 ({rc}, {err!r})")
        check(re.sub(rb" \[[A-Z0-9_]+\]", b"", out) == line, f"{args}: the input byte for byte")
        return [m.group(1).decode() for m in re.finditer(rb"(\S+) \[[A-Z0-9_]+\]", out)]
    everything = ["13801", "hr=0x800735E9", "rc=-2147011095", "0x35E9", "0xC0360001", "0xC00735E9"]
    check(marked([]) == everything, f"default: every number form: {marked([])}")
    check(marked(["--annotate-forms=default"]) == everything, "default by name")
    check(marked(["--annotate-forms=all"]) == everything, "all: names, bare hex, %% still never")
    check(marked(["--annotate-forms=hresult"]) == ["hr=0x800735E9", "rc=-2147011095"],
          f"hresult: the HRESULT forms: {marked(['--annotate-forms=hresult'])}")
    check(marked(["--annotate-forms=decimal,hex"]) == ["13801", "0x35E9"], "decimal,hex")
    check(marked(["--annotate-forms", "decimal"]) == ["13801"], "the value after a space")
    check(marked(["--annotate-forms= decimal , ntstatus "]) == ["13801", "0xC0360001"],
          "spaces around items")
    check(marked(["--annotate-forms=default,-hresult,-ntstatus_win32"]) ==
          ["13801", "0x35E9", "0xC0360001"], "-NAME takes a set away")
    check(marked(["--annotate-forms=message"]) == [], "message: no number is marked")
    # Usage errors: status 2, the ipsecerr: prefix, (try --help), nothing on standard output.
    for args, what in ((["--annotate-forms=xyz"], b"unknown form 'xyz' in --annotate-forms: use all,"),
                       (["--annotate-forms=decimal,,hex"], b"empty item in --annotate-forms"),
                       (["--annotate-forms=decimal,"], b"empty item in --annotate-forms"),
                       (["--annotate-forms="], b"--annotate-forms"),
                       (["--annotate-forms=HEX"], b"unknown form 'HEX'"),
                       (["--annotate-forms=bare_hex,name"],
                        b"--annotate-forms 'bare_hex,name' marks nothing (names, bare_hex and "),
                       (["--annotate-forms=event_insert"], b"--annotate-forms 'event_insert' marks")):
        rc, out, err = run(["--annotate", *args], stdin=line)
        check(rc == 2 and out == b"" and err.startswith(b"ipsecerr: " + what)
              and err.endswith(b" (try --help)\n"), f"{args}: usage error: {rc} {err!r}")
    rc, out, err = run(["--annotate-forms=decimal", "13801"])
    check(rc == 2 and err == b"ipsecerr: --annotate-forms applies only to --annotate (try --help)\n",
          f"without --annotate: {err!r}")


def field(value):
    """A JSON value as a CSV/TSV field, by the documented rules."""
    if value is None:
        return ""
    if isinstance(value, list):
        return " ".join(str(x["code"]) for x in value)
    return str(value)


def check_table():
    for where in ([], ["ike"], ["DRIVER"]):
        entries = json.loads(run(["--list", *where, "--json"])[1])["entries"]
        names = list(entries[0])
        rc, raw, err = run(["--list", *where, "--format=csv"])
        check(rc == 0 and err == b"", f"--list {where} --format=csv: exit 0")
        check(raw.endswith(b"\r\n") and raw.count(b"\n") == raw.count(b"\r\n"), "CSV: CRLF line ends")
        rows = list(csv.DictReader(io.StringIO(raw.decode(), newline="")))
        check(csv.reader(io.StringIO(raw.decode())).__next__() == names,
              "CSV header: the JSON entry's members, in order")
        check(len(rows) == len(entries), f"CSV {where}: one row per entry ({len(rows)})")
        for row, e in zip(rows, entries):
            for name in names:
                check(row[name] == field(e[name]), f"CSV {e['code']} {name}: {row[name]!r}")
        # A Splunk-style lookup: a header row of plain field names, one row per code, a unique
        # key, the same number of fields in every row, no blank line.
        check(all(re.fullmatch(r"[a-z_]+", n) for n in names), "field names a lookup accepts")
        check(len({r["code"] for r in rows}) == len(rows), "code: a unique key")
        check(all(None not in r and len(r) == len(names) for r in rows), "every row complete")
        check(b"\r\n\r\n" not in raw, "no blank line")
        rc, raw, _ = run(["--list", *where, "--format=tsv"])
        lines = raw.decode().split("\n")
        check(lines[-1] == "" and "\r" not in raw.decode(), "TSV: LF line ends")
        check(lines[0].split("\t") == names, "TSV header")
        check([line.split("\t") for line in lines[1:-1]] ==
              [[field(e[n]) for n in names] for e in entries], f"TSV {where}: every field")
        rc, raw, _ = run(["--list", *where, "--format=ndjson"])
        check([json.loads(line) for line in raw.splitlines()] == entries, "NDJSON: one entry a line")
        check(run(["--list", *where, "--format=json"]) == run(["--list", *where, "--json"]),
              "--format=json is --json")

    # Lookups: input and form first, one row per known reading (3646 has one, zzz none).
    rc, raw, _ = run(["--format=csv", "13894", "3646", "zzz"])
    rows = list(csv.DictReader(io.StringIO(raw.decode(), newline="")))
    check(rc == 1 and [(r["input"], r["form"], r["code"]) for r in rows] ==
          [("13894", "decimal", "13894"), ("3646", "bare_hex", "13894")], "lookup CSV rows")
    # Hints hold commas: quoted (the table holds no '"', CR or LF to double or keep).
    rc, raw, _ = run(["--format=csv", "13894"])
    check(b',"The existing main mode SA cannot carry this quick mode: it may be expired or '
          b'assumed dead, or its' in raw, "a field with a comma is quoted")
    rc, raw, _ = run(["--list", "--format=csv"])
    check(run(["-s", "zzyzx", "quux", "--format=csv"]) ==
          (1, b"rank," + raw.split(b"\r\n")[0] + b"\r\n", b""),
          "a search without hits: the header alone (rank, then the entry's columns), exit 1")


def check_version():
    rc, out, err = run(["--version"])
    check(rc == 0 and out == f"ipsecerr {VERSION}\n".encode(), f"--version: {out!r}")


{"json": check_json, "color": check_color, "annotate": check_annotate,
 "version": check_version, "man": check_man, "stdin": check_stdin, "table": check_table,
 "messages": check_messages, "search": check_search,
 "forms": check_forms, "encodings": check_encodings}[sys.argv[1]]()
if failures:
    print(f"{len(failures)} check(s) failed")
    sys.exit(1)
print("all checks passed")
