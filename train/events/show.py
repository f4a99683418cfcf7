"""Print labelling candidates compactly: ``python train/events/show.py FILE START COUNT``.

French or English candidates alike: the trigger is bracketed in its sentence, line breaks and runs of
spaces inside a text (HTML pages keep their hard-wrapped lines) are shown as one space, and an English
candidate names the corpus it was drawn from.
"""

import json
import re
import sys


def flat(text: str) -> str:
    """``text`` on one line (display only: the offsets in the file are into the raw sentence)."""
    return re.sub(r"\s+", " ", text).strip()


rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
start, count = int(sys.argv[2]), int(sys.argv[3])
last_doc = None
for n, r in enumerate(rows[start:start + count], start):
    if r["doc"] != last_doc:
        corpus = f" [{r['corpus']}]" if r.get("corpus") else ""
        print(f"\n=== {r['doc']}{corpus} ({(r['published'] or '')[:10]}) {flat(r['title'] or '')}")
        last_doc = r["doc"]
    s, t = r["sentence"], r["trigger"]
    marked = s[:t["start"]] + "⟦" + s[t["start"]:t["end"]] + "⟧" + s[t["end"]:]
    print(f"[{n}] {r['id']} rule={r['rule']['event']}/{r['rule']['modality']}")
    print(f"   prev: {flat(r['prev'])[-200:]}")
    print(f"   SENT: {flat(marked)}")
    print(f"   next: {flat(r['next'])[:200]}")
