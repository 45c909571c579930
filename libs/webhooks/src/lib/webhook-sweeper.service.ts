import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { type Db, PRISMA } from '@mop/data-access';
import { QueueName } from '@mop/queues';
import { deliveryJob, deliveryJobId, WEBHOOK_CONFIG, type WebhookConfig } from './webhook-jobs';

/** How overdue a pending delivery must be before the sweeper looks for its job. */
export const SWEEP_GRACE_MS = 60_000;
const SWEEP_BATCH = 500;

/**
 * PostgreSQL is the record of what is due; Redis only carries the jobs. A PENDING delivery whose next
 * attempt is over a minute late and whose job is gone (a worker crash, a Redis that lost its data) or
 * finished without settling it gets its job back, under the same deterministic id: two sweepers, or a
 * sweeper and a late dispatch, still make one job.
 */
@Injectable()
export class WebhookSweeper {
  private readonly logger = new Logger(WebhookSweeper.name);

  constructor(
    @Inject(PRISMA) private readonly db: Db,
    @InjectQueue(QueueName.Webhooks) private readonly queue: Queue,
    @Inject(WEBHOOK_CONFIG) private readonly config: WebhookConfig,
  ) {}

  async sweep(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - SWEEP_GRACE_MS);
    const overdue = await this.db.webhookDelivery.findMany({
      where: { status: 'PENDING', OR: [{ nextAttemptAt: { lt: cutoff } }, { nextAttemptAt: null, createdAt: { lt: cutoff } }] },
      select: { id: true, replays: true },
      orderBy: { nextAttemptAt: 'asc' },
      take: SWEEP_BATCH,
    });
    let requeued = 0;
    for (const delivery of overdue) {
      const job = await this.queue.getJob(deliveryJobId(delivery));
      if (job) {
        const state = await job.getState();
        // Waiting (a busy queue), delayed or running: the job will settle the delivery.
        if (state !== 'completed' && state !== 'failed') continue;
        await job.remove().catch(() => undefined);
      }
      const { name, data, opts } = deliveryJob(delivery, this.config);
      await this.queue.add(name, data, opts);
      requeued += 1;
    }
    if (requeued) this.logger.warn(`re-enqueued ${requeued} overdue webhook deliveries without a live job`);
    return requeued;
  }
}
