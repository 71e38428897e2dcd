import { loadSettings } from '../config';

describe('settings', () => {
  const base = { DATABASE_URL: 'postgres://u@localhost:5432/db', AUTH_SECRET: 's'.repeat(40) };

  it('picks the queue backend from REDIS_URL unless told otherwise', () => {
    expect(loadSettings(base).queue.backend).toBe('postgres');
    expect(loadSettings({ ...base, REDIS_URL: 'redis://127.0.0.1:6379' }).queue.backend).toBe('redis');
    expect(loadSettings({ ...base, REDIS_URL: 'redis://127.0.0.1:6379', QUEUE_BACKEND: 'postgres' }).queue.backend).toBe('postgres');
  });

  it('fails fast, naming the variable, on bad values', () => {
    expect(() => loadSettings({})).toThrow(/DATABASE_URL is required/);
    expect(() => loadSettings({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must start with postgres/);
    expect(() => loadSettings({ ...base, PORT: 'eighty' })).toThrow(/PORT must be a whole number/);
    expect(() => loadSettings({ ...base, QUEUE_BACKEND: 'redis' })).toThrow(/needs REDIS_URL/);
    expect(() => loadSettings({ ...base, NODE_ENV: 'production', AUTH_SECRET: '' })).toThrow(/AUTH_SECRET/);
    expect(() => loadSettings({ ...base, SMTP_URL: 'http://mail' })).toThrow(/SMTP_URL/);
  });

  it('has safe production defaults', () => {
    const s = loadSettings({ ...base, NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(40), PUBLIC_URL: 'https://laerenett.example/' });
    expect(s.auth.cookieSecure).toBe(true);
    expect(s.app.publicUrl).toBe('https://laerenett.example');
    expect(s.app.introspection).toBe(false);
    expect(loadSettings({ ...base, NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' }).app.introspection).toBe(true);
    expect(loadSettings(base).app.introspection).toBe(true);
  });

  it('believes X-Forwarded-For only from the proxies it is told of', () => {
    expect(loadSettings(base).app.trustProxy).toBe('loopback');
    expect(loadSettings({ ...base, TRUST_PROXY: 'false' }).app.trustProxy).toBe(false);
    expect(loadSettings({ ...base, TRUST_PROXY: '1' }).app.trustProxy).toBe(1);
    expect(loadSettings({ ...base, TRUST_PROXY: '10.0.0.0/8, loopback' }).app.trustProxy).toBe('10.0.0.0/8,loopback');
    expect(() => loadSettings({ ...base, TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY must be/);
    expect(loadSettings({ ...base, NODE_ENV: 'production' }).app.drainSeconds).toBe(10);
    expect(loadSettings(base).app.drainSeconds).toBe(0);
  });

  it('signs links with no secret written in the source, outside the tests', () => {
    for (const NODE_ENV of ['development', 'production'])
      expect(() => loadSettings({ DATABASE_URL: base.DATABASE_URL, NODE_ENV })).toThrow(/AUTH_SECRET must be set/);
    expect(loadSettings({ DATABASE_URL: base.DATABASE_URL, NODE_ENV: 'test' }).auth.secret.length).toBeGreaterThanOrEqual(32);
  });
});
