import { Box, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useGetOne, useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime } from '../common';
import type { RedemptionRecord, RedemptionResultRecord } from './couponApi';
import { useMoney } from './couponFields';

/** A store's name from its id; the id itself while loading or when it cannot be read. */
export const StoreName = ({ id }: { id: string | null }) => {
  const translate = useTranslate();
  const { data } = useGetOne<{ id: string; name: string }>('Store', { id: id ?? '' }, { enabled: Boolean(id) });
  if (!id) return <>{translate('mop.counter.no_store')}</>;
  return <>{data?.name ?? id}</>;
};

const Row = ({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) => (
  <TableRow>
    <TableCell sx={{ color: 'text.secondary', pl: 0, width: '42%', borderBottomStyle: 'dashed' }}>{label}</TableCell>
    <TableCell sx={{ pr: 0, borderBottomStyle: 'dashed', overflowWrap: 'anywhere' }} data-testid={testId}>
      {children}
    </TableCell>
  </TableRow>
);

type AnyRedemption = RedemptionRecord | RedemptionResultRecord;

const actorOf = (r: AnyRedemption): string | null => {
  if (!('redeemedByUserId' in r)) return null;
  if (r.redeemedByProviderId) return 'provider';
  if (r.redeemedByApiKeyId) return 'api_key';
  return r.redeemedByUserId ? 'user' : null;
};

/** What a redemption took off which order, where and when (and, once reversed, when and why). */
export const RedemptionDetails = ({ redemption }: { redemption: AnyRedemption }) => {
  const translate = useTranslate();
  const money = useMoney();
  const [locale] = useLocaleState();
  const actor = actorOf(redemption);
  const reversed = 'reversedAt' in redemption && redemption.reversedAt ? redemption : null;
  return (
    <Box data-testid="redemption-details">
      <Table size="small">
        <TableBody>
          <Row label={translate('resources.Redemption.fields.redeemedAt')}>{formatDateTime(redemption.redeemedAt, locale)}</Row>
          <Row label={translate('resources.Redemption.fields.storeId')}>
            <StoreName id={redemption.storeId} />
          </Row>
          <Row label={translate('resources.Redemption.fields.orderAmount')} testId="redemption-order-amount">
            {money(redemption.orderAmount, redemption.currency)}
          </Row>
          <Row label={translate('resources.Redemption.fields.discountAmount')} testId="redemption-discount">
            {money(redemption.discountAmount, redemption.currency)}
          </Row>
          <Row label={translate('mop.counter.to_pay')}>{money(Math.max(0, redemption.orderAmount - redemption.discountAmount), redemption.currency)}</Row>
          {redemption.orderRef && <Row label={translate('resources.Redemption.fields.orderRef')}>{redemption.orderRef}</Row>}
          {actor && <Row label={translate('resources.Redemption.fields.redeemedBy')}>{translate(`mop.counter.actors.${actor}`)}</Row>}
          {reversed?.reversedAt && (
            <Row label={translate('resources.Redemption.fields.reversedAt')} testId="redemption-reversed-at">
              {formatDateTime(reversed.reversedAt, locale)}
              {reversed.reverseReason ? ` · ${reversed.reverseReason}` : ''}
            </Row>
          )}
          <Row label={translate('resources.Redemption.fields.id')}>
            <Typography component="span" variant="caption" sx={{ fontFamily: 'monospace' }}>
              {redemption.id}
            </Typography>
          </Row>
        </TableBody>
      </Table>
    </Box>
  );
};
