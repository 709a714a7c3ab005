-- The work queue: one row per batch of articles, taken with FOR UPDATE SKIP LOCKED. Times are the server's
-- (now()), so that workers on several machines share one clock.
CREATE TABLE queue_jobs (
  id bigserial PRIMARY KEY,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'running', 'done', 'failed')),
  -- The batch's articles, a JSON array as `dyad enqueue` read them.
  articles text NOT NULL,
  size integer NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  -- Set when a worker takes the batch; marking it done or failed needs the same lease.
  lease uuid,
  worker text,
  run_after timestamptz NOT NULL DEFAULT now(),
  locked_until timestamptz,
  enqueued_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  done_at timestamptz,
  error text
);

-- Only the batches still to do are indexed: the done ones (nearly all of a long run) cost the index nothing.
CREATE INDEX queue_jobs_open ON queue_jobs (id) WHERE state IN ('pending', 'running');
CREATE INDEX queue_jobs_done_at ON queue_jobs (done_at) WHERE state = 'done';

-- Every article ever enqueued, by identity (id and text hash): the same article enqueued twice is coded once.
CREATE TABLE queue_articles (
  key text PRIMARY KEY
);
