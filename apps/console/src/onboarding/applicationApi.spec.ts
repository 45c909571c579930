import { resubmittable, type MyApplication } from './applicationApi';

const app = (id: string, status: MyApplication['status'], submittedAt: string, subjectId = 'm1'): MyApplication => ({
  id,
  kind: 'MERCHANT_ONBOARDING',
  status,
  subjectType: 'Merchant',
  subjectId,
  subjectName: 'Acme',
  payload: {},
  reason: status === 'REJECTED' ? 'licence unreadable' : null,
  submittedAt,
  decidedAt: null,
});

describe('resubmittable', () => {
  it('offers to correct the newest rejected application of a subject', () => {
    expect([...resubmittable([app('a', 'REJECTED', '2026-01-01T00:00:00Z')])]).toEqual(['a']);
  });

  it('does not offer it once a newer application of that subject exists', () => {
    const apps = [app('a', 'REJECTED', '2026-01-01T00:00:00Z'), app('b', 'SUBMITTED', '2026-01-02T00:00:00Z')];
    expect([...resubmittable(apps)]).toEqual([]);
  });

  it('treats each subject separately', () => {
    const apps = [app('a', 'REJECTED', '2026-01-01T00:00:00Z', 'm1'), app('b', 'APPROVED', '2026-01-02T00:00:00Z', 'm2')];
    expect([...resubmittable(apps)]).toEqual(['a']);
  });
});
