// data_parser v0.0.43 (Slurm 25.05-25.11): the script inside `job`; the shared data_parser
// mapping.
import type { components, paths } from '../generated/v0043.js';
import type { SlurmTransport } from '../http.js';
import type { ArraySubmitRequest } from '../model.js';
import {
  bindDataParser,
  jobDesc,
  listOf,
  parseJob,
  parseNode,
  parsePartition,
  parsePing,
  parseSubmit,
} from './data-parser.js';
import type { SlurmAdapter } from './types.js';

type S = components['schemas'];
// Only the paths used: typing the client over all of them costs the type checker more
// (214k instantiations for the six adapters, against 193k with these picks).
type UsedPaths = Pick<
  paths,
  | '/slurm/v0.0.43/ping/'
  | '/slurm/v0.0.43/job/submit'
  | '/slurm/v0.0.43/jobs/'
  | '/slurm/v0.0.43/job/{job_id}'
  | '/slurm/v0.0.43/partitions/'
  | '/slurm/v0.0.43/nodes/'
>;
type SubmitBody = S['v0.0.43_job_submit_req'];

const parsers = {
  submitBody: (req: ArraySubmitRequest): SubmitBody => {
    const job: S['v0.0.43_job_desc_msg'] = jobDesc(req, true);
    return { job };
  },
  parseSubmit: (body: unknown) => parseSubmit(body as S['v0.0.43_openapi_job_submit_response']),
  parseJobs: listOf<S['v0.0.43_job_info'], ReturnType<typeof parseJob>>('jobs', parseJob),
  parsePartitions: listOf<S['v0.0.43_partition_info'], ReturnType<typeof parsePartition>>(
    'partitions',
    parsePartition,
  ),
  parseNodes: listOf<S['v0.0.43_node'], ReturnType<typeof parseNode>>('nodes', parseNode),
  parsePings: listOf<S['v0.0.43_controller_ping'], ReturnType<typeof parsePing>>(
    'pings',
    parsePing,
  ),
};

function bind(transport: SlurmTransport) {
  const api = transport.typed<UsedPaths>();
  return bindDataParser<SubmitBody>(
    'v0.0.43',
    transport,
    {
      ping: () => api.GET('/slurm/v0.0.43/ping/'),
      submit: (body) => api.POST('/slurm/v0.0.43/job/submit', { body }),
      jobs: () => api.GET('/slurm/v0.0.43/jobs/'),
      cancel: (id) =>
        api.DELETE('/slurm/v0.0.43/job/{job_id}', { params: { path: { job_id: id } } }),
      partitions: () => api.GET('/slurm/v0.0.43/partitions/'),
      nodes: () => api.GET('/slurm/v0.0.43/nodes/'),
    },
    parsers,
  );
}

export const v0043: SlurmAdapter = { version: 'v0.0.43', ...parsers, bind };
