#!/usr/bin/env node
// Entry point of the `offload` command; the CLI itself is compiled from TypeScript.
import { main } from '../dist/src/cli/main.js';

await main(process.argv);
