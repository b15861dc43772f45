#!/usr/bin/env python3
"""Where the CPU went in a JFR recording (JDK 17 has no `jfr view`): execution samples per thread, per
component (the innermost frame that belongs to a known component: H2, Jackson, Hibernate Validator, ...)
and per top (self) method.

    python3 benchmarks/jfr-top.py RECORDING.jfr [--top 25] [--thread SUBSTRING]
"""
import argparse
import collections
import json
import subprocess
import sys

# first match wins, innermost frame first: the component doing the work, not its callers
COMPONENTS = [
    ("H2 database", ("org.h2.",)),
    ("Jackson", ("com.fasterxml.jackson.",)),
    ("Hibernate Validator", ("org.hibernate.validator.", "jakarta.validation.")),
    ("PerfLink compile rules", ("org.perflink.compile.",)),
    ("PerfLink api (Messages, RulePack, records)", ("org.perflink.api.",)),
    ("PerfLink camel/gateway", ("org.perflink.camel.",)),
    ("PerfLink store", ("org.perflink.store.",)),
    ("JDK HTTP client", ("jdk.internal.net.http.", "java.net.http.")),
    ("Camel", ("org.apache.camel.",)),
    ("Karaf / Felix / OSGi", ("org.apache.karaf.", "org.apache.felix.", "org.osgi.", "org.eclipse.")),
    ("JDK text/format/regex", ("java.text.", "java.util.regex.", "java.util.Formatter", "java.lang.String")),
    ("JDK BigDecimal/math", ("java.math.",)),
    ("JDK time", ("java.time.",)),
    ("JDK collections", ("java.util.",)),
    ("JDK other", ("java.", "jdk.", "sun.")),
]


def component(frames):
    for f in frames:
        name = f["method"]["type"]["name"].replace("/", ".")
        for label, prefixes in COMPONENTS:
            if name.startswith(prefixes):
                return label
    return "other"


def caller_component(frames):
    """The component of the innermost non-JDK frame: JDK work is charged to whoever asked for it."""
    for f in frames:
        name = f["method"]["type"]["name"].replace("/", ".")
        if name.startswith(("java.", "jdk.", "sun.", "com.sun.")):
            continue
        return component([f])
    return "JDK only"


def caller_method(frames):
    for f in frames:
        name = f["method"]["type"]["name"].replace("/", ".")
        if not name.startswith(("java.", "jdk.", "sun.", "com.sun.")):
            return name + "." + f["method"]["name"]
    return "JDK only"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("recording")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--thread", default=None, help="only threads whose name contains this")
    a = ap.parse_args()
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events", "jdk.ExecutionSample",
                          a.recording], check=True, capture_output=True, text=True).stdout
    events = json.loads(out)["recording"]["events"]
    threads = collections.Counter()
    comps = collections.Counter()
    tops = collections.Counter()
    callers = collections.Counter()
    caller_methods = collections.Counter()
    n = 0
    for e in events:
        v = e["values"]
        thread = (v.get("sampledThread") or {}).get("javaName") or "?"
        threads[thread] += 1
        if a.thread and a.thread not in thread:
            continue
        frames = (v.get("stackTrace") or {}).get("frames") or []
        if not frames:
            continue
        n += 1
        comps[component(frames)] += 1
        callers[caller_component(frames)] += 1
        caller_methods[caller_method(frames)] += 1
        f = frames[0]["method"]
        tops[f["type"]["name"].replace("/", ".") + "." + f["name"]] += 1
    total = sum(threads.values())
    print(f"{total} execution samples; by thread (top 12):")
    for t, c in threads.most_common(12):
        print(f"  {100 * c / total:5.1f} %  {t}")
    print(f"\n{n} samples{' of threads ~ ' + a.thread if a.thread else ''}; by component (innermost known frame):")
    for k, c in comps.most_common():
        print(f"  {100 * c / max(n, 1):5.1f} %  {k}")
    print("\nby component, JDK frames charged to their innermost non-JDK caller:")
    for k, c in callers.most_common():
        print(f"  {100 * c / max(n, 1):5.1f} %  {k}")
    print(f"\ntop {a.top} non-JDK methods (self + the JDK code they call directly):")
    for k, c in caller_methods.most_common(a.top):
        print(f"  {100 * c / max(n, 1):5.1f} %  {k}")
    print(f"\ntop {a.top} methods (self):")
    for k, c in tops.most_common(a.top):
        print(f"  {100 * c / max(n, 1):5.1f} %  {k}")


if __name__ == "__main__":
    sys.exit(main())
