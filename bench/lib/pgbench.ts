/**
 * How pgbench reaches the database of a connection URL: its host, port and user as arguments and
 * the password in its environment. A socket directory arrives percent-encoded in the URL
 * (postgres://user@%2Fvar%2Frun%2Fpostgresql/db) and is decoded, as are user and password.
 */
export function pgbenchConnection(url: string): { args: string[]; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  return {
    args: [
      '-h',
      decodeURIComponent(u.hostname),
      '-p',
      u.port || '5432',
      '-U',
      decodeURIComponent(u.username || 'postgres'),
    ],
    env: { ...process.env, ...(u.password ? { PGPASSWORD: decodeURIComponent(u.password) } : {}) },
  };
}
