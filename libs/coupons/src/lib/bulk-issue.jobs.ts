import type { JobsOptions } from 'bullmq';
import { JobName, type JobPayloads } from '@mop/queues';

/** Tries of one run's job before the sweep takes over; the last one records what still fails instead of retrying. */
export const BULK_ISSUE_ATTEMPTS = 5;

/**
 * The job that runs a bulk issue: its id is the run's id, so a start replayed, the sweep and a late
 * enqueue all make one job. The run's rows are the record of progress, never the job.
 */
export function bulkIssueJob(runId: string): { name: JobName.RunBulkIssue; data: JobPayloads[JobName.RunBulkIssue]; opts: JobsOptions } {
  return {
    name: JobName.RunBulkIssue,
    data: { runId },
    opts: {
      jobId: runId,
      attempts: BULK_ISSUE_ATTEMPTS,
      backoff: { type: 'exponential', delay: 5_000 },
      removeOnComplete: { age: 24 * 3600, count: 1_000 },
      removeOnFail: { age: 7 * 24 * 3600, count: 1_000 },
    },
  };
}
