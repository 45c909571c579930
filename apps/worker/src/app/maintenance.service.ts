import { Inject, Injectable, Logger } from '@nestjs/common';
import { type Db, PRISMA } from '@mop/data-access';

/**
 * Housekeeping of records that only matter for a while. A session stops working the moment it
 * expires (the API checks the instants); this removes the dead rows once they are past retention.
 */
@Injectable()
export class MaintenanceService {
  private readonly logger = new Logger(MaintenanceService.name);

  constructor(@Inject(PRISMA) private readonly db: Db) {}

  async purgeSessions(retentionDays: number, now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
    const { count } = await this.db.session.deleteMany({
      where: { OR: [{ absoluteExpiresAt: { lt: cutoff } }, { idleExpiresAt: { lt: cutoff } }, { revokedAt: { lt: cutoff } }] },
    });
    this.logger.log(`purged ${count} sessions ended before ${cutoff.toISOString()}`);
    return count;
  }

  async purgeIdempotencyRecords(now = new Date()): Promise<number> {
    const { count } = await this.db.idempotencyRecord.deleteMany({ where: { expiresAt: { lt: now } } });
    this.logger.log(`purged ${count} expired idempotency records`);
    return count;
  }
}
