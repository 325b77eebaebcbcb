// Line-oriented files of the PSI flow: identifiers (UTF-8 text, one a line) and
// blinded sets (64 hexadecimal digits a line), read in batches and written in order.
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

/** Yields the lines of a file in batches of up to `size`, without line ends. */
export async function* lineBatches(path: string, size: number): AsyncGenerator<string[]> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  let batch: string[] = [];
  for await (const line of lines) {
    batch.push(line);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

export class LineWriter {
  private readonly out: WriteStream;

  constructor(path: string) {
    this.out = createWriteStream(path, { mode: 0o600 });
  }

  async write(lines: readonly string[]): Promise<void> {
    if (lines.length === 0) return;
    if (!this.out.write(lines.join('\n') + '\n')) await once(this.out, 'drain');
  }

  async close(): Promise<void> {
    this.out.end();
    await once(this.out, 'finish');
  }
}
