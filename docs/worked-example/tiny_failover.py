#!/usr/bin/env python3
"""A tiny, independent implementation of a few Active/Active failover rules, written from Cisco's
"PIX/ASA: Active/Active Failover Configuration Example" (not from FailoverModel's code), to show how an
implementation is checked against FailoverModel's test vectors.

It reads test vectors (JSON lines from `failover-model oracle vectors`), replays each event on its own state
and writes, for every step, a trace line with what it observed: each unit's power and where each failover
group is active. Fields it does not model are left out, so the oracle does not compare them.

Rules implemented (seed sections in brackets):
  * both units booting together: each group becomes active on its preferred unit, group 1 on the primary and
    group 2 on the secondary ["Configure the failover groups"; simultaneous boot];
  * a unit booting alone becomes active for every group; one booting while its mate runs joins as standby
    [startup: "No Active unit found" / "Detected an Active mate"];
  * a unit that loses power: its active groups become active on the mate, if the mate runs [failure-event
    table, row 1];
  * `failover active [group n]` on a unit makes the group(s) active there, `no failover active [group n]` on
    the unit where they are active moves them to the mate [Forced Failover].

Usage: tiny_failover.py VECTORS [--wrong]
  --wrong  forget row 1: the groups of a unit that loses power stay where they were (the deliberate bug).
"""
import json
import sys

PREFERRED = {1: "primary", 2: "secondary"}
UNITS = ("primary", "secondary")


def mate(unit):
    return "secondary" if unit == "primary" else "primary"


class Pair:
    def __init__(self, wrong):
        self.wrong = wrong
        self.on = {u: False for u in UNITS}
        self.active = {g: None for g in PREFERRED}

    def apply(self, event):
        words = event.split()
        if words[0] == "power-on":
            booting = [u for u in words[1:] if not self.on[u]]
            for u in booting:
                self.on[u] = True
            if len(booting) == 2:
                for g in self.active:
                    self.active[g] = PREFERRED[g]
            elif len(booting) == 1:
                u = booting[0]
                for g in self.active:
                    if self.active[g] is None:
                        self.active[g] = u
        elif words[0] == "power-off":
            u = words[1]
            if not self.on[u]:
                return
            self.on[u] = False
            for g in self.active:
                if self.active[g] == u:
                    if self.wrong:
                        continue
                    self.active[g] = mate(u) if self.on[mate(u)] else None
        elif event.startswith(("primary: ", "secondary: ")):
            unit, command = event.split(": ", 1)
            command = command.split()
            negate = command[0] == "no"
            if negate:
                command = command[1:]
            if command[:2] != ["failover", "active"] or not self.on[unit] or not self.on[mate(unit)]:
                return
            groups = [int(command[3])] if len(command) == 4 else list(self.active)
            for g in groups:
                if negate and self.active[g] == unit:
                    self.active[g] = mate(unit)
                elif not negate and self.active[g] == mate(unit):
                    self.active[g] = unit
        else:
            raise ValueError("this implementation does not know the event " + repr(event))

    def observed(self):
        return {
            "units": {u: {"power": "on" if self.on[u] else "off"} for u in UNITS},
            "groups": {str(g): {"activeOn": self.active[g] or "none"} for g in self.active},
        }


def main():
    wrong = "--wrong" in sys.argv[2:]
    pair, case = None, None
    with open(sys.argv[1], encoding="utf-8") as vectors:
        for line in vectors:
            vector = json.loads(line)
            if vector["case"] != case:
                case, pair = vector["case"], Pair(wrong)
            pair.apply(vector["event"])
            trace = {"case": case, "step": vector["step"], "event": vector["event"]}
            trace.update(pair.observed())
            print(json.dumps(trace))


if __name__ == "__main__":
    main()
