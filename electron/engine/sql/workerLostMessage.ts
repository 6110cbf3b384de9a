/**
 * What the console says when the SQL worker was replaced: why, and all that went with it (the rows
 * it held, rows still on their way to it, the user's own tables and views), so no one is left to
 * wonder where their rows or views went.
 */
export function workerLostMessage(why: string, lost: { held: number; queued: number }, objectNames: readonly string[]): string {
  const waiting = lost.queued > 0 ? `, and ${lost.queued} rows waiting to be inserted` : '';
  const objects = objectNames.length > 0 ? ` Your tables and views were lost: ${objectNames.join(', ')}.` : '';
  return `${why}: ${lost.held} held rows were dropped${waiting}. New rows fill the table again.${objects}`;
}
