import { DEFAULT_CONFIG, loadConfig, parseConfig } from './config';

describe('parseConfig', () => {
  it('keeps a valid apiUrl without its trailing slash', () => {
    expect(parseConfig({ apiUrl: 'http://127.0.0.1:9000/' })).toEqual({
      apiUrl: 'http://127.0.0.1:9000',
    });
  });

  it.each([null, {}, { apiUrl: 42 }, { apiUrl: 'not a url' }])('falls back for %j', (raw) => {
    expect(parseConfig(raw)).toEqual(DEFAULT_CONFIG);
  });
});

describe('loadConfig', () => {
  it('reads config.json without the HTTP cache', async () => {
    const fetchFn = vi.fn(async () => Response.json({ apiUrl: 'http://127.0.0.1:9001' }));
    expect(await loadConfig(fetchFn as typeof fetch)).toEqual({ apiUrl: 'http://127.0.0.1:9001' });
    expect(fetchFn).toHaveBeenCalledWith('config.json', { cache: 'no-store' });
  });

  it('uses the default API when the file is missing', async () => {
    const fetchFn = async () => new Response('nope', { status: 404 });
    expect(await loadConfig(fetchFn as typeof fetch)).toEqual(DEFAULT_CONFIG);
  });

  it('uses the default API when fetching fails', async () => {
    const fetchFn = async () => Promise.reject(new TypeError('offline'));
    expect(await loadConfig(fetchFn as typeof fetch)).toEqual(DEFAULT_CONFIG);
  });

  it('defaults to 127.0.0.1, the same site as the dev client, for the SameSite cookie', () => {
    expect(DEFAULT_CONFIG.apiUrl).toBe('http://127.0.0.1:8000');
  });
});
