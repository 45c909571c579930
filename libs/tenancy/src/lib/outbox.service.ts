import { Injectable } from '@nestjs/common';
import type { Prisma, Tx } from '@mop/data-access';

export interface OutgoingEmail {
  to: string;
  subject: string;
  body: string;
  template: string;
  /** What the template is rendered from; never secrets that are not in the message itself. */
  variables: Record<string, unknown>;
  merchantId?: string | null;
}

/**
 * E-mails leave through the outbox: a row written in the transaction of its cause (so an e-mail is
 * sent exactly when its cause committed), which a mailer delivers later. There is no mail server yet:
 * the row is the record of what a real mailer would send.
 */
@Injectable()
export class OutboxService {
  async enqueue(tx: Tx, email: OutgoingEmail) {
    return tx.outboxEmail.create({
      data: {
        to: email.to,
        subject: email.subject,
        body: email.body,
        template: email.template,
        variables: email.variables as Prisma.InputJsonValue,
        merchantId: email.merchantId ?? null,
      },
    });
  }
}
