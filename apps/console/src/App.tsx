import { Admin, Authenticated, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import apiKeys from './apikeys';
import applications from './applications';
import audit from './audit';
import authorizations from './authorizations';
import { ACCEPT_INVITATION_PATH, authProvider, CHOOSE_WORKSPACE_PATH, ONBOARDING_PATH, SIGN_UP_PATH } from './authProvider';
import coupons, { customerCoupons } from './coupons';
import { COUNTER_PATH, CounterPage } from './counter';
import { Dashboard } from './dashboard/Dashboard';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n';
import invitations, { AcceptInvitationPage } from './invitations';
import { Layout } from './layout';
import { LoginPage } from './login/LoginPage';
import { SignUpPage } from './login/SignUpPage';
import { WorkspaceChooser } from './login/WorkspaceChooser';
import members from './members';
import merchants from './merchants';
import { OnboardingPage } from './onboarding/OnboardingPage';
import products from './products';
import { ProfilePage } from './profile';
import providers from './providers';
import { SANDBOX_PATH, SandboxPage } from './sandbox';
import stores from './stores';
import { theme } from './theme';
import users from './users';
import { webhookDeliveries, webhookEndpoints } from './webhooks';

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
    <Resource name="Application" {...applications} />
    <Resource name="Merchant" {...merchants} />
    <Resource name="ServiceProvider" {...providers} />
    <Resource name="Store" {...stores} />
    <Resource name="Product" {...products} />
    <Resource name="CouponStock" {...coupons} />
    <Resource name="Coupon" {...customerCoupons} />
    <Resource name="Membership" {...members} />
    <Resource name="Invitation" {...invitations} />
    <Resource name="ApiKey" {...apiKeys} />
    <Resource name="WebhookEndpoint" {...webhookEndpoints} />
    <Resource name="WebhookDelivery" {...webhookDeliveries} />
    <Resource name="User" {...users} />
    <Resource name="Authorization" {...authorizations} />
    <Resource name="AuditEvent" {...audit} />
    <CustomRoutes>
      <Route path="/profile" element={<ProfilePage />} />
      <Route path={SANDBOX_PATH} element={<SandboxPage />} />
      <Route path={COUNTER_PATH} element={<CounterPage />} />
    </CustomRoutes>
    <CustomRoutes noLayout>
      {/* Public: reachable before signing in. */}
      <Route path={SIGN_UP_PATH} element={<SignUpPage />} />
      <Route path={ACCEPT_INVITATION_PATH} element={<AcceptInvitationPage />} />
      <Route
        path={CHOOSE_WORKSPACE_PATH}
        element={
          <Authenticated>
            <WorkspaceChooser />
          </Authenticated>
        }
      />
      <Route
        path={ONBOARDING_PATH}
        element={
          <Authenticated>
            <OnboardingPage />
          </Authenticated>
        }
      />
    </CustomRoutes>
  </Admin>
);
