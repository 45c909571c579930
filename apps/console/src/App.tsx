import { Admin, Authenticated, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import audit from './audit';
import authorizations from './authorizations';
import { authProvider, CHOOSE_WORKSPACE_PATH } from './authProvider';
import { Dashboard } from './dashboard/Dashboard';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n';
import { Layout } from './layout';
import { LoginPage } from './login/LoginPage';
import { WorkspaceChooser } from './login/WorkspaceChooser';
import members from './members';
import merchants from './merchants';
import { ProfilePage } from './profile';
import providers from './providers';
import stores from './stores';
import { theme } from './theme';
import users from './users';

export const App = () => (
  <Admin
    title="MOP Console"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    loginPage={LoginPage}
    layout={Layout}
    dashboard={Dashboard}
    theme={theme}
    requireAuth
    disableTelemetry
  >
    <Resource name="Merchant" {...merchants} />
    <Resource name="ServiceProvider" {...providers} />
    <Resource name="Store" {...stores} />
    <Resource name="Membership" {...members} />
    <Resource name="User" {...users} />
    <Resource name="Authorization" {...authorizations} />
    <Resource name="AuditEvent" {...audit} />
    <CustomRoutes>
      <Route path="/profile" element={<ProfilePage />} />
    </CustomRoutes>
    <CustomRoutes noLayout>
      <Route
        path={CHOOSE_WORKSPACE_PATH}
        element={
          <Authenticated>
            <WorkspaceChooser />
          </Authenticated>
        }
      />
    </CustomRoutes>
  </Admin>
);
