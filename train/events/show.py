"""Print labelling candidates compactly: ``python train/events/show.py FILE START COUNT``."""

import json
import sys

rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
start, count = int(sys.argv[2]), int(sys.argv[3])
last_doc = None
for n, r in enumerate(rows[start:start + count], start):
    if r["doc"] != last_doc:
        print(f"\n=== {r['doc']} ({(r['published'] or '')[:10]}) {r['title']}")
        last_doc = r["doc"]
    s, t = r["sentence"], r["trigger"]
    marked = s[:t["start"]] + "⟦" + s[t["start"]:t["end"]] + "⟧" + s[t["end"]:]
    print(f"[{n}] {r['id']} rule={r['rule']['event']}/{r['rule']['modality']}")
    print(f"   prev: {r['prev'][-200:]}")
    print(f"   SENT: {marked}")
    print(f"   next: {r['next'][:200]}")
