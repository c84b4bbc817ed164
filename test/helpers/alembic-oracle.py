# Answers graph queries with Alembic's own RevisionMap, HeadMaintainer and ScriptDirectory, and
# offline (--sql) runs with its own MigrationContext, for the differential test
# (test/alembic-differential.test.ts). Reads a JSON list of {revs, order, queries} on stdin.
import io
import json
import sys
from types import SimpleNamespace
from unittest import mock

from alembic.runtime.migration import HeadMaintainer, MigrationContext, RevisionStep
from alembic.script.base import Script, ScriptDirectory
from alembic.script.revision import RevisionMap


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


def upgrade():
    pass


def downgrade():
    pass


def script_of(r):
    """A Script as Alembic reads one from a revision file: the module's header attributes and docstring."""
    d = r["down"]
    module = SimpleNamespace(
        down_revision=tuple(d) if len(d) > 1 else (d[0] if d else None),
        branch_labels=tuple(r["labels"]) or None,
        depends_on=tuple(r["deps"]) or None,
        # Named functions: a step's log line names them (`-- Running upgrade a -> b`).
        upgrade=upgrade,
        downgrade=downgrade,
        __doc__=r["doc"],
    )
    return Script(module, r["id"], "")


def error_text(e):
    return type(e).__name__ + ": " + str(e)


def offline_sql(sd, command, start, dest):
    """The SQL `alembic <command> START:DEST --sql` prints (PostgreSQL, in one transaction)."""
    if command == "upgrade":
        fn = lambda heads, ctx: sd._upgrade_revs(dest, heads)  # noqa: E731
    elif command == "downgrade":
        fn = lambda heads, ctx: sd._downgrade_revs(dest, heads)  # noqa: E731
    else:
        fn = lambda heads, ctx: sd._stamp_revs((dest,), heads)  # noqa: E731
    buf = io.StringIO()
    ctx = MigrationContext.configure(
        dialect_name="postgresql",
        opts={"as_sql": True, "output_buffer": buf, "starting_rev": start, "destination_rev": dest, "fn": fn, "script": sd},
    )
    with ctx.begin_transaction():
        ctx.run_migrations()
    return buf.getvalue()


def answer(spec):
    by = {r["id"]: r for r in spec["revs"]}
    scripts = [script_of(by[i]) for i in spec["order"]]
    m = RevisionMap(lambda: scripts)
    sd = ScriptDirectory.__new__(ScriptDirectory)
    sd.revision_map = m
    out = {
        "heads": list(m.heads),
        "realHeads": list(m._real_heads),
        "bases": list(m.bases),
        "history": [r.revision for r in m.iterate_revisions("heads", "base", inclusive=True, assert_relative_length=False)],
        "labels": [[s.revision, sorted(m.get_revision(s.revision).branch_labels)] for s in scripts],
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

    results = []
    for q in spec["queries"]:
        try:
            if q["kind"] == "history":
                revs_ = m.iterate_revisions(q["upper"], q["lower"], inclusive=True, assert_relative_length=False)
                result = {"history": [r.revision for r in revs_]}
                # `alembic history -r LOWER:UPPER`: the lines, or the command's error text.
                try:
                    result["lines"] = [
                        s.cmd_format(False, include_branches=True, include_doc=True, include_parents=True)
                        for s in sd.walk_revisions(q["lower"], q["upper"])
                    ]
                except Exception as e:  # noqa: BLE001 - the test compares error texts
                    result["linesError"] = error_text(e)
                results.append(result)
                continue
            if q["kind"] == "offline":
                results.append({"sql": offline_sql(sd, q["command"], q["from"], q["to"])})
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
                for st in sd._stamp_revs(tuple(q["targets"]), tuple(current)):
                    hm.update_to_step(st)
                results.append({"current": current, "heads": sorted(hm.heads)})
        except Exception as e:  # noqa: BLE001 - the test compares error texts
            results.append({"error": error_text(e)})
    out["results"] = results
    return out


print(json.dumps([answer(spec) for spec in json.load(sys.stdin)]))
