// No-change autogenerate on PostgreSQL at 1,000 to 10,000 tables against TypeORM and Alembic: the
// data is profiles/postgres.js, the mechanism autogenerate-bench.js.
"use strict";
const { autogenerateBench } = require("./autogenerate-bench");

module.exports = autogenerateBench(require.resolve("./profiles/postgres"));
