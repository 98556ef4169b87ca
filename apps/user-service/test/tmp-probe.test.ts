import { it } from 'vitest';
import { startUserService } from './harness.ts';
it('probe', async () => {
  const a = await startUserService({ env: { RATE_LIMIT_MAX: '100000000' } });
  const email = `p-${Math.random()}@example.com`;
  await a.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { email, password: 'replica-password', name: 'R' } });
  const login = await a.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: 'replica-password' } });
  const headers = { authorization: `Bearer ${login.json<{ accessToken: string }>().accessToken}` };
  const stats = async () => (await a.app.kit.redis.info('commandstats')).split('\n').filter((l) => /evalsha|cmdstat_eval|cmdstat_get:/.test(l)).join(' | ');
  console.log('before', await stats());
  for (let i = 0; i < 2000; i++) await a.app.inject({ method: 'GET', url: '/api/v1/users/me', headers });
  console.log('after', await stats());
  const r = await a.app.inject({ method: 'GET', url: '/api/v1/users/me', headers });
  console.log(r.headers);
  await a.close();
});
