import InboxOutlined from '@mui/icons-material/InboxOutlined';
import { Box, Typography } from '@mui/material';
import { useGetResourceLabel, useListContext, useResourceContext, useTranslate } from 'react-admin';

/** The empty state of a list, the same whether or not the list offers a create button. */
export const EmptyState = () => {
  const translate = useTranslate();
  const resource = useResourceContext();
  const getResourceLabel = useGetResourceLabel();
  const { filterValues } = useListContext();
  const name = getResourceLabel(resource ?? '', 2).toLowerCase();
  const filtered = Object.keys(filterValues ?? {}).length > 0;
  return (
    <Box sx={{ textAlign: 'center', py: 8, px: 2, color: 'text.secondary' }} data-testid="empty-state">
      <InboxOutlined sx={{ fontSize: 56, opacity: 0.45 }} />
      <Typography variant="h6" color="text.primary" sx={{ mt: 1 }}>
        {translate('mop.empty.title')}
      </Typography>
      <Typography variant="body2">
        {translate(filtered ? 'mop.empty.filtered' : 'mop.empty.text', { name })}
      </Typography>
    </Box>
  );
};
