# Answers graph queries with Alembic's own RevisionMap and HeadMaintainer, for the differential
# test (alembic-differential.test.ts). Reads a JSON list of {revs, order, queries} on stdin.
import json
import sys
from types import SimpleNamespace
from unittest import mock

from alembic.runtime.migration import HeadMaintainer, RevisionStep
from alembic.script.base import ScriptDirectory
from alembic.script.revision import Revision, RevisionMap


# Older Alembic releases (before #1373) keep every parent on an unmerge when no other head is
# left; the reference (1.19) drops parents implied by the other parents. Use the 1.19 rule.
def _unmerge_to_revisions(self, heads):
    other_heads = set(heads).difference([self.revision.revision])
    if other_heads:
        ancestors = {r.revision for r in self.revision_map._get_ancestor_nodes(self.revision_map.get_revisions(other_heads), check=False)}
        return tuple(set(self.to_revisions).difference(ancestors))
    ancestors = {
        r.revision
        for to_revision in self.to_revisions
        for r in self.revision_map._get_ancestor_nodes(self.revision_map.get_revisions(to_revision), check=False)
        if r.revision != to_revision
    }
    return tuple(set(self.to_revisions).difference(ancestors))


RevisionStep._unmerge_to_revisions = _unmerge_to_revisions


class Rev(Revision):
    module = SimpleNamespace(upgrade=lambda: None, downgrade=lambda: None)
    doc = ""


def answer(spec):
    by = {r["id"]: r for r in spec["revs"]}

    def mk(r):
        d = r["down"]
        return Rev(
            r["id"],
            tuple(d) if len(d) > 1 else (d[0] if d else None),
            dependencies=tuple(r["deps"]) or None,
            branch_labels=tuple(r["labels"]) or None,
        )

    revs = [mk(by[i]) for i in spec["order"]]
    m = RevisionMap(lambda: revs)
    out = {
        "heads": list(m.heads),
        "realHeads": list(m._real_heads),
        "bases": list(m.bases),
        "history": [r.revision for r in m.iterate_revisions("heads", "base", inclusive=True, assert_relative_length=False)],
    }

    def run(current, revisions, is_upgrade):
        hm = HeadMaintainer(mock.Mock(), current)
        steps = []
        for r in revisions:
            hm.update_to_step(RevisionStep(m, r, is_upgrade))
            steps.append([r.revision, sorted(hm.heads)])
        return steps, sorted(hm.heads)

    def upgrade(current, target):
        return run(current, list(reversed(list(m.iterate_revisions(target, current, implicit_base=True)))), True)

    def downgrade(current, target):
        return run(current, list(m.iterate_revisions(current, target, select_for_downgrade=True)), False)

    sd = SimpleNamespace(revision_map=m, get_revisions=m.get_revisions)
    sd._catch_revision_errors = ScriptDirectory._catch_revision_errors.__get__(sd)
    results = []
    for q in spec["queries"]:
        try:
            if q["kind"] == "history":
                revs_ = m.iterate_revisions(q["upper"], q["lower"], inclusive=True, assert_relative_length=False)
                results.append({"history": [r.revision for r in revs_]})
                continue
            start = q.get("from", "base")
            current = [] if start == "base" else upgrade((), start)[1]
            if q["kind"] == "upgrade":
                steps, heads = upgrade(tuple(current), q["target"])
                results.append({"current": current, "steps": steps, "heads": heads})
            elif q["kind"] == "downgrade":
                steps, heads = downgrade(tuple(current), q["target"])
                results.append({"current": current, "steps": steps, "heads": heads})
            else:
                hm = HeadMaintainer(mock.Mock(), current)
                for st in ScriptDirectory._stamp_revs(sd, tuple(q["targets"]), tuple(current)):
                    hm.update_to_step(st)
                results.append({"current": current, "heads": sorted(hm.heads)})
        except Exception as e:  # noqa: BLE001 - the test compares error texts
            results.append({"error": type(e).__name__ + ": " + str(e)})
    out["results"] = results
    return out


print(json.dumps([answer(spec) for spec in json.load(sys.stdin)]))
