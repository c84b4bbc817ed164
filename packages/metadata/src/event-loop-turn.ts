/**
 * One turn of the event loop, taken between the synchronous steps of building the model.
 * Autogenerate sends its catalog queries before it builds the model and reads the answers after,
 * but a driver moves a statement on only when this thread is free: sqlite3 hands a statement's
 * prepare and then its result to a callback here (two turns per query, its four queries run one
 * after another on one connection); pg and mysql2 read their socket here. Without these turns,
 * a 1,000-table SQLite check waited about 60 ms for catalog queries that had not started
 * until the model was built.
 */
export function eventLoopTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
