/**
 * Runs once when a server starts: check the configuration, open the database
 * (PGlite takes seconds on first open) and bring the schema up to date, before
 * the first request rather than during it.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServer } = await import("./lib/startup");
  await startServer();
}
