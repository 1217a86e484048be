import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** The page as the server sends it: a first-data script with these contents (or none). */
function pageWith(text: string | null) {
  vi.stubGlobal('document', { getElementById: (id: string) => (id === 'first-data' && text !== null ? { textContent: text } : null) });
}

/** A fresh copy of the module (it reads the page once) and of apiFetch on top of it. */
const load = async () => {
  vi.resetModules();
  return { ...(await import('./first-data')), ...(await import('./api-client')) };
};

let network: ReturnType<typeof vi.fn>;
beforeEach(() => {
  network = vi.fn(async () => new Response(JSON.stringify({ from: 'network' }), { status: 200, headers: { 'Content-Type': 'application/json' } }));
  vi.stubGlobal('fetch', network);
  vi.spyOn(performance, 'now').mockReturnValue(1_500);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("the API answers in the page's HTML", () => {
  it('answer the first GET of their URL without the network, once; the next one asks the server', async () => {
    pageWith(JSON.stringify({ '/api/dashboard': { role: 'doctor' }, '/api/rooms?status=open': [] }));
    const { apiFetch } = await load();
    await expect(apiFetch('/api/dashboard')).resolves.toEqual({ role: 'doctor' });
    await expect(apiFetch('/api/rooms?status=open')).resolves.toEqual([]);
    expect(network).not.toHaveBeenCalled();
    await expect(apiFetch('/api/dashboard')).resolves.toEqual({ from: 'network' });
    await expect(apiFetch('/api/rooms?status=closed')).resolves.toEqual({ from: 'network' });
    expect(network).toHaveBeenCalledTimes(2);
  });

  it('are not used for writes, nor once the page is older than 30 seconds', async () => {
    pageWith(JSON.stringify({ '/api/dashboard': { role: 'doctor' }, '/api/me/payments': [] }));
    const { apiFetch } = await load();
    await expect(apiFetch('/api/dashboard', { method: 'POST', body: {} })).resolves.toEqual({ from: 'network' });
    vi.mocked(performance.now).mockReturnValue(31_000);
    await expect(apiFetch('/api/dashboard')).resolves.toEqual({ from: 'network' });
    vi.mocked(performance.now).mockReturnValue(1_500);
    await expect(apiFetch('/api/me/payments')).resolves.toEqual({ from: 'network' });
  });

  it('are nothing when the page has none or its text is not JSON', async () => {
    for (const text of [null, '', '{"a":', '"just a string"', 'null']) {
      pageWith(text);
      const { takeFirstAnswer } = await load();
      expect(takeFirstAnswer('/api/dashboard'), String(text)).toBeUndefined();
    }
  });
});
