// Offload's configuration after validation: every default filled in, every path absolute,
// every size and duration in one unit, so the code that reads it never re-checks it.

export type StagingMode = 'sftp' | 'shared';
export type KeepWorkDir = 'never' | 'onFailure' | 'always';

/** How to reach slurmrestd: a Unix socket (local auth) or a URL with a JWT. */
export interface RestConfig {
  /** Absolute path of slurmrestd's Unix socket; set exactly when `url` is not. */
  socket?: string;
  /** Base URL, `http(s)://host:port`, without the `/slurm/...` path. */
  url?: string;
  /** Sent as `X-SLURM-USER-NAME`; for a socket, the user running Offload. */
  user: string;
  /** File holding the JWT (`X-SLURM-USER-TOKEN`); with `url` only. */
  tokenFile?: string;
  /** Environment variable holding the JWT; with `url` only. */
  tokenEnv?: string;
  /** `v0.0.38` and the like; detected from the server when absent. */
  apiVersion?: string;
}

export interface StagingConfig {
  /** `sftp` copies over SSH; `shared` copies on a file system both sides see. */
  mode: StagingMode;
  host?: string;
  port: number;
  user?: string;
  /** Absolute path of the private key (OpenSSH or PEM format). */
  privateKey?: string;
  /** Absolute path of the known_hosts file the host key is checked against. */
  knownHosts?: string;
  /** Absolute path on the cluster under which each job gets its work folder. */
  remoteRoot: string;
  keepWorkDir: KeepWorkDir;
}

export interface SlurmSettings {
  partition?: string;
  account?: string;
  qos?: string;
  /** Minutes, as slurmrestd's `time_limit` takes it. */
  timeLimit?: number;
  cpusPerTask: number;
  /** Megabytes per CPU; exclusive with `memory`. */
  memPerCpu?: number;
  /** Megabytes per node; exclusive with `memPerCpu`. */
  memory?: number;
  /** Environment modules loaded before the task runs (`module load <name>`). */
  modules: string[];
  /** The Node.js binary on the compute nodes. */
  nodeBinary: string;
  /**
   * Extra `#SBATCH` options, each starting with `--`. They are written into the batch
   * script; slurmrestd does not read `#SBATCH` lines, so through the REST submission
   * they document the job rather than change it.
   */
  extraSbatch: string[];
  /**
   * The cluster's MaxArraySize (`scontrol show config`), 1001 when unset: no slurmrestd
   * version from v0.0.38 to v0.0.44 reports it, so it is configured rather than read.
   */
  maxArraySize?: number;
  /** Seconds between two status polls of slurmrestd. */
  pollInterval: number;
}

export interface ClusterConfig {
  name: string;
  default: boolean;
  rest: RestConfig;
  staging: StagingConfig;
  slurm: SlurmSettings;
}

export interface LocalConfig {
  /** Worker threads for local batches. */
  workers: number;
}

export interface OffloadConfig {
  clusters: ClusterConfig[];
  local: LocalConfig;
  /** The file this came from; undefined when no file existed and defaults apply. */
  source?: string;
}
