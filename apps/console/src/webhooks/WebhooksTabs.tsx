import { Box, Tab, Tabs, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { useTranslate } from 'react-admin';

/** The Webhooks page's two views, endpoints and what was sent to them, above either list. */
export const WebhooksTabs = ({ current }: { current: 'endpoints' | 'deliveries' }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ px: 2, pt: 2 }}>
      <Typography variant="body2" color="text.secondary" sx={{ maxWidth: 880 }}>
        {translate('mop.webhooks.intro')}
      </Typography>
      <Tabs value={current} sx={{ mt: 1, borderBottom: 1, borderColor: 'divider' }}>
        <Tab value="endpoints" label={translate('mop.webhooks.tabs.endpoints')} component={Link} to="/WebhookEndpoint" data-testid="webhooks-tab-endpoints" />
        <Tab value="deliveries" label={translate('mop.webhooks.tabs.deliveries')} component={Link} to="/WebhookDelivery" data-testid="webhooks-tab-deliveries" />
      </Tabs>
    </Box>
  );
};
