// Fixed-size binary records on disk, read and written through large buffers: the
// runs and merges of the external sort and the join stream through these.
import { open, type FileHandle } from 'node:fs/promises';

const BUFFER_BYTES = 1 << 20;

export class RecordReader {
  private file: FileHandle | undefined;
  private readonly buf: Buffer;
  private start = 0;
  private end = 0;
  private eof = false;

  private constructor(
    file: FileHandle,
    readonly size: number,
  ) {
    this.file = file;
    this.buf = Buffer.allocUnsafe(Math.max(size, Math.floor(BUFFER_BYTES / size) * size));
  }

  static async open(path: string, size: number): Promise<RecordReader> {
    return new RecordReader(await open(path, 'r'), size);
  }

  /** The next record (valid until the following call), or undefined at the end. */
  async next(): Promise<Buffer | undefined> {
    if (this.end - this.start < this.size) {
      if (this.eof) return undefined;
      await this.fill();
      if (this.end - this.start < this.size) return undefined;
    }
    const r = this.buf.subarray(this.start, this.start + this.size);
    this.start += this.size;
    return r;
  }

  private async fill(): Promise<void> {
    this.buf.copy(this.buf, 0, this.start, this.end);
    this.end -= this.start;
    this.start = 0;
    while (this.end < this.buf.length && !this.eof) {
      const { bytesRead } = await this.file!.read(this.buf, this.end, this.buf.length - this.end);
      if (bytesRead === 0) this.eof = true;
      this.end += bytesRead;
    }
  }

  async close(): Promise<void> {
    await this.file?.close();
    this.file = undefined;
  }
}

export class RecordWriter {
  private readonly buf = Buffer.allocUnsafe(BUFFER_BYTES);
  private used = 0;
  count = 0;

  private constructor(private readonly file: FileHandle) {}

  static async create(path: string): Promise<RecordWriter> {
    return new RecordWriter(await open(path, 'w', 0o600));
  }

  async write(record: Buffer): Promise<void> {
    if (this.used + record.length > this.buf.length) await this.flush();
    if (record.length > this.buf.length) {
      await this.file.write(record);
    } else {
      record.copy(this.buf, this.used);
      this.used += record.length;
    }
    this.count++;
  }

  private async flush(): Promise<void> {
    if (this.used > 0) await this.file.write(this.buf, 0, this.used);
    this.used = 0;
  }

  async close(): Promise<void> {
    await this.flush();
    await this.file.close();
  }
}
