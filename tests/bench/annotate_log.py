#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Writes a synthetic IKE/IPsec log of about SIZE megabytes to standard output: syslog-style lines
# (timestamps, hosts, PIDs, addresses, ports, byte counts: digits everywhere) with one IPsec code
# in some printed form per 2 KB on average. Deterministic. Usage: annotate_log.py SIZE_MB
import random
import sys

rng = random.Random(13894)
size = int(float(sys.argv[1]) * 1024 * 1024)
codes = [13801, 13806, 13814, 13817, 13819, 13855, 13861, 13868, 13885, 13894, 13895, 13910,
         13914, 13925, 1469]


def code_token():
    c = rng.choice(codes)
    form = rng.randrange(5)
    if form == 0:
        return str(c)
    if form == 1:
        return "0x%X" % c
    if form == 2:
        return "0x%08X" % (0x80070000 | c)
    if form == 3:
        return str((0x80070000 | c) - (1 << 32))
    return "%%" + str(c)


def ip():
    return "%d.%d.%d.%d" % (rng.randrange(1, 255), rng.randrange(256), rng.randrange(256),
                            rng.randrange(1, 255))


def line(with_code):
    ts = "Nov %2d %02d:%02d:%02d" % (rng.randrange(1, 31), rng.randrange(24), rng.randrange(60),
                                     rng.randrange(60))
    head = "%s vpn-gw%02d charon[%d]: %02d[%s] " % (ts, rng.randrange(1, 20),
                                                    rng.randrange(1000, 40000),
                                                    rng.randrange(1, 16),
                                                    rng.choice(["IKE", "NET", "ENC", "CFG"]))
    body = rng.choice([
        "<peer-%d|%d> received packet: from %s[500] to %s[4500] (%d bytes)" % (
            rng.randrange(100), rng.randrange(1000), ip(), ip(), rng.randrange(60, 1500)),
        "<peer-%d|%d> sending packet: from %s[4500] to %s[4500] (%d bytes)" % (
            rng.randrange(100), rng.randrange(1000), ip(), ip(), rng.randrange(60, 1500)),
        "parsed IKE_AUTH response %d [ IDr CERT AUTH SA TSi TSr N(AUTH_LFT) ]" % rng.randrange(9),
        "CHILD_SA net-%d{%d} established with SPIs c%07x_i c%07x_o and TS 10.%d.0.0/16 === %s/32"
        % (rng.randrange(50), rng.randrange(9999), rng.randrange(1 << 28), rng.randrange(1 << 28),
           rng.randrange(256), ip()),
        "selected proposal: ESP:AES_GCM_16_256/NO_EXT_SEQ, rekeying in %d seconds" %
        rng.randrange(3000, 4000),
    ])
    if with_code:
        body = "IKEEXT reported error %s for the quick mode of %s" % (code_token(), ip())
    return head + body + "\n"


out = []
written = 0
next_code = rng.randrange(0, 4096)
while written < size:
    with_code = written >= next_code
    if with_code:
        next_code = written + rng.randrange(0, 4096)  # one code per 2 KB on average
    text = line(with_code)
    out.append(text)
    written += len(text)
sys.stdout.write("".join(out))
