import CheckCircle from '@mui/icons-material/CheckCircle';
import HourglassTop from '@mui/icons-material/HourglassTop';
import Inventory2Outlined from '@mui/icons-material/Inventory2Outlined';
import { Alert, Box, Button, Card, CardActions, CardContent, Chip, Grid, Typography, type ChipProps } from '@mui/material';
import { List, useCanAccess, useListContext, useTranslate } from 'react-admin';
import { useApiAction } from '../common/useApiAction';
import { graphqlRequest } from '../graphql';
import { reloadMe } from '../session';

type EnrollmentStatus = 'APPLIED' | 'ACTIVE' | 'REJECTED' | 'SUSPENDED';

interface ProductRecord {
  id: string;
  code: string;
  name: string;
  description: string;
  requirements: string;
  requiresReview: boolean;
  enrollmentStatus: EnrollmentStatus | null;
  enrollmentReason: string | null;
}

const STATE_COLORS: Record<EnrollmentStatus | 'NONE', ChipProps['color']> = {
  NONE: 'default',
  APPLIED: 'warning',
  ACTIVE: 'success',
  REJECTED: 'error',
  SUSPENDED: 'warning',
};

const ProductCard = ({ product, canApply }: { product: ProductRecord; canApply: boolean }) => {
  const translate = useTranslate();
  const { busy, run } = useApiAction();
  const state = product.enrollmentStatus ?? 'NONE';
  const apply = async () => {
    await run(
      async () => {
        const data = await graphqlRequest<{ applyForProduct: { enrollmentStatus: EnrollmentStatus | null } }>(
          'mutation ApplyForProduct($productId: ID!) { applyForProduct(productId: $productId) { id enrollmentStatus } }',
          { productId: product.id },
        );
        // Enabled at once: the permissions (and so the menu) now include the product's operations.
        if (data.applyForProduct.enrollmentStatus === 'ACTIVE') await reloadMe();
        return data.applyForProduct.enrollmentStatus;
      },
      {
        successMessage: (status) => (status === 'ACTIVE' ? 'mop.products.enabled_now' : 'mop.products.applied'),
        messageArgs: { name: product.name },
      },
    );
  };
  return (
    <Card sx={{ height: '100%', display: 'flex', flexDirection: 'column' }} data-testid={`product-${product.code}`} data-state={state}>
      <CardContent sx={{ flex: 1 }}>
        <Box sx={{ display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between', gap: 1, mb: 1 }}>
          <Typography variant="h6">{product.name}</Typography>
          <Chip
            size="small"
            variant={state === 'ACTIVE' ? 'filled' : 'outlined'}
            color={STATE_COLORS[state]}
            icon={state === 'ACTIVE' ? <CheckCircle /> : state === 'APPLIED' ? <HourglassTop /> : undefined}
            label={translate(`mop.products.state.${state}`)}
            data-testid={`product-state-${product.code}`}
          />
        </Box>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {product.description}
        </Typography>
        <Typography variant="overline" color="text.secondary" sx={{ lineHeight: 1.5 }}>
          {translate('mop.products.requirements')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {product.requirements}
        </Typography>
        {state === 'REJECTED' && product.enrollmentReason && (
          <Alert severity="error" sx={{ mt: 2 }} data-testid={`product-reason-${product.code}`}>
            {translate('mop.onboarding.reason', { reason: product.enrollmentReason })}
          </Alert>
        )}
      </CardContent>
      <CardActions sx={{ px: 2, pb: 2, justifyContent: 'space-between' }}>
        <Typography variant="caption" color="text.secondary">
          {translate(product.requiresReview ? 'mop.products.requires_review' : 'mop.products.instant')}
        </Typography>
        {canApply && (state === 'NONE' || state === 'REJECTED') && (
          <Button variant="contained" size="small" disabled={busy} onClick={apply} data-testid={`product-apply-${product.code}`}>
            {translate(state === 'REJECTED' ? 'mop.products.apply_again' : 'mop.products.apply')}
          </Button>
        )}
      </CardActions>
    </Card>
  );
};

const ProductGrid = () => {
  const translate = useTranslate();
  const { data, isPending } = useListContext<ProductRecord>();
  const { canAccess: canApply } = useCanAccess({ resource: 'ProductEnrollment', action: 'create' });
  if (isPending) return null;
  if (!data?.length) {
    return (
      <Box sx={{ textAlign: 'center', py: 8, color: 'text.secondary' }} data-testid="empty-state">
        <Inventory2Outlined sx={{ fontSize: 56, opacity: 0.45 }} />
        <Typography>{translate('mop.products.none')}</Typography>
      </Box>
    );
  }
  return (
    <Grid container spacing={2} sx={{ p: 2 }} data-testid="product-catalog">
      {data.map((product) => (
        <Grid key={product.id} size={{ xs: 12, md: 6, xl: 4 }}>
          <ProductCard product={product} canApply={Boolean(canApply)} />
        </Grid>
      ))}
    </Grid>
  );
};

/** The product catalog with this merchant's state for each product. */
export const ProductList = () => {
  const translate = useTranslate();
  return (
    <List
      title={translate('mop.menu.all_products')}
      perPage={100}
      sort={{ field: 'sortOrder', order: 'ASC' }}
      pagination={false}
      exporter={false}
      actions={false}
      empty={false}
      sx={{ '& .RaList-content': { bgcolor: 'transparent', boxShadow: 'none', border: 'none' } }}
    >
      <ProductGrid />
    </List>
  );
};
