import Download from '@mui/icons-material/Download';
import { Button } from '@mui/material';
import { useState } from 'react';
import { downloadCSV, useListContext, useNotify, useTranslate } from 'react-admin';
import { formatCode, couponSearchTerm } from './couponCode';
import { fetchCoupons, type CouponFilterInput, type CouponRecord } from './couponApi';
import { toCsv, type CsvColumn } from './couponCsv';
import { useCouponValue } from './couponFields';

/** The server's page size limit: an export reads pages of this many. */
const PAGE = 100;
/** Beyond this, an export is a job for the API (a merchant's own systems), not for a browser. */
export const MAX_EXPORT = 10_000;
const EXPORT_FIELDS = 'id code customerRef stockId stockName status type faceValue percentOff maxDiscount exchangeItem currency claimedVia claimedAt validFrom validUntil redeemedAt revokedAt expiredAt';

/**
 * Exports the coupons the list shows (its filters, every page) as CSV. react-admin's ExportButton
 * asks for one page of 1,000, above the API's limit of 100: this one reads page after page, oldest
 * claim first, so that claims made meanwhile land at the end instead of shifting the pages.
 */
export const CouponExportButton = ({ filename = 'coupons' }: { filename?: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const value = useCouponValue();
  const { filter, filterValues, total } = useListContext();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);

  const columns: CsvColumn<CouponRecord>[] = [
    { header: translate('resources.Coupon.fields.code'), value: (c) => c.code },
    { header: translate('mop.customer_coupons.csv.code_grouped'), value: (c) => formatCode(c.code) },
    { header: translate('resources.Coupon.fields.customerRef'), value: (c) => c.customerRef },
    { header: translate('resources.Coupon.fields.stockName'), value: (c) => c.stockName },
    { header: translate('resources.Coupon.fields.status'), value: (c) => translate(`mop.status.${c.status}`, { _: c.status }) },
    { header: translate('mop.customer_coupons.fields.value'), value: (c) => value(c) },
    { header: translate('resources.Coupon.fields.claimedVia'), value: (c) => translate(`mop.coupons.channels.${c.claimedVia}`, { _: c.claimedVia }) },
    { header: translate('resources.Coupon.fields.claimedAt'), value: (c) => c.claimedAt },
    { header: translate('resources.Coupon.fields.validFrom'), value: (c) => c.validFrom },
    { header: translate('resources.Coupon.fields.validUntil'), value: (c) => c.validUntil },
    { header: translate('resources.Coupon.fields.redeemedAt'), value: (c) => c.redeemedAt },
    { header: translate('resources.Coupon.fields.revokedAt'), value: (c) => c.revokedAt },
    { header: translate('resources.Coupon.fields.expiredAt'), value: (c) => c.expiredAt },
  ];

  const exportAll = async () => {
    const merged: Record<string, unknown> = { ...(filterValues ?? {}), ...(filter ?? {}) };
    const query: CouponFilterInput = {};
    if (typeof merged['q'] === 'string' && merged['q'].trim()) query.q = couponSearchTerm(merged['q']);
    if (typeof merged['stockId'] === 'string') query.stockId = merged['stockId'];
    if (typeof merged['customerRef'] === 'string') query.customerRef = merged['customerRef'];
    if (typeof merged['status'] === 'string') query.status = merged['status'] as CouponFilterInput['status'];
    const rows: CouponRecord[] = [];
    setProgress({ done: 0, total: Math.min(total ?? 0, MAX_EXPORT) });
    try {
      for (let page = 0; ; page += 1) {
        const { coupons, total: count } = await fetchCoupons(query, { page, perPage: PAGE, sortField: 'claimedAt', sortOrder: 'ASC', fields: EXPORT_FIELDS });
        rows.push(...coupons);
        setProgress({ done: rows.length, total: Math.min(count, MAX_EXPORT) });
        if (coupons.length < PAGE || rows.length >= Math.min(count, MAX_EXPORT)) {
          if (count > MAX_EXPORT) notify('mop.customer_coupons.csv.truncated', { type: 'warning', messageArgs: { max: MAX_EXPORT.toLocaleString(), total: count.toLocaleString() } });
          break;
        }
      }
      downloadCSV(toCsv(rows.slice(0, MAX_EXPORT), columns), filename);
    } catch {
      notify('mop.customer_coupons.csv.failed', { type: 'error', messageArgs: { count: rows.length } });
    } finally {
      setProgress(null);
    }
  };

  return (
    <Button size="small" startIcon={<Download />} onClick={exportAll} disabled={Boolean(progress) || !total} data-testid="coupon-export">
      {progress ? translate('mop.customer_coupons.csv.progress', { done: progress.done.toLocaleString(), total: progress.total.toLocaleString() }) : translate('ra.action.export')}
    </Button>
  );
};
