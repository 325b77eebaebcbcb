// The SQLite store: jobs, batches, attempts, events and sealed secrets, in WAL mode so
// readers (the CLI, the gRPC service) never block the engine's writes. Every state
// change that must survive a crash is one transaction.
import Database from 'better-sqlite3';
import type {
  AttemptRecord,
  AttemptState,
  BatchRecord,
  BatchState,
  EventRecord,
  JobFilter,
  JobRecord,
  JobState,
} from '../jobs/types.js';
import { MIGRATIONS } from './migrations.js';
import type { Sealed } from './secrets.js';

type Row = Record<string, unknown>;

function toJob(r: Row): JobRecord {
  return {
    id: r.id as string,
    name: r.name as string,
    owner: r.owner as string,
    kernel: r.kernel as string,
    kernelSha256: r.kernel_sha256 as string,
    state: r.state as JobState,
    target: r.target as JobRecord['target'],
    spec: JSON.parse(r.spec as string),
    fingerprint: r.fingerprint as string,
    records: r.records as number | null,
    batches: r.batches as number | null,
    batchesDone: r.batches_done as number,
    outputPath: r.output_path as string | null,
    outputSha256: r.output_sha256 as string | null,
    error: r.error as string | null,
    createdAt: r.created_at as number,
    updatedAt: r.updated_at as number,
    startedAt: r.started_at as number | null,
    endedAt: r.ended_at as number | null,
  };
}

function toBatch(r: Row): BatchRecord & { partSha256: string | null } {
  return {
    jobId: r.job_id as string,
    index: r.idx as number,
    state: r.state as BatchState,
    records: r.records as number,
    firstRecord: r.first_record as number,
    inputPath: r.input_path as string,
    inputSha256: r.input_sha256 as string,
    outputPath: r.output_path as string | null,
    outputSha256: r.output_sha256 as string | null,
    partSha256: r.part_sha256 as string | null,
    backend: r.backend as string | null,
    where: r.location as string | null,
    attempts: r.attempts as number,
    seconds: r.seconds as number | null,
  };
}

function toAttempt(r: Row): AttemptRecord {
  return {
    id: r.id as number,
    jobId: r.job_id as string,
    batchIndex: r.batch_idx as number,
    number: r.number as number,
    backend: r.backend as string,
    state: r.state as AttemptState,
    externalId: r.external_id as string | null,
    where: r.location as string | null,
    startedAt: r.started_at as number,
    endedAt: r.ended_at as number | null,
    error: r.error as string | null,
  };
}

function toEvent(r: Row): EventRecord {
  return {
    id: r.id as number,
    jobId: r.job_id as string,
    at: r.at as number,
    type: r.type as string,
    data: JSON.parse(r.data as string),
  };
}

export type NewJob = Omit<
  JobRecord,
  | 'records'
  | 'batches'
  | 'batchesDone'
  | 'outputSha256'
  | 'error'
  | 'createdAt'
  | 'updatedAt'
  | 'startedAt'
  | 'endedAt'
>;

export type StoredBatch = ReturnType<typeof toBatch>;

export class Store {
  readonly db: Database.Database;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.migrate();
  }

  private migrate(): void {
    const current = this.db.pragma('user_version', { simple: true }) as number;
    for (let v = current; v < MIGRATIONS.length; v++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[v]);
        this.db.pragma(`user_version = ${v + 1}`);
      })();
    }
  }

  private readonly statements = new Map<string, Database.Statement>();

  /** Prepared once per SQL text: preparing on every call dominated busy daemons' profiles. */
  private stmt(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) {
      st = this.db.prepare(sql);
      this.statements.set(sql, st);
    }
    return st;
  }

  close(): void {
    this.statements.clear();
    this.db.close();
  }

  tx<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  // ---- jobs ----

  insertJob(job: NewJob): void {
    const now = Date.now();
    this.stmt(
      `INSERT INTO jobs (id, name, owner, kernel, kernel_sha256, state, target, spec,
           fingerprint, output_path, created_at, updated_at)
         VALUES (@id, @name, @owner, @kernel, @kernelSha256, @state, @target, @spec,
           @fingerprint, @outputPath, @now, @now)`,
    ).run({ ...job, spec: JSON.stringify(job.spec), now });
  }

  job(id: string): JobRecord | undefined {
    const r = this.stmt('SELECT * FROM jobs WHERE id = ?').get(id) as Row | undefined;
    return r && toJob(r);
  }

  /** An unfinished job with this fingerprint, for resuming by running a spec again. */
  unfinishedByFingerprint(fingerprint: string): JobRecord | undefined {
    const r = this.stmt(
      `SELECT * FROM jobs WHERE fingerprint = ?
           AND state NOT IN ('succeeded', 'failed', 'cancelled')
         ORDER BY created_at DESC LIMIT 1`,
    ).get(fingerprint) as Row | undefined;
    return r && toJob(r);
  }

  jobs(filter: JobFilter = {}): JobRecord[] {
    const where: string[] = [];
    const args: Record<string, unknown> = {};
    if (filter.owner) {
      where.push('owner = @owner');
      args.owner = filter.owner;
    }
    if (filter.kernel) {
      where.push('kernel = @kernel');
      args.kernel = filter.kernel;
    }
    if (filter.states?.length) {
      where.push(`state IN (${filter.states.map((_, i) => `@s${i}`).join(', ')})`);
      filter.states.forEach((s, i) => (args[`s${i}`] = s));
    }
    if (filter.after) {
      const after = this.job(filter.after);
      if (after) {
        where.push('(created_at < @afterAt OR (created_at = @afterAt AND id < @afterId))');
        args.afterAt = after.createdAt;
        args.afterId = after.id;
      }
    }
    const sql =
      'SELECT * FROM jobs' +
      (where.length ? ` WHERE ${where.join(' AND ')}` : '') +
      ' ORDER BY created_at DESC, id DESC LIMIT @limit';
    args.limit = filter.limit ?? 100;
    return (this.stmt(sql).all(args) as Row[]).map(toJob);
  }

  /**
   * Jobs by state, and the batches of unfinished jobs by state: two grouped counts,
   * so that a metrics scrape costs the same with ten jobs or a million.
   */
  counts(): { jobs: Record<string, number>; activeBatches: Record<string, number> } {
    const grouped = (sql: string) =>
      Object.fromEntries(
        (this.stmt(sql).all() as Array<{ state: string; n: number }>).map((r) => [r.state, r.n]),
      );
    return {
      jobs: grouped('SELECT state, COUNT(*) AS n FROM jobs GROUP BY state'),
      activeBatches: grouped(
        `SELECT b.state, COUNT(*) AS n FROM batches b JOIN jobs j ON j.id = b.job_id
           WHERE j.state NOT IN ('succeeded', 'failed', 'cancelled') GROUP BY b.state`,
      ),
    };
  }

  unfinishedJobs(): JobRecord[] {
    return (
      this.stmt(
        `SELECT * FROM jobs WHERE state NOT IN ('succeeded', 'failed', 'cancelled')
           ORDER BY created_at`,
      ).all() as Row[]
    ).map(toJob);
  }

  updateJob(
    id: string,
    fields: Partial<
      Pick<
        JobRecord,
        | 'state'
        | 'records'
        | 'batches'
        | 'batchesDone'
        | 'outputSha256'
        | 'error'
        | 'startedAt'
        | 'endedAt'
      >
    >,
  ): void {
    const columns: Record<string, string> = {
      state: 'state',
      records: 'records',
      batches: 'batches',
      batchesDone: 'batches_done',
      outputSha256: 'output_sha256',
      error: 'error',
      startedAt: 'started_at',
      endedAt: 'ended_at',
    };
    const sets = Object.keys(fields).map((k) => `${columns[k]} = @${k}`);
    // A cancel from another process wins: a running engine never revives the job.
    const guard = fields.state && fields.state !== 'cancelled' ? ` AND state != 'cancelled'` : '';
    this.stmt(
      `UPDATE jobs SET ${[...sets, 'updated_at = @now'].join(', ')} WHERE id = @id${guard}`,
    ).run({ ...fields, id, now: Date.now() });
  }

  // ---- batches ----

  insertBatch(b: {
    jobId: string;
    index: number;
    records: number;
    firstRecord: number;
    inputPath: string;
    inputSha256: string;
  }): void {
    this.stmt(
      `INSERT INTO batches (job_id, idx, state, records, first_record, input_path, input_sha256)
         VALUES (@jobId, @index, 'pending', @records, @firstRecord, @inputPath, @inputSha256)`,
    ).run(b);
  }

  batches(jobId: string): StoredBatch[] {
    return (
      this.stmt('SELECT * FROM batches WHERE job_id = ? ORDER BY idx').all(jobId) as Row[]
    ).map(toBatch);
  }

  batch(jobId: string, index: number): StoredBatch | undefined {
    const r = this.stmt('SELECT * FROM batches WHERE job_id = ? AND idx = ?').get(jobId, index) as
      Row | undefined;
    return r && toBatch(r);
  }

  setBatchState(jobId: string, index: number, state: BatchState): void {
    this.stmt('UPDATE batches SET state = ? WHERE job_id = ? AND idx = ?').run(state, jobId, index);
  }

  /** Marks a batch done with its verified output; false if another attempt won first. */
  completeBatch(b: {
    jobId: string;
    index: number;
    outputPath: string;
    outputSha256: string;
    partSha256: string | null;
    backend: string;
    where: string;
    seconds: number;
  }): boolean {
    const res = this.stmt(
      `UPDATE batches SET state = 'done', output_path = @outputPath,
           output_sha256 = @outputSha256, part_sha256 = @partSha256, backend = @backend,
           location = @where, seconds = @seconds
         WHERE job_id = @jobId AND idx = @index AND state != 'done'`,
    ).run(b);
    return res.changes === 1;
  }

  // ---- attempts ----

  /** Opens the next attempt at a batch; attempt numbers never repeat. */
  openAttempt(jobId: string, batchIndex: number, backend: string): AttemptRecord {
    return this.tx(() => {
      this.stmt(
        `UPDATE batches SET attempts = attempts + 1, state = 'running'
           WHERE job_id = ? AND idx = ?`,
      ).run(jobId, batchIndex);
      const number = (
        this.stmt('SELECT attempts FROM batches WHERE job_id = ? AND idx = ?').get(
          jobId,
          batchIndex,
        ) as { attempts: number }
      ).attempts;
      const info = this.stmt(
        `INSERT INTO attempts (job_id, batch_idx, number, backend, state, started_at)
           VALUES (?, ?, ?, ?, 'running', ?)`,
      ).run(jobId, batchIndex, number, backend, Date.now());
      return this.attempt(Number(info.lastInsertRowid))!;
    });
  }

  attempt(id: number): AttemptRecord | undefined {
    const r = this.stmt('SELECT * FROM attempts WHERE id = ?').get(id) as Row | undefined;
    return r && toAttempt(r);
  }

  attempts(jobId: string): AttemptRecord[] {
    return (
      this.stmt('SELECT * FROM attempts WHERE job_id = ? ORDER BY batch_idx, number').all(
        jobId,
      ) as Row[]
    ).map(toAttempt);
  }

  runningAttempts(jobId: string): AttemptRecord[] {
    return (
      this.stmt(`SELECT * FROM attempts WHERE job_id = ? AND state = 'running' ORDER BY id`).all(
        jobId,
      ) as Row[]
    ).map(toAttempt);
  }

  setAttemptStarted(id: number, where: string, externalId?: string): void {
    this.stmt(
      'UPDATE attempts SET location = ?, external_id = COALESCE(?, external_id) WHERE id = ?',
    ).run(where, externalId ?? null, id);
  }

  closeAttempt(id: number, state: AttemptState, error?: string): boolean {
    const res = this.stmt(
      `UPDATE attempts SET state = ?, error = ?, ended_at = ? WHERE id = ? AND state = 'running'`,
    ).run(state, error ?? null, Date.now(), id);
    return res.changes === 1;
  }

  // ---- events ----

  addEvent(jobId: string, type: string, data: Record<string, unknown> = {}): EventRecord {
    const at = Date.now();
    const info = this.stmt('INSERT INTO events (job_id, at, type, data) VALUES (?, ?, ?, ?)').run(
      jobId,
      at,
      type,
      JSON.stringify(data),
    );
    return { id: Number(info.lastInsertRowid), jobId, at, type, data };
  }

  events(jobId: string | undefined, afterId: number, limit = 1000): EventRecord[] {
    const rows = jobId
      ? this.stmt('SELECT * FROM events WHERE job_id = ? AND id > ? ORDER BY id LIMIT ?').all(
          jobId,
          afterId,
          limit,
        )
      : this.stmt('SELECT * FROM events WHERE id > ? ORDER BY id LIMIT ?').all(afterId, limit);
    return (rows as Row[]).map(toEvent);
  }

  // ---- secrets ----

  putSecret(jobId: string, name: string, sealed: Sealed): void {
    this.stmt(
      `INSERT OR REPLACE INTO secrets (job_id, name, nonce, ciphertext, tag)
         VALUES (?, ?, ?, ?, ?)`,
    ).run(jobId, name, sealed.nonce, sealed.ciphertext, sealed.tag);
  }

  secret(jobId: string, name: string): Sealed | undefined {
    return this.stmt(
      'SELECT nonce, ciphertext, tag FROM secrets WHERE job_id = ? AND name = ?',
    ).get(jobId, name) as Sealed | undefined;
  }

  deleteSecrets(jobId: string): void {
    this.stmt('DELETE FROM secrets WHERE job_id = ?').run(jobId);
  }
}
