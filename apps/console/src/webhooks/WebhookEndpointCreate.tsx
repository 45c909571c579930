import { useState } from 'react';
import { Create, SimpleForm, useNotify, useRedirect, useTranslate } from 'react-admin';
import { errorMessageKey, toApiError } from '../errors';
import { createWebhookEndpoint, toEndpointInput, type WebhookEndpointInput } from './webhookApi';
import { WebhookEndpointInputs } from './WebhookEndpointInputs';
import { WebhookSecretDialog } from './WebhookSecretDialog';

const FORM_FIELDS = ['url', 'description', 'eventTypes', 'enabled'];

/**
 * Adding an endpoint: saved straight through the API (not the data provider), because the answer holds
 * the signing secret, which is shown once here and kept nowhere in the console.
 */
export const WebhookEndpointCreate = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const [created, setCreated] = useState<{ title: string; secret: string } | null>(null);

  const save = async (values: Partial<WebhookEndpointInput>) => {
    try {
      const { endpoint, secret } = await createWebhookEndpoint(toEndpointInput(values));
      setCreated({ title: translate('mop.webhooks.created_title', { url: endpoint.url }), secret });
      return undefined;
    } catch (error) {
      const apiError = toApiError(error);
      const field = apiError.field?.replace(/^input\./, '').replace(/(\.\d+)+$/, '');
      if (apiError.code === 'BAD_USER_INPUT' && field && FORM_FIELDS.includes(field)) return { [field]: apiError.message };
      notify(errorMessageKey(apiError.code), { type: 'error' });
      return undefined;
    }
  };

  return (
    <>
      <Create title={translate('mop.webhooks.create_title')}>
        <SimpleForm onSubmit={save} defaultValues={{ url: '', description: '', eventTypes: [], enabled: true }} data-testid="webhook-create-form">
          <WebhookEndpointInputs />
        </SimpleForm>
      </Create>
      <WebhookSecretDialog
        shown={created}
        onClose={() => {
          setCreated(null);
          redirect('list', 'WebhookEndpoint');
        }}
      />
    </>
  );
};
