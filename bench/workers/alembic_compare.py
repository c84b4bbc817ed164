# Alembic's no-change diff in a process of its own: the bench model as SQLAlchemy Tables, then
# compare_metadata (compare_type and compare_server_default on) against the bench database.
# argv[1]: a JSON job { url, model, columns: [Column(...) expressions], imports }. Prints one
# JSON line: seconds (MetaData built + compare), prebuiltSeconds (compare alone), statements,
# phantoms, peak RSS.
import gc, json, resource, sys, threading, time
from sqlalchemy import (MetaData, Table, Column, Integer, String, Numeric, Boolean, Text, JSON, DateTime,
                        ForeignKey, Index, UniqueConstraint, create_engine, event, text)
from alembic.migration import MigrationContext
from alembic.autogenerate import compare_metadata

job = json.loads(sys.argv[1])
names = {}
exec(job["imports"], globals(), names)
scope = {**globals(), **names}
columns = [compile(expr, "<column>", "eval") for expr in job["columns"]]

def build_metadata():
    md = MetaData()
    for t in job["model"]:
        cols = [Column("id", Integer, primary_key=True)]
        cols += [eval(expr, scope) for expr in columns]
        if t["parent"]:
            cols.append(Column("parentId", Integer, ForeignKey("%s.id" % t["parent"], ondelete="SET NULL"), nullable=True))
        extra = [UniqueConstraint("code"), Index("idx_%s_title" % t["name"], "title"),
                 Index("idx_%s_qty_created" % t["name"], "qty", "created")]
        Table(t["name"], md, *cols, *extra)
    return md

engine = create_engine(job["url"])
statements = [0]
@event.listens_for(engine, "before_cursor_execute")
def count(conn, cursor, statement, parameters, context, executemany):
    statements[0] += 1

# Only the model's tables: the other tools' version tables are not part of the comparison.
table_names = {t["name"] for t in job["model"]}
def include_object(obj, name, type_, reflected, compare_to):
    return type_ != "table" or name in table_names

result = {}
def measure():
    # As the Node workers settle their heaps (worker-support.js, settleHeap): setup's garbage is
    # collected before the timer.
    gc.collect()
    start = time.perf_counter()
    md = build_metadata()
    built = time.perf_counter()
    with engine.connect() as conn:
        mc = MigrationContext.configure(conn, opts={"compare_type": True, "compare_server_default": True,
                                                    "include_object": include_object})
        diffs = compare_metadata(mc, md)
    end = time.perf_counter()
    flat = [d for entry in diffs for d in (entry if isinstance(entry, list) else [entry])]
    result.update(seconds=end - start, prebuiltSeconds=end - built, statements=statements[0], phantoms=len(flat),
                  sample=[repr(d)[:200] for d in flat[:3]])

# SQLAlchemy reflects a referenced table from inside its referrer's reflection, so a chain of
# foreign keys recurses as deep as the chain is long: a big stack and recursion limit.
sys.setrecursionlimit(1000000)
threading.stack_size(1024 * 1024 * 1024)
worker = threading.Thread(target=measure)
worker.start()
worker.join()
if not result:
    sys.exit(1)
result["rssMB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(result))
