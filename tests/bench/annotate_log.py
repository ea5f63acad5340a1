#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Writes a synthetic IKE/IPsec log of about SIZE megabytes to standard output. Proportions:
#  - 90% of lines syslog-style (timestamps, hosts, PIDs, addresses, ports, byte counts: digits
#    everywhere), 10% NDJSON (Winlogbeat-like Security events and journald-like records, keys and
#    nesting as those shippers write them);
#  - one IPsec code in some printed form per 2 KB on average (in either kind of line);
#  - one line with a Windows message text per 20 KB on average: a rendered event's
#    `Failure Reason:` line, RasClient's event 20227 text, or an NDJSON FailureReason value.
# Deterministic. Usage: annotate_log.py SIZE_MB
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


messages = ["IKE authentication credentials are unacceptable", "No policy configured",
            "Negotiation timed out", "Policy match error",
            "The remote computer refused the network connection"]


def stamp():
    return "2026-11-%02dT%02d:%02d:%02d.%03dZ" % (rng.randrange(1, 31), rng.randrange(24),
                                                  rng.randrange(60), rng.randrange(60),
                                                  rng.randrange(1000))


def json_line(with_code, with_message):
    if rng.randrange(2) == 0:  # Winlogbeat, a Security event
        data = '"SubjectUserSid":"S-1-5-18","LocalAddress":"%s","LocalPort":"500",' \
               '"RemoteAddress":"%s","RemotePort":"4500","KeyingModuleName":"IKEv2"' % (ip(), ip())
        if with_message:
            data += ',"FailureReason":"%s"' % rng.choice(messages[:4])
        if with_code:
            data += ',"ErrorCode":"%s"' % code_token()
        return ('{"@timestamp":"%s","event":{"code":"4654","kind":"event","provider":'
                '"Microsoft-Windows-Security-Auditing","outcome":"failure"},"winlog":{"channel":'
                '"Security","event_id":"4654","record_id":%d,"process":{"pid":%d,"thread":'
                '{"id":%d}},"event_data":{%s}},"host":{"name":"vpn-gw%02d"}}\n' % (
                    stamp(), rng.randrange(10 ** 6), rng.randrange(4, 9000),
                    rng.randrange(4, 9000), data, rng.randrange(1, 20)))
    msg = "%s: received packet from %s[4500] (%d bytes)" % (
        rng.choice(["IKE", "NET", "ENC"]), ip(), rng.randrange(60, 1500))
    if with_message:
        msg = "IKEEXT: %s" % messages[0]
    if with_code:
        msg = "IKEEXT reported error %s" % code_token()
    return ('{"__REALTIME_TIMESTAMP":"%d","_HOSTNAME":"vpn-gw%02d","SYSLOG_IDENTIFIER":"charon",'
            '"_PID":"%d","PRIORITY":"6","MESSAGE":"%s"}\n' % (
                rng.randrange(10 ** 15, 10 ** 16), rng.randrange(1, 20), rng.randrange(1000, 40000),
                msg))


def message_line():
    kind = rng.randrange(2)
    if kind == 0:
        return "Failure Reason:\t\t%s\n" % rng.choice(messages[:4])
    return ("RasClient 20227: CoId={%08X}: The user CONTOSO\\u%d dialed a connection named "
            "Contoso VPN which has failed. The error code returned on failure is %s.\n" % (
                rng.randrange(1 << 32), rng.randrange(1000), rng.choice(["809", "789", "13801"])))


out = []
written = 0
next_code = rng.randrange(0, 4096)
next_message = rng.randrange(0, 40960)
while written < size:
    with_code = written >= next_code
    if with_code:
        next_code = written + rng.randrange(0, 4096)  # one code per 2 KB on average
    with_message = written >= next_message
    if with_message:
        next_message = written + rng.randrange(0, 40960)  # one message line per 20 KB
    if rng.randrange(10) == 0:  # one line in 10 is NDJSON
        text = json_line(with_code, with_message)
    elif with_message:
        text = message_line()
        if with_code:
            text += line(True)
    else:
        text = line(with_code)
    out.append(text)
    written += len(text)
sys.stdout.write("".join(out))
