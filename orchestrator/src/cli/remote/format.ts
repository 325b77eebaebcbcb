// Human-readable output of the remote commands; `--json` prints the messages instead.
import type { Batch__Output } from '../../api/generated/offload/v1/Batch.js';
import type { Job__Output } from '../../api/generated/offload/v1/Job.js';
import type * as queue from '../../api/generated/offload/v1/QueueViewResponse.js';
import { stateName } from './progress.js';

function when(ms: number): string {
  return ms ? new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z') : '-';
}

/** Columns padded to their widest cell. */
export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function jobRow(job: Job__Output): string[] {
  const p = job.progress;
  return [
    job.id,
    stateName(job.state),
    job.kernel,
    p ? `${p.batchesDone}/${p.batchesTotal}` : '-',
    job.owner,
    when(job.createdAtMs),
    job.name,
  ];
}

export function jobsTable(jobs: Job__Output[]): string {
  const head = ['ID', 'STATE', 'KERNEL', 'BATCHES', 'OWNER', 'CREATED', 'NAME'];
  return table([head, ...jobs.map(jobRow)]);
}

export function jobDetails(job: Job__Output, batches: Batch__Output[]): string {
  const p = job.progress;
  const lines = [
    `job       ${job.id}  ${job.name}`,
    `state     ${stateName(job.state)}${job.error ? `: ${job.error}` : ''}`,
    `kernel    ${job.kernel}  sha256 ${job.kernelSha256}`,
    `owner     ${job.owner}  target ${job.target}`,
    `progress  ${p?.batchesDone ?? 0}/${p?.batchesTotal ?? 0} batches, ` +
      `${p?.recordsDone ?? 0}/${p?.recordsTotal ?? 0} records`,
    `created   ${when(job.createdAtMs)}  started ${when(job.startedAtMs)}  ` +
      `ended ${when(job.endedAtMs)}`,
  ];
  if (job.outputSha256) lines.push(`result    sha256 ${job.outputSha256}`);
  if (batches.length) {
    const head = ['BATCH', 'STATE', 'RECORDS', 'BACKEND', 'WHERE', 'ATTEMPTS', 'SECONDS'];
    const rows = batches.map((b) => [
      String(b.index),
      b.state,
      String(b.records),
      b.backend || '-',
      b.where || '-',
      String(b.attempts),
      b.seconds ? b.seconds.toFixed(2) : '-',
    ]);
    lines.push('', table([head, ...rows]));
  }
  return lines.join('\n');
}

export function queueTable(view: queue.QueueViewResponse__Output): string {
  const intake = view.intake;
  const paused = intake?.paused ? `paused by ${intake.pausedBy}: ${intake.reason || '-'}` : '';
  const lines = [`intake    ${paused || 'open'}`];
  if (intake?.drainingClusters.length)
    lines.push(`draining  ${intake.drainingClusters.join(', ')}`);
  lines.push(`jobs      ${view.counts.map((c) => `${stateName(c.state)} ${c.jobs}`).join(', ')}`);
  const head = ['ID', 'STATE', 'OWNER', 'KERNEL', 'CLUSTER', 'BATCHES BY BACKEND', 'REMOTE IDS'];
  const rows = view.entries.map((e) => [
    e.job?.id ?? '',
    stateName(e.job?.state ?? ''),
    e.job?.owner ?? '',
    e.job?.kernel ?? '',
    e.cluster || '-',
    e.backends
      .map((b) => `${b.backend} ${b.done}/${b.pending + b.running + b.done + b.failed}`)
      .join(' ') || '-',
    e.externalIds.join(',') || '-',
  ]);
  if (rows.length) lines.push('', table([head, ...rows]));
  return lines.join('\n');
}
