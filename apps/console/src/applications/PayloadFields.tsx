import { Box, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { categoryLabel } from '../common/categories';
import { CouponStockPayload } from '../coupons/CouponStockPayload';
import { sortedHours } from '../stores/openingHours';

/** The resource whose field labels name a payload's keys, per application kind. */
const LABELS_BY_KIND: Record<string, string> = {
  MERCHANT_ONBOARDING: 'Merchant',
  PROVIDER_ONBOARDING: 'ServiceProvider',
};
const NESTED_RESOURCE: Record<string, string> = { firstStore: 'Store' };

/** The order a reviewer reads an application in (the snapshot's own key order is arbitrary). */
const KEY_ORDER = [
  'legalName',
  'displayName',
  'name',
  'licenceNumber',
  'category',
  'description',
  'website',
  'contactName',
  'contactEmail',
  'contactPhone',
  'country',
  'currency',
  'timeZone',
  'firstStore',
  'code',
  'address',
  'openingHours',
];
const rank = (key: string) => (KEY_ORDER.includes(key) ? KEY_ORDER.indexOf(key) : KEY_ORDER.length);

const humanize = (key: string) => key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());

type Value = string | number | boolean | null | undefined | Value[] | { [key: string]: Value };

/** The submitted snapshot as labelled fields, nested objects as their own little tables. */
export const PayloadFields = ({ kind, payload }: { kind: string; payload: Record<string, Value> | null | undefined }) => {
  const translate = useTranslate();
  if (!payload || typeof payload !== 'object') return <Typography color="text.secondary">—</Typography>;
  // A stock's terms read as on the stock's page (amounts in its currency, windows in local time).
  if (kind === 'COUPON_PUBLIC_CHANNEL') return <CouponStockPayload payload={payload} />;
  return <PayloadTable resource={LABELS_BY_KIND[kind]} value={payload} translate={translate} />;
};

const PayloadTable = ({
  resource,
  value,
  translate,
}: {
  resource: string | undefined;
  value: Record<string, Value>;
  translate: ReturnType<typeof useTranslate>;
}) => {
  const label = (key: string) =>
    resource
      ? translate(`resources.${resource}.fields.${key}`, { _: translate(`mop.review.payload.${key}`, { _: humanize(key) }) })
      : translate(`mop.review.payload.${key}`, { _: humanize(key) });
  return (
    <Table size="small" data-testid="application-payload">
      <TableBody>
        {Object.entries(value)
          .filter(([key]) => key !== '__typename')
          .sort(([a], [b]) => rank(a) - rank(b))
          .map(([key, v]) => (
            <TableRow key={key} data-field={key}>
              <TableCell sx={{ color: 'text.secondary', width: 200, verticalAlign: 'top', pl: 0 }}>{label(key)}</TableCell>
              <TableCell sx={{ verticalAlign: 'top' }}>
                <PayloadValue name={key} value={v} resource={NESTED_RESOURCE[key]} translate={translate} />
              </TableCell>
            </TableRow>
          ))}
      </TableBody>
    </Table>
  );
};

const PayloadValue = ({
  name,
  value,
  resource,
  translate,
}: {
  name: string;
  value: Value;
  resource: string | undefined;
  translate: ReturnType<typeof useTranslate>;
}) => {
  if (value === null || value === undefined || value === '') return <span>—</span>;
  if (typeof value === 'boolean') return <span>{translate(value ? 'mop.common.yes' : 'mop.common.no')}</span>;
  if (name === 'openingHours' && Array.isArray(value)) {
    const hours = sortedHours(value as never);
    if (!hours.length) return <span>{translate('mop.stores.no_hours')}</span>;
    return (
      <Box>
        {hours.map((h, i) => (
          <div key={i}>
            {translate(`mop.weekdays.${h.weekday}`)} {h.opens} – {h.closes}
          </div>
        ))}
      </Box>
    );
  }
  if (Array.isArray(value)) {
    return (
      <Box>
        {value.map((item, i) => (
          <PayloadValue key={i} name={name} value={item} resource={resource} translate={translate} />
        ))}
      </Box>
    );
  }
  if (typeof value === 'object') {
    return (
      <Box sx={{ border: '1px solid', borderColor: 'divider', borderRadius: 1, px: 1.5 }}>
        <PayloadTable resource={resource} value={value} translate={translate} />
      </Box>
    );
  }
  if (name === 'category' && typeof value === 'string') return <span>{categoryLabel(translate, value)}</span>;
  return <span style={{ whiteSpace: 'pre-wrap' }}>{String(value)}</span>;
};
