/**
 * The queue contracts: one enum of job names, a typed payload per name, and the queue each runs on.
 * Payloads carry ids and settings only — never entities or personal data.
 */
export enum QueueName {
  Maintenance = 'maintenance',
}

export enum JobName {
  PurgeSessions = 'sessions.purge',
  PurgeIdempotencyRecords = 'idempotency.purge',
}

export interface JobPayloads {
  [JobName.PurgeSessions]: { retentionDays: number };
  [JobName.PurgeIdempotencyRecords]: Record<string, never>;
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.PurgeSessions]: QueueName.Maintenance,
  [JobName.PurgeIdempotencyRecords]: QueueName.Maintenance,
};

export type JobHandler<N extends JobName> = (payload: JobPayloads[N]) => Promise<unknown>;
export type JobHandlers = { [N in JobName]?: JobHandler<N> };

/** The jobs a queue runs: a processor must have a handler for each, or the worker refuses to start. */
export function jobsOf(queue: QueueName): JobName[] {
  return (Object.keys(JOB_QUEUE) as JobName[]).filter((name) => JOB_QUEUE[name] === queue);
}

export function assertAllHandled(queue: QueueName, handlers: JobHandlers): void {
  const missing = jobsOf(queue).filter((name) => !handlers[name]);
  if (missing.length) throw new Error(`Queue "${queue}" has no handler for: ${missing.join(', ')}`);
}

/** Recurring schedules, owned by the worker: upserted by id at start, so N workers keep one schedule. */
export const SCHEDULES = [
  { id: 'purge-sessions', queue: QueueName.Maintenance, name: JobName.PurgeSessions, everyMs: 15 * 60_000, data: { retentionDays: 7 } },
  { id: 'purge-idempotency', queue: QueueName.Maintenance, name: JobName.PurgeIdempotencyRecords, everyMs: 60 * 60_000, data: {} },
] as const;
