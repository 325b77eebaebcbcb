// Finds the dev cluster that `bash scripts/dev-cluster.sh up` started, or fails with a
// message saying how to start it: tests that need a real cluster must not pass without one.
import { access } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { loadConfig, pickCluster } from '../../src/config/index.js';
import type { ClusterConfig } from '../../src/config/index.js';

const START = 'start it with `bash scripts/dev-cluster.sh up`';

export function devConfigPath(): string {
  const dir = process.env.OFFLOAD_DEV_CLUSTER_DIR ?? '/tmp/offload-dev-cluster';
  return process.env.OFFLOAD_DEV_CONFIG ?? join(dir, 'offload.yaml');
}

function portOpen(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.setTimeout(3000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** The `dev` cluster's configuration, once its sshd is seen answering. */
export async function devCluster(): Promise<ClusterConfig> {
  const file = devConfigPath();
  try {
    await access(file);
  } catch {
    throw new Error(`the dev cluster is not set up (no ${file}); ${START}`);
  }
  const cluster = pickCluster(await loadConfig({ file }), 'dev');
  const { host, port } = cluster.staging;
  if (!(await portOpen(host!, port))) {
    throw new Error(`the dev cluster's sshd does not answer on ${host}:${port}; ${START}`);
  }
  return cluster;
}
