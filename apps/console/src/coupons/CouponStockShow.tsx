import { Alert, Box, Card, CardContent, Grid, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import {
  EditButton,
  Labeled,
  NumberField,
  Show,
  TextField,
  TopToolbar,
  useCanAccess,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { EnumField, LocaleDateField, ResourceTitle, StatusField } from '../common';
import { useActiveWorkspace } from '../workspace';
import { AdjustBudgetButton } from './AdjustBudgetButton';
import { BulkIssueSection } from './BulkIssueSection';
import { CouponStockActivity, RedemptionRateField } from './CouponStockActivity';
import { isEditable, type CouponStockRecord } from './couponStock';
import { BudgetField, ClaimWindowField, CouponValueField, MoneyField, RemainingField, StoresField, UsableWhenField, ValidityField } from './fields';
import { LifecycleButtons } from './LifecycleButtons';
import { PublicChannelButton, PublicChannelField } from './PublicChannelButton';
import { StockCoupons } from './StockCoupons';
import { UploadCodesButton, UploadedCodesField } from './UploadCodesButton';

const label = (field: string) => `mop.coupons.fields.${field}`;

const ShowActions = () => {
  const record = useRecordContext<CouponStockRecord>();
  const { canAccess: canEdit } = useCanAccess({ resource: 'CouponStock', action: 'edit', record });
  return (
    <TopToolbar sx={{ alignItems: 'center' }}>
      <LifecycleButtons />
      <UploadCodesButton />
      <PublicChannelButton />
      <AdjustBudgetButton />
      {canEdit && record && isEditable(record.status) && <EditButton data-testid="coupon-edit" />}
    </TopToolbar>
  );
};

const Panel = ({ title, children, testId }: { title: string; children: ReactNode; testId: string }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ height: '100%' }} data-testid={`panel-${testId}`}>
      <CardContent>
        <Typography variant="subtitle1" fontWeight={600} sx={{ mb: 1.5 }}>
          {translate(title)}
        </Typography>
        <Grid container spacing={2}>
          {children}
        </Grid>
      </CardContent>
    </Card>
  );
};

const Item = ({ field, children, wide = false }: { field: string; children: ReactNode; wide?: boolean }) => (
  <Grid size={{ xs: 12, sm: wide ? 12 : 6 }}>
    <Labeled label={label(field)}>{children as never}</Labeled>
  </Grid>
);

const StatusNote = () => {
  const record = useRecordContext<CouponStockRecord>();
  const translate = useTranslate();
  if (!record || record.status === 'DRAFT' || record.status === 'ACTIVE') return null;
  return (
    <Alert severity={record.status === 'PAUSED' ? 'warning' : 'info'} sx={{ mb: 2 }} data-testid="coupon-status-note">
      {translate(`mop.coupons.status_notes.${record.status}`)}
    </Alert>
  );
};

const Details = () => {
  const { kind } = useActiveWorkspace();
  const record = useRecordContext<CouponStockRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Box sx={{ p: 2 }} data-testid="coupon-stock-show">
      <StatusNote />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 6 }}>
          <Panel title="mop.coupons.sections.basics" testId="basics">
            <Item field="name">
              <TextField source="name" />
            </Item>
            <Item field="status">
              <StatusField source="status" />
            </Item>
            {kind !== 'MERCHANT' && (
              <Item field="merchantName">
                <TextField source="merchantName" />
              </Item>
            )}
            <Item field="type">
              <EnumField source="type" prefix="mop.coupon_types" />
            </Item>
            <Item field="value">
              <CouponValueField />
            </Item>
            <Item field="description" wide>
              <TextField source="description" emptyText={translate('mop.common.none')} />
            </Item>
          </Panel>
        </Grid>
        <Grid size={{ xs: 12, lg: 6 }}>
          <Panel title="mop.coupons.sections.progress" testId="progress">
            <Item field="remaining">
              <RemainingField />
            </Item>
            <Item field="budgetAmount">
              <BudgetField />
            </Item>
            <Item field="claimedCount">
              <NumberField source="claimedCount" />
            </Item>
            <Item field="redeemedCount">
              <NumberField source="redeemedCount" />
            </Item>
            <Item field="redemptionRate">
              <RedemptionRateField />
            </Item>
            <Item field="claimedAmount">
              <MoneyField source="claimedAmount" />
            </Item>
            <Item field="budgetCount">
              <NumberField source="budgetCount" emptyText={translate('mop.coupons.no_limit')} />
            </Item>
          </Panel>
        </Grid>
        <Grid size={{ xs: 12, lg: 6 }}>
          <Panel title="mop.coupons.sections.value" testId="value">
            {record.type === 'FIXED_AMOUNT' && (
              <Item field="faceValue">
                <MoneyField source="faceValue" />
              </Item>
            )}
            {record.type === 'PERCENT_OFF' && (
              <>
                <Item field="percentOff">
                  <NumberField source="percentOff" />
                </Item>
                <Item field="maxDiscount">
                  <MoneyField source="maxDiscount" />
                </Item>
              </>
            )}
            {record.type === 'EXCHANGE' && (
              <Item field="exchangeItem">
                <TextField source="exchangeItem" />
              </Item>
            )}
            <Item field="minSpend">
              <MoneyField source="minSpend" />
            </Item>
            <Item field="currency">
              <TextField source="currency" />
            </Item>
          </Panel>
        </Grid>
        <Grid size={{ xs: 12, lg: 6 }}>
          <Panel title="mop.coupons.sections.claiming" testId="claiming">
            <Item field="claimWindow" wide>
              <ClaimWindowField />
            </Item>
            <Item field="perCustomerLimit">
              <NumberField source="perCustomerLimit" />
            </Item>
            <Item field="perCustomerDailyLimit">
              <NumberField source="perCustomerDailyLimit" emptyText={translate('mop.coupons.no_limit')} />
            </Item>
            <Item field="totalQuantity">
              <NumberField source="totalQuantity" />
            </Item>
          </Panel>
        </Grid>
        <Grid size={{ xs: 12, lg: 6 }}>
          <Panel title="mop.coupons.sections.validity" testId="validity">
            <Item field="validity" wide>
              <ValidityField />
            </Item>
            <Item field="usableWhen" wide>
              <UsableWhenField />
            </Item>
            <Item field="storeIds" wide>
              <StoresField />
            </Item>
          </Panel>
        </Grid>
        <Grid size={{ xs: 12, lg: 6 }}>
          <Panel title="mop.coupons.sections.channels" testId="channels">
            <Item field="channels" wide>
              <EnumField source="channels" prefix="mop.coupons.channels" chip />
            </Item>
            <Item field="publicChannel">
              <PublicChannelField />
            </Item>
            <Item field="codeMode">
              <EnumField source="codeMode" prefix="mop.coupons.code_modes" />
            </Item>
            {record.codeMode === 'UPLOADED' && (
              <Item field="uploadedCodes">
                <UploadedCodesField />
              </Item>
            )}
            <Item field="createdAt">
              <LocaleDateField source="createdAt" />
            </Item>
            <Item field="updatedAt">
              <LocaleDateField source="updatedAt" />
            </Item>
          </Panel>
        </Grid>
        {/* Bulk issue (stocks with the BULK_ISSUE channel): its runs and the upload, in BulkIssueSection. */}
        <Grid size={12}>
          <BulkIssueSection />
        </Grid>
        {/* What happened day by day, and the coupons themselves. */}
        <Grid size={12}>
          <CouponStockActivity />
        </Grid>
        <Grid size={12}>
          <StockCoupons />
        </Grid>
      </Grid>
    </Box>
  );
};

export const CouponStockShow = () => (
  <Show title={<ResourceTitle source="name" />} actions={<ShowActions />}>
    <Details />
  </Show>
);
