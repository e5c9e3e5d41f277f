"""Consistency check for the multi-report evaluation set (reports.jsonl + gold.json)."""
import json, os, sys
d = os.path.dirname(os.path.abspath(__file__))
KEYS = {"id", "title", "published", "source", "url", "text"}
TYPES = {"Attack", "Killing", "Bombing", "AirStrike", "Designation", "Sanction", "Arrest", "Protest"}
reports = {}
with open(os.path.join(d, "reports.jsonl"), encoding="utf-8") as f:
    for n, line in enumerate(f, 1):
        r = json.loads(line)
        assert KEYS <= set(r), f"line {n}: missing {KEYS - set(r)}"
        assert r["id"] not in reports, f"duplicate id {r['id']}"
        assert len(r["published"]) == 10 and r["published"][4] == "-", r["id"]
        reports[r["id"]] = r
gold = json.load(open(os.path.join(d, "gold.json"), encoding="utf-8"))
ev_ids = set()
for e in gold["events"]:
    assert e["id"] not in ev_ids, e["id"]; ev_ids.add(e["id"])
    assert e["type"] in TYPES, e
    assert len(e["reports"]) >= 2, f"{e['id']} has < 2 reports"
    for g in e["reports"]:
        assert g["article"] in reports, f"{e['id']}: unknown article {g['article']}"
        assert g["trigger"] in reports[g["article"]]["text"], f"{e['id']}/{g['article']}: trigger {g['trigger']!r} not in text"
covered = {g["article"] for e in gold["events"] for g in e["reports"]}
assert covered == set(reports), f"reports without gold event: {set(reports) - covered}"
assert len(reports) >= 18 and len(gold["events"]) >= 6
words = [len(r["text"].split()) for r in reports.values()]
print(f"OK: {len(reports)} reports, {len(gold['events'])} events, text {min(words)}-{max(words)} words")
for e in gold["events"]:
    print(f"  {e['id']:4} {e['type']:11} {e['date']}  {len(e['reports'])} reports: {', '.join(g['article'] for g in e['reports'])}")
