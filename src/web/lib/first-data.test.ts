import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** The page as the server sends it: a first-data script with these contents (or none), until removed. */
let scriptInPage = false;
function pageWith(text: string | null) {
  scriptInPage = text !== null;
  const script = { textContent: text, remove: () => (scriptInPage = false) };
  vi.stubGlobal('document', { getElementById: (id: string) => (id === 'first-data' && scriptInPage ? script : null) });
}

/** A fresh copy of the module (it reads the page once) and of apiFetch on top of it. */
const load = async () => {
  vi.resetModules();
  return { ...(await import('./first-data')), ...(await import('./api-client')), ...(await import('./personal-storage')) };
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

  it('are not used for writes, nor once the page is older than 10 seconds', async () => {
    pageWith(JSON.stringify({ '/api/dashboard': { role: 'doctor' }, '/api/me/payments': [] }));
    const { apiFetch } = await load();
    await expect(apiFetch('/api/dashboard', { method: 'POST', body: {} })).resolves.toEqual({ from: 'network' });
    vi.mocked(performance.now).mockReturnValue(10_001);
    await expect(apiFetch('/api/dashboard')).resolves.toEqual({ from: 'network' });
    vi.mocked(performance.now).mockReturnValue(1_500);
    await expect(apiFetch('/api/me/payments')).resolves.toEqual({ from: 'network' });
  });

  it("are one person's: the script leaves the page once read, and sign-out forgets the rest", async () => {
    pageWith(JSON.stringify({ '/api/auth/me': { user: { name: 'Ana' } }, '/api/rooms?status=finished': [{ id: 'r1' }] }));
    const { apiFetch, forgetPersonalData } = await load();
    await apiFetch('/api/auth/me');
    expect(scriptInPage).toBe(false);
    forgetPersonalData(null);
    // The next person signs in on the same page within the window: their rooms come from the server.
    await expect(apiFetch('/api/rooms?status=finished')).resolves.toEqual({ from: 'network' });
  });

  it('are nothing when the page has none or its text is not JSON', async () => {
    for (const text of [null, '', '{"a":', '"just a string"', 'null']) {
      pageWith(text);
      const { takeFirstAnswer } = await load();
      expect(takeFirstAnswer('/api/dashboard'), String(text)).toBeUndefined();
    }
  });
});
