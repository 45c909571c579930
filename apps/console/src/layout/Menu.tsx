import DashboardOutlined from '@mui/icons-material/DashboardOutlined';
import PhoneIphoneOutlined from '@mui/icons-material/PhoneIphoneOutlined';
import PointOfSaleOutlined from '@mui/icons-material/PointOfSaleOutlined';
import type { WorkspaceKind } from '@mop/shared';
import { Box, Typography } from '@mui/material';
import { Menu as RaMenu, useCanAccess, useCanAccessResources, useGetResourceLabel, useResourceDefinitions, useTranslate } from 'react-admin';
import { createElement, type ComponentType } from 'react';
import { useLocation } from 'react-router-dom';
import { COUNTER_PATH } from '../counter';
import { RESOURCES } from '../dataProvider';
import { SANDBOX_PATH } from '../sandbox';
import { useActiveWorkspace } from '../workspace';

type ResourceName = (typeof RESOURCES)[number];

/** Pages that are not resource lists, each shown to whoever may do its action on its subject. */
const PAGES: Record<'Sandbox' | 'Counter', { path: string; resource: ResourceName; action: string; label: string; icon: ComponentType }> = {
  Sandbox: { path: SANDBOX_PATH, resource: 'Coupon', action: 'claim', label: 'mop.menu.sandbox', icon: PhoneIphoneOutlined },
  Counter: { path: COUNTER_PATH, resource: 'Coupon', action: 'redeem', label: 'mop.menu.counter', icon: PointOfSaleOutlined },
};
type PageName = keyof typeof PAGES;
type Entry = ResourceName | PageName;
const isPage = (entry: Entry): entry is PageName => entry in PAGES;

const PageItem = ({ page }: { page: PageName }) => {
  const translate = useTranslate();
  const { path, resource, action, label, icon } = PAGES[page];
  const { canAccess } = useCanAccess({ resource, action });
  if (!canAccess) return null;
  return <RaMenu.Item to={path} primaryText={translate(label)} leftIcon={createElement(icon)} data-testid={`menu-${page}`} />;
};

/**
 * The entries each kind of workspace offers, in the order that reads naturally there; which of them
 * show is up to canAccess (Coupons, for instance, only once the merchant has the product). Stores and
 * members are reached from a tenant, not listed platform-wide.
 */
const MENU_BY_KIND: Record<WorkspaceKind | 'NONE', Entry[]> = {
  PLATFORM: ['Application', 'Merchant', 'ServiceProvider', 'User', 'Authorization', 'AuditEvent'],
  MERCHANT: ['Merchant', 'Store', 'Product', 'CouponStock', 'Coupon', 'Sandbox', 'Counter', 'Membership', 'Invitation', 'Authorization', 'ApiKey', 'WebhookEndpoint', 'AuditEvent'],
  PROVIDER: ['ServiceProvider', 'Membership', 'Invitation', 'Authorization', 'Merchant', 'CouponStock', 'Coupon', 'Sandbox', 'Counter', 'ApiKey', 'AuditEvent'],
  NONE: [],
};

/** Pages reached from an entry rather than from the menu, which keep that entry highlighted. */
const ALSO_ACTIVE_ON: Partial<Record<ResourceName, string[]>> = { WebhookEndpoint: ['/WebhookDelivery'] };

/** The sidebar: the dashboard, then every resource the active workspace may list. */
export const Menu = () => {
  const translate = useTranslate();
  const getResourceLabel = useGetResourceLabel();
  const definitions = useResourceDefinitions();
  const { kind, workspace, role } = useActiveWorkspace();
  const entries = MENU_BY_KIND[kind ?? 'NONE'];
  // The counter is a clerk's main page: first in its menu.
  const order: Entry[] = role === 'CLERK' ? ['Counter', ...entries.filter((entry) => entry !== 'Counter')] : entries;
  const resources = order.filter((entry): entry is ResourceName => !isPage(entry));
  const { canAccess, isPending } = useCanAccessResources({ action: 'list', resources });
  const { pathname } = useLocation();
  const alsoActive = (resource: ResourceName) => (ALSO_ACTIVE_ON[resource] ?? []).some((path) => pathname.startsWith(path));

  const labelOf = (resource: ResourceName) => {
    if (resource === 'Merchant' && kind === 'MERCHANT') return translate('mop.menu.my_merchant');
    if (resource === 'ServiceProvider' && kind === 'PROVIDER') return translate('mop.menu.my_provider');
    if (resource === 'Application' && kind === 'PLATFORM') return translate('mop.menu.review_queue');
    if (resource === 'Product') return translate('mop.menu.all_products');
    if (resource === 'CouponStock') return translate('mop.menu.coupons');
    if (resource === 'Coupon') return translate('mop.menu.issued_coupons');
    if (resource === 'WebhookEndpoint') return translate('mop.webhooks.menu');
    return getResourceLabel(resource, 2);
  };
  // "My merchant" / "My provider" open the workspace's own record.
  const targetOf = (resource: ResourceName) => {
    if (resource === 'Merchant' && kind === 'MERCHANT' && workspace?.id) return `/Merchant/${workspace.id}/show`;
    if (resource === 'ServiceProvider' && kind === 'PROVIDER' && workspace?.id) return `/ServiceProvider/${workspace.id}/show`;
    return `/${resource}`;
  };

  return (
    <RaMenu>
      <RaMenu.Item
        to="/"
        primaryText={translate('mop.menu.dashboard')}
        leftIcon={<DashboardOutlined />}
        data-testid="menu-dashboard"
      />
      {!isPending && (
        <Box sx={{ px: 2.5, pt: 1.5, pb: 0.5 }}>
          <Typography variant="overline" color="text.secondary" sx={{ letterSpacing: '0.08em' }} noWrap>
            {kind ? translate(`mop.workspace.kind.${kind}`) : ''}
          </Typography>
        </Box>
      )}
      {!isPending &&
        order
          .filter((entry) => isPage(entry) || (canAccess?.[entry] && definitions[entry]))
          .map((entry) =>
            isPage(entry) ? (
              <PageItem key={entry} page={entry} />
            ) : (
              <RaMenu.Item
                key={entry}
                to={targetOf(entry)}
                primaryText={labelOf(entry)}
                leftIcon={definitions[entry].icon ? createElement(definitions[entry].icon) : undefined}
                className={alsoActive(entry) ? 'RaMenuItemLink-active' : undefined}
                data-testid={`menu-${entry}`}
              />
            ),
          )}
    </RaMenu>
  );
};
