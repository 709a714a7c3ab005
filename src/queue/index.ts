// The work queue: opened from a store URL (PostgreSQL only).
import type { Queue, QueueOptions } from "./types.js";

export type * from "./types.js";

export async function openQueue(url: string, options: QueueOptions = {}): Promise<Queue> {
  const { openPostgresQueue } = await import("./postgres.js");
  return openPostgresQueue(url, options);
}
