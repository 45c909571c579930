import DashboardOutlined from '@mui/icons-material/DashboardOutlined';
import type { WorkspaceKind } from '@mop/shared';
import { Box, Typography } from '@mui/material';
import { Menu as RaMenu, useCanAccessResources, useGetResourceLabel, useResourceDefinitions, useTranslate } from 'react-admin';
import { createElement } from 'react';
import { RESOURCES } from '../dataProvider';
import { useActiveWorkspace } from '../workspace';

type ResourceName = (typeof RESOURCES)[number];

/**
 * The entries each kind of workspace offers, in the order that reads naturally there; which of them
 * show is up to canAccess (Coupons, for instance, only once the merchant has the product). Stores and
 * members are reached from a tenant, not listed platform-wide.
 */
const MENU_BY_KIND: Record<WorkspaceKind | 'NONE', ResourceName[]> = {
  PLATFORM: ['Application', 'Merchant', 'ServiceProvider', 'User', 'Authorization', 'AuditEvent'],
  MERCHANT: ['Merchant', 'Store', 'Product', 'CouponStock', 'Membership', 'Invitation', 'Authorization', 'ApiKey', 'AuditEvent'],
  PROVIDER: ['ServiceProvider', 'Membership', 'Invitation', 'Authorization', 'Merchant', 'CouponStock', 'ApiKey', 'AuditEvent'],
  NONE: [],
};

/** The sidebar: the dashboard, then every resource the active workspace may list. */
export const Menu = () => {
  const translate = useTranslate();
  const getResourceLabel = useGetResourceLabel();
  const definitions = useResourceDefinitions();
  const { kind, workspace } = useActiveWorkspace();
  const order = MENU_BY_KIND[kind ?? 'NONE'];
  const { canAccess, isPending } = useCanAccessResources({ action: 'list', resources: order });

  const labelOf = (resource: ResourceName) => {
    if (resource === 'Merchant' && kind === 'MERCHANT') return translate('mop.menu.my_merchant');
    if (resource === 'ServiceProvider' && kind === 'PROVIDER') return translate('mop.menu.my_provider');
    if (resource === 'Application' && kind === 'PLATFORM') return translate('mop.menu.review_queue');
    if (resource === 'Product') return translate('mop.menu.all_products');
    if (resource === 'CouponStock') return translate('mop.menu.coupons');
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
          .filter((resource) => canAccess?.[resource] && definitions[resource])
          .map((resource) => (
            <RaMenu.Item
              key={resource}
              to={targetOf(resource)}
              primaryText={labelOf(resource)}
              leftIcon={definitions[resource].icon ? createElement(definitions[resource].icon) : undefined}
              data-testid={`menu-${resource}`}
            />
          ))}
    </RaMenu>
  );
};
