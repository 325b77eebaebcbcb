// Entry point of `npm run bench`; see run.ts for the options.
import { runBench } from './run.js';

process.exitCode = await runBench(process.argv.slice(2));
