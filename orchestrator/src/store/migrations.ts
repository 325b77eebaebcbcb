// Schema migrations, applied in order. Each runs once, in a transaction, and bumps
// SQLite's user_version; never edit one that has shipped, add the next.

export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE jobs (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    owner TEXT NOT NULL,
    kernel TEXT NOT NULL,
    kernel_sha256 TEXT NOT NULL,
    state TEXT NOT NULL,
    target TEXT NOT NULL,
    spec TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    records INTEGER,
    batches INTEGER,
    batches_done INTEGER NOT NULL DEFAULT 0,
    output_path TEXT,
    output_sha256 TEXT,
    error TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    started_at INTEGER,
    ended_at INTEGER
  );
  CREATE INDEX jobs_by_fingerprint ON jobs (fingerprint, state);
  CREATE INDEX jobs_by_owner ON jobs (owner, created_at);

  CREATE TABLE batches (
    job_id TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    state TEXT NOT NULL,
    records INTEGER NOT NULL,
    first_record INTEGER NOT NULL,
    input_path TEXT NOT NULL,
    input_sha256 TEXT NOT NULL,
    output_path TEXT,
    output_sha256 TEXT,
    part_sha256 TEXT,
    backend TEXT,
    location TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    seconds REAL,
    PRIMARY KEY (job_id, idx)
  );

  CREATE TABLE attempts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    job_id TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    batch_idx INTEGER NOT NULL,
    number INTEGER NOT NULL,
    backend TEXT NOT NULL,
    state TEXT NOT NULL,
    external_id TEXT,
    location TEXT,
    started_at INTEGER NOT NULL,
    ended_at INTEGER,
    error TEXT,
    UNIQUE (job_id, batch_idx, number)
  );
  CREATE INDEX attempts_by_state ON attempts (state, backend);

  CREATE TABLE events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    job_id TEXT NOT NULL,
    at INTEGER NOT NULL,
    type TEXT NOT NULL,
    data TEXT NOT NULL
  );
  CREATE INDEX events_by_job ON events (job_id, id);

  CREATE TABLE secrets (
    job_id TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    nonce BLOB NOT NULL,
    ciphertext BLOB NOT NULL,
    tag BLOB NOT NULL,
    PRIMARY KEY (job_id, name)
  );
  `,
];
