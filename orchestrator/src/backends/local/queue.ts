// The local pool's task queue: a FIFO per priority, highest first. Verifying an output
// comes before framing a batch, and framing before running one, so that a pool busy
// with queued batch runs still accepts finished outputs at once and the result is
// assembled while the job runs instead of after it.
import { queueOptionsSymbol, type TaskQueue } from 'piscina';

type Task = Parameters<TaskQueue['push']>[0];

export const PRIORITY = { verify: 0, frame: 1, run: 2 } as const;
export type Priority = (typeof PRIORITY)[keyof typeof PRIORITY];

/** Marks a task with its priority; piscina hands the mark to the queue, not the worker. */
export function withPriority<T extends object>(task: T, priority: Priority): T {
  return Object.assign(task, { [queueOptionsSymbol]: { priority } });
}

function priorityOf(task: Task): number {
  const options = task[queueOptionsSymbol] as { priority?: number } | null;
  return options?.priority ?? PRIORITY.run;
}

export class PriorityTaskQueue implements TaskQueue {
  private readonly levels: Task[][] = Object.values(PRIORITY).map(() => []);
  private count = 0;

  get size(): number {
    return this.count;
  }

  private levelOf(task: Task): number {
    return Math.min(Math.max(priorityOf(task), 0), this.levels.length - 1);
  }

  push(task: Task): void {
    this.levels[this.levelOf(task)]!.push(task);
    this.count++;
  }

  /** Puts back a task that could not start, ahead of its peers. */
  unshift(task: Task): void {
    this.levels[this.levelOf(task)]!.unshift(task);
    this.count++;
  }

  shift(): Task | null {
    for (const level of this.levels) {
      if (level.length > 0) {
        this.count--;
        return level.shift()!;
      }
    }
    return null;
  }

  remove(task: Task): void {
    for (const level of this.levels) {
      const at = level.indexOf(task);
      if (at !== -1) {
        level.splice(at, 1);
        this.count--;
        return;
      }
    }
  }
}
