import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { CommandError } from "@autogen/core";
import { MultipleHeadsError, ResolutionError, RevisionError } from "../src/revision-errors";
import { graph, iterate, mapOf, rev, throwsExactly } from "./support/graph-fixtures";

const MULTIPLE_HEAD_TEXT =
  "Multiple head revisions are present for given argument 'head'; please specify a specific target revision, " +
  "'<branchname>@head' to narrow to a specific head, or 'heads' for all heads";

describe("RevisionMap: heads, bases, symbols (scenarios 1-3)", () => {
  it("linear a->b->c has head c; head resolves to c, base to null", () => {
    const map = mapOf(rev("a"), rev("b", "a"), rev("c", "b"));
    assert.deepEqual(map.heads, ["c"]);
    assert.deepEqual(map.bases, ["a"]);
    assert.equal(map.getRevision("head")!.revision, "c");
    assert.equal(map.getRevision("base"), null);
    // Adding d on top of c moves the head.
    const grown = graph("a b<a c<b d<c");
    assert.deepEqual(grown.heads, ["d"]);
  });

  it("two heads: heads in file order, `head` is ambiguous, `heads` lists both", () => {
    const map = graph("a b<a c1<b c2<b");
    assert.deepEqual(map.heads, ["c1", "c2"]);
    const grown = graph("a b<a c1<b c2<b d1<c1");
    assert.deepEqual(grown.heads, ["c2", "d1"]);

    for (const call of [() => map.getRevision("head"), () => map.getRevisions("head")]) {
      const err = throwsExactly(call, MULTIPLE_HEAD_TEXT);
      assert.ok(err instanceof CommandError);
      assert.equal(err.exitCode, 2);
      assert.ok(err.cause instanceof MultipleHeadsError);
      assert.equal((err.cause as Error).message, "Multiple heads are present for given argument 'head'; c1, c2");
      assert.deepEqual((err.cause as MultipleHeadsError).heads, ["c1", "c2"]);
    }
    // A single revision asked for with `heads` names the argument as given.
    const heads = throwsExactly(() => map.getRevision("heads"), MULTIPLE_HEAD_TEXT.replaceAll("head'", "heads'"));
    assert.equal((heads.cause as Error).message, "Multiple heads are present for given argument 'heads'; c1, c2");
    assert.deepEqual(
      map.getRevisions("heads").map((r) => r.revision),
      ["c1", "c2"],
    );
  });

  it("two bases: base is null, bases lists both", () => {
    const map = graph("a b<a c d<c");
    assert.equal(map.getRevision("base"), null);
    assert.deepEqual(map.bases, ["a", "c"]);
    assert.deepEqual(map.heads, ["b", "d"]);
  });

  it("derived properties: branch point, merge point, head, base", () => {
    const map = graph("a b1<a b2<a c<b1,b2 d<c");
    const a = map.getRevision("a")!;
    const c = map.getRevision("c")!;
    assert.equal(a.isBase, true);
    assert.equal(a.isBranchPoint, true);
    assert.deepEqual(a.nextRevs, ["b1", "b2"]);
    assert.equal(c.isMergePoint, true);
    assert.deepEqual(c.downRevision, ["b1", "b2"]);
    assert.equal(map.getRevision("d")!.isHead, true);
  });

  it("effective head: a head only depended on is a versioned head but not a real head", () => {
    const map = graph("y1@y x1@x y2<y1~x1 x2<x1");
    assert.deepEqual(map.heads, ["y2", "x2"]);
    assert.deepEqual(map.realHeads, ["y2", "x2"]);
    const withEffective = mapOf(rev("a1"), rev("b1"), rev("b2", "b1", { deps: "a1" }));
    assert.deepEqual(withEffective.heads, ["a1", "b2"]);
    assert.deepEqual(withEffective.realHeads, ["b2"]);
    const a1 = withEffective.getRevision("a1")!;
    assert.equal(a1.isHead, true);
    assert.equal(a1.isRealHead, false);
  });
});

describe("RevisionMap: identifiers", () => {
  const map = mapOf(rev("1975ea83b712"), rev("ae1027a6acf0", "1975ea83b712"), rev("ae10ffff0000", "1975ea83b712"));

  it("a non-string identifier from a driver names the cause (scenario 5)", () => {
    const bytes = Buffer.from("12345") as unknown as string;
    const text =
      "revision identifier <Buffer 31 32 33 34 35> is not a string; ensure database driver settings are correct";
    throwsExactly(() => map.getRevisionsRaw(bytes), text);
    throwsExactly(() => map.getRevision(bytes), text);
    throwsExactly(() => map.getRevisions([bytes]), text);
    assert.equal(map.getRevision("1975ea83b712")!.revision, "1975ea83b712");
  });

  it("resolves full and partial ids (four characters or more)", () => {
    assert.equal(map.getRevision("1975ea83b712")!.revision, "1975ea83b712");
    assert.equal(map.getRevision("1975")!.revision, "1975ea83b712");
    assert.equal(map.getRevision("ae1027")!.revision, "ae1027a6acf0");
  });

  it("an unknown prefix under four characters gets the hint; the command text is Can't locate", () => {
    // Like Alembic, a short prefix still matches when it is unique; the hint is for misses.
    assert.equal(map.getRevision("197")!.revision, "1975ea83b712");
    const err = throwsExactly(() => map.getRevision("zz"), "Can't locate revision identified by 'zz'");
    assert.ok(err.cause instanceof ResolutionError);
    assert.equal(
      (err.cause as Error).message,
      "No such revision or branch 'zz'; please ensure at least four characters are present for partial revision identifier matches",
    );
    const unknown = throwsExactly(() => map.getRevision("ffffffff"), "Can't locate revision identified by 'ffffffff'");
    assert.equal((unknown.cause as Error).message, "No such revision or branch 'ffffffff'");
  });

  it("an ambiguous prefix lists the candidates", () => {
    const err = throwsExactly(
      () => map.getRevision("ae10"),
      "Revision 'ae10' is ambiguous: it starts ae1027a6acf0, ae10ffff0000; give more characters of the id",
    );
    assert.equal(
      (err.cause as Error).message,
      "Multiple revisions start with 'ae10': 'ae1027a6acf0', 'ae10ffff0000'...",
    );
  });

  it("a single-character id resolves exactly", () => {
    const short = mapOf(rev("a"), rev("e", "a"));
    assert.equal(short.getRevision("e")!.revision, "e");
  });
});

describe("RevisionMap: branch labels (scenarios 8, 9)", () => {
  const labeled = () =>
    graph("a@abranch b<a somelongername<b c<somelongername d e<d@ebranch someothername<e f<someothername");

  it("a duplicate branch label is an error at build time", () => {
    throwsExactly(
      () => graph("a b<a c<b@xy1 d e<d@xy1 f<e"),
      "Branch name 'xy1' in revision e already used by revision c",
    );
  });

  it("labels propagate to descendants and to ancestors down to the previous branch point", () => {
    const map = labeled();
    assert.deepEqual(map.getRevision("c")!.branchLabels, ["abranch"]);
    assert.deepEqual(map.getRevision("f")!.branchLabels, ["ebranch"]);
    assert.deepEqual(map.getRevision("d")!.branchLabels, ["ebranch"]);
    const branched = graph("a b<a c1<b@c1branch d1<c1 c2<b@c2branch d2<c2");
    assert.deepEqual(branched.getRevision("d1")!.branchLabels, ["c1branch"]);
    assert.deepEqual(branched.getRevision("b")!.branchLabels, []);
  });

  it("a branch point or merge point above the labelled revision keeps the label off its ancestors (Alembic)", () => {
    // b's branch meets x's at the merge point m: Alembic labels b, c and m, not a.
    const merged = graph("a b<a@bl c<b x m<c,x");
    assert.deepEqual(
      merged.revisions.map((r) => [r.revision, [...r.branchLabels]]),
      [
        ["a", []],
        ["b", ["bl"]],
        ["c", ["bl"]],
        ["x", []],
        ["m", ["bl"]],
      ],
    );
    // b's branch splits at c: the same.
    const split = graph("a b<a@bl c<b d1<c d2<c");
    assert.deepEqual(split.getRevision("a")!.branchLabels, []);
    assert.deepEqual(split.getRevision("d2")!.branchLabels, ["bl"]);
    // One straight line above it: the label reaches down to the previous branch point.
    const line = graph("r a<r z<r b<a@bl c<b");
    assert.deepEqual(line.getRevision("a")!.branchLabels, ["bl"]);
    assert.deepEqual(line.getRevision("r")!.branchLabels, []);
  });

  it("label@head, label@heads, label@base, label alone, label@partial", () => {
    const map = labeled();
    assert.equal(map.getRevision("ebranch@head")!.revision, "f");
    assert.equal(map.getRevision("abranch@head")!.revision, "c");
    assert.equal(map.getRevision("abranch@heads")!.revision, "c");
    assert.equal(map.getRevision("abranch@base"), null);
    assert.equal(map.getRevision("ebranch@d")!.revision, "d");
    assert.equal(map.getRevision("ebranch@ebranch")!.revision, "e");
    assert.equal(map.getRevision("abranch")!.revision, "a");
    assert.equal(map.getRevision("ebranch")!.revision, "e");
    assert.equal(map.getRevision("ebranch@some")!.revision, "someothername");
    assert.equal(map.getRevision("abranch@some")!.revision, "somelongername");
  });

  it("a revision id works as a branch selector", () => {
    const map = labeled();
    assert.equal(map.getRevision("e@d")!.revision, "d");
    assert.equal(map.getRevision("someoth@d")!.revision, "d");
  });

  it("raw texts: not a member, no such branch, too short", () => {
    const map = labeled();
    const raw = (id: string) => () => map.getRevisionRaw(id);
    throwsExactly(raw("ebranch@b"), "Revision b is not a member of branch 'ebranch'");
    throwsExactly(raw("abranch@d"), "Revision d is not a member of branch 'abranch'");
    throwsExactly(raw("x@d"), "No such branch: 'x'");
    throwsExactly(raw("abranch@qprstuv"), "No such revision or branch 'qprstuv'");
    throwsExactly(
      raw("ebranch@sos"),
      "No such revision or branch 'sos'; please ensure at least four characters are present for partial revision identifier matches",
    );
    throwsExactly(
      raw("abranch@qpr"),
      "No such revision or branch 'qpr'; please ensure at least four characters are present for partial revision identifier matches",
    );
    const err = throwsExactly(() => map.getRevision("x@d"), "Can't locate revision identified by 'x'");
    assert.ok(err instanceof CommandError);
  });

  it("filterForLineage across a merge and for heads", () => {
    const merged = graph("a b<a c1<b@c1branch c2<b d<c1,c2");
    const [c1, c2, d] = ["c1", "c2", "d"].map((id) => merged.getRevision(id)!);
    assert.deepEqual(merged.filterForLineage([c1!, c2!, d!], "c1branch@head"), [c1, c2, d]);
    const map = labeled();
    const f = map.getRevision("f")!;
    assert.deepEqual(map.filterForLineage([f], "heads"), [f]);
  });
});

describe("RevisionMap: validation (scenarios 18, 19, 20)", () => {
  it("self-loops at base, head, branch point and merge point", () => {
    throwsExactly(() => mapOf(rev("a", "a")), "Self-loop is detected in revisions (a)");
    throwsExactly(() => mapOf(rev("a", "a"), rev("b", "a"), rev("c", "b")), "Self-loop is detected in revisions (a)");
    throwsExactly(() => mapOf(rev("a"), rev("b", "a"), rev("c", ["b", "c"])), "Self-loop is detected in revisions (c)");
    throwsExactly(() => graph("a b<a,b c1<b c2<b"), "Self-loop is detected in revisions (b)");
    throwsExactly(() => graph("a b1<a b2<a c<b1,b2,c"), "Self-loop is detected in revisions (c)");
  });

  it("dependency self-loops", () => {
    throwsExactly(() => mapOf(rev("a", null, { deps: "a" })), "Dependency self-loop is detected in revisions (a)");
    throwsExactly(
      () => mapOf(rev("a", null, { deps: "a" }), rev("b", "a"), rev("c", "b")),
      "Dependency self-loop is detected in revisions (a)",
    );
    throwsExactly(
      () => mapOf(rev("a"), rev("b", "a"), rev("c", "b", { deps: "c" })),
      "Dependency self-loop is detected in revisions (c)",
    );
    throwsExactly(() => graph("a b<a~b c1<b c2<b"), "Dependency self-loop is detected in revisions (b)");
    throwsExactly(() => graph("a b1<a b2<a c<b1,b2~c"), "Dependency self-loop is detected in revisions (c)");
  });

  it("cycles, with unrelated trees ignored and downstream revisions included", () => {
    throwsExactly(() => mapOf(rev("a", "c"), rev("b", "a"), rev("c", "b")), "Cycle is detected in revisions (a, b, c)");
    throwsExactly(() => graph("a<c b<a c<b d e<d"), "Cycle is detected in revisions (a, b, c)");
    throwsExactly(() => graph("a<c b<a c<b d<c e<d"), "Cycle is detected in revisions (a, b, c, d, e)");
    throwsExactly(() => graph("a b<a c<b,e d<c e<d"), "Cycle is detected in revisions (a, b, c, d, e)");
  });

  it("a cycle entered through a merge point is found too (Alembic's reachability check misses it)", () => {
    // As for the other cycles, revisions downstream of the cycle are named too.
    throwsExactly(() => graph("base0 a<c,base0 b<a c<b d<b"), "Cycle is detected in revisions (a, b, c, d)");
  });

  it("dependency cycles", () => {
    throwsExactly(
      () => mapOf(rev("a", null, { deps: "c" }), rev("b", "a"), rev("c", "b")),
      "Dependency cycle is detected in revisions (a, b, c)",
    );
    throwsExactly(() => graph("a~c b<a c<b d e<d"), "Dependency cycle is detected in revisions (a, b, c)");
    throwsExactly(() => graph("a~c b<a c<b d<c e<d"), "Dependency cycle is detected in revisions (a, b, c, d, e)");
    throwsExactly(() => graph("a b<a c<b~e d<c e<d"), "Dependency cycle is detected in revisions (a, b, c, d, e)");
  });

  it("overlapping substring ids are not a loop", () => {
    assert.deepEqual(iterate(mapOf(rev("user_foo"), rev("user", "user_foo")), "heads", null), ["user", "user_foo"]);
    assert.deepEqual(iterate(mapOf(rev("user_foo"), rev("user", null, { deps: "user_foo" })), "heads", null), [
      "user",
      "user_foo",
    ]);
    assert.deepEqual(iterate(mapOf(rev("user_foo"), rev("user", "user_foo", { deps: "user_foo" })), "heads", null), [
      "user",
      "user_foo",
    ]);
  });

  it("duplicate ids and missing references are errors (exit 2)", () => {
    const dup = throwsExactly(() => mapOf(rev("a"), rev("b", "a"), rev("a")), "Revision a is present more than once");
    assert.equal(dup.exitCode, 2);
    throwsExactly(() => mapOf(rev("a"), rev("b", "zzz")), "Revision zzz referenced from b is not present");
    throwsExactly(
      () => mapOf(rev("a"), rev("b", "a", { deps: "nolabel" })),
      "Revision nolabel referenced from b is not present",
    );
  });

  it("illegal characters in an id", () => {
    const err = throwsExactly(
      () => mapOf(rev("a@b-c")),
      "Character(s) '-, @' not allowed in revision identifier 'a@b-c'",
    );
    assert.ok(err instanceof RevisionError);
  });

  it("normalized down revisions drop dependencies an ancestor already has (scenario 21)", () => {
    const map = graph("a1 a2<a1 a3<a2 b1 b2<b1~a3 b3<b2 b4<b3~a3 b5<b4~b4");
    const b4 = map.getRevision("b4")!;
    assert.deepEqual(b4.allDownRevisions, ["b3", "a3"]);
    assert.deepEqual(b4.normalizedDownRevisions, ["b3"]);
    const b5 = map.getRevision("b5")!;
    assert.deepEqual(b5.allDownRevisions, ["b4"]);
    assert.deepEqual(b5.normalizedDownRevisions, ["b4"]);
  });

  it("an empty map has no heads and iterates to nothing (scenario 7)", () => {
    const map = mapOf();
    assert.deepEqual(map.heads, []);
    assert.deepEqual(iterate(map, "head", "base"), []);
  });
});
