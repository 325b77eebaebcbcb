// A round trip through a cluster's staging, for an operator who wants to know before
// the first job whether the host key is trusted, the key accepted, the remote root
// writable and sha256sum present: a probe file goes up, comes back, and is removed.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClusterConfig } from '../../config/types.js';
import { Stager, type StagingReason } from './staging.js';

export interface StagingCheck {
  cluster: string;
  mode: 'sftp' | 'shared';
  /** `user@host:port:/root` over SFTP, the root folder when shared. */
  target: string;
  ok: boolean;
  /** Wall time of the whole round trip, connection included. */
  seconds: number;
  error?: { reason: StagingReason; message: string };
}

const PROBE = 'probe.bin';

function targetOf(cluster: ClusterConfig): string {
  const s = cluster.staging;
  return s.mode === 'shared' ? s.remoteRoot : `${s.user}@${s.host}:${s.port}:${s.remoteRoot}`;
}

export async function checkStaging(cluster: ClusterConfig): Promise<StagingCheck> {
  const started = performance.now();
  const stager = Stager.forCluster(cluster);
  const local = await mkdtemp(join(tmpdir(), 'offload-check-'));
  const jobId = `offload-check-${randomBytes(6).toString('hex')}`;
  const probe = randomBytes(1024);
  const result: StagingCheck = {
    cluster: cluster.name,
    mode: cluster.staging.mode,
    target: targetOf(cluster),
    ok: false,
    seconds: 0,
  };
  try {
    const up = await stager.upload(jobId, [{ name: PROBE, source: probe }]);
    const down = up.ok
      ? await stager.download(jobId, [{ name: PROBE, local: join(local, PROBE) }])
      : up;
    const outcome = down.ok ? down.value[0]! : down;
    if (!outcome.ok) {
      result.error = { reason: outcome.error.reason, message: outcome.error.message };
    } else if (!(await readFile(join(local, PROBE))).equals(probe)) {
      result.error = { reason: 'digest', message: 'the probe came back with other bytes' };
    } else {
      const removed = await stager.remove(jobId);
      if (removed.ok) result.ok = true;
      else result.error = { reason: removed.error.reason, message: removed.error.message };
    }
  } finally {
    // Best effort: a probe left behind by a failed check should not outlive it.
    if (!result.ok) await stager.remove(jobId);
    await stager.close();
    await rm(local, { recursive: true, force: true });
  }
  result.seconds = (performance.now() - started) / 1000;
  return result;
}
