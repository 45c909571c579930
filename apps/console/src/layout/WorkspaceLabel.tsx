import AdminPanelSettingsOutlined from '@mui/icons-material/AdminPanelSettingsOutlined';
import HandshakeOutlined from '@mui/icons-material/HandshakeOutlined';
import StorefrontOutlined from '@mui/icons-material/StorefrontOutlined';
import type { WorkspaceKind } from '@mop/shared';
import { useTranslate } from 'react-admin';
import type { Workspace } from '../session';

export const WorkspaceIcon = ({ kind, fontSize = 'small' }: { kind: WorkspaceKind; fontSize?: 'small' | 'medium' | 'large' }) => {
  if (kind === 'PLATFORM') return <AdminPanelSettingsOutlined fontSize={fontSize} />;
  if (kind === 'PROVIDER') return <HandshakeOutlined fontSize={fontSize} />;
  return <StorefrontOutlined fontSize={fontSize} />;
};

/** The name a workspace is shown by: the tenant's name, or "Platform". */
export function useWorkspaceName() {
  const translate = useTranslate();
  return (workspace: Workspace | null | undefined) =>
    !workspace ? translate('mop.workspace.none') : workspace.kind === 'PLATFORM' ? translate('mop.workspace.platform_name') : workspace.name;
}
