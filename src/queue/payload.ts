// A queued batch's articles: written by enqueue, checked when a worker reads them back.
import { z } from "zod";
import { DyadError } from "../core/errors.js";
import type { Article } from "../core/types.js";
import type { Job } from "./types.js";

const ArticleSchema = z.object({
  id: z.string().min(1),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  text: z.string(),
  title: z.string().optional(),
  url: z.string().optional(),
  source: z.string().optional(),
  origin: z.string().optional(),
});

const PayloadSchema = z.array(ArticleSchema).min(1);

export function toPayload(articles: readonly Article[]): string {
  return JSON.stringify(articles);
}

/** The batch's articles; a payload that is not what enqueue writes fails the batch (E_QUEUE_PAYLOAD). */
export function jobArticles(job: Job): Article[] {
  let value: unknown;
  try {
    value = JSON.parse(job.payload);
  } catch (e) {
    throw new DyadError("E_QUEUE_PAYLOAD", `not JSON: ${(e as Error).message}`, `queue batch ${job.id}`);
  }
  const parsed = PayloadSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DyadError(
      "E_QUEUE_PAYLOAD",
      `${issue.path.join(".") || "batch"}: ${issue.message}`,
      `queue batch ${job.id}`,
    );
  }
  return parsed.data as Article[];
}
