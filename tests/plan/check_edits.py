#!/usr/bin/env python3
"""Apply every action of bunkai's plan to the inventory with an independent
JSON Patch implementation (python3-jsonpatch), analyze the result again, and
check that exactly the findings the action `resolves` disappear and exactly
the ones it `introduces` appear (SPEC 9.2: measured, not guessed).

usage: check_edits.py BUNKAI INVENTORY.json [bunkai analysis options...]
Prints one line per problem; exits 1 if there is any, 0 otherwise.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

import jsonpatch


def findings(bunkai, path, opts):
    out = subprocess.run([bunkai, "analyze", "-f", "json", "--no-plan", "--fail-on", "none", *opts, path],
                         capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"analyze {path}: exit {out.returncode}: {out.stderr.strip()}")
    return {f["id"] for f in json.loads(out.stdout)["findings"]}


def wrong_target(doc, step):
    """An edit must change what its target names: an assignment edited for
    SYSTEM@ITEM@PARTY is an assignment of that item and party."""
    if step["kind"] not in ("confirm-assignment", "complete-item", "drop-lead") or step.get("members"):
        return None
    parts = step["target"].split("@")
    item, party = parts[-2], parts[-1]
    for op in step["edit"]:
        m = re.match(r"^/assignments/(\d+)/", op["path"])
        if m:
            a = doc["assignments"][int(m.group(1))]
            if a.get("item") != item or a.get("party") != party:
                return f"{op['path']} is the assignment of {a.get('item')} by {a.get('party')}"
    return None


def main():
    bunkai, inventory, opts = sys.argv[1], sys.argv[2], sys.argv[3:]
    plan = subprocess.run([bunkai, "plan", "-f", "json", *opts, inventory], capture_output=True, text=True)
    if plan.returncode != 0:
        raise SystemExit(f"plan {inventory}: exit {plan.returncode}: {plan.stderr.strip()}")
    steps = json.loads(plan.stdout)["plan"]
    with open(inventory, encoding="utf-8") as f:
        doc = json.load(f)
    before = findings(bunkai, inventory, opts)
    problems = 0
    with tempfile.TemporaryDirectory() as tmp:
        edited = os.path.join(tmp, "edited.json")
        for step in steps:
            patched = jsonpatch.apply_patch(doc, step["edit"])
            with open(edited, "w", encoding="utf-8") as f:
                json.dump(patched, f, ensure_ascii=False)
            after = findings(bunkai, edited, opts)
            gone, new = before - after, after - before
            if gone != set(step["resolves"]) or new != set(step["introduces"]):
                problems += 1
                print(f"{step['id']}: resolves {sorted(gone)} (plan says {sorted(step['resolves'])}), "
                      f"introduces {sorted(new)} (plan says {sorted(step['introduces'])})")
            why = wrong_target(doc, step)
            if why:
                problems += 1
                print(f"{step['id']}: edits the wrong record: {why}")
            if not step["resolves"]:
                problems += 1
                print(f"{step['id']}: in the plan but resolves nothing")
    print(f"{len(steps)} actions checked")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
