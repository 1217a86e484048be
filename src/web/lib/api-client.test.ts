import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiFetch, queryString } from './api-client';
import { ApiError } from './api-error';

afterEach(() => {
  vi.unstubAllGlobals();
});

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('apiFetch', () => {
  it('sends JSON on the same origin and returns the parsed body', async () => {
    const fetchMock = vi.fn(async () => json(200, { ok: true }));
    vi.stubGlobal('fetch', fetchMock);
    await expect(apiFetch('/api/x', { method: 'POST', body: { a: 1 } })).resolves.toEqual({ ok: true });
    const [path, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(path).toBe('/api/x');
    expect(init.credentials).toBe('same-origin');
    expect(init.body).toBe('{"a":1}');
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
  });

  it('throws ApiError with the server code, message and fields', async () => {
    vi.stubGlobal('fetch', async () => json(409, { error: { code: 'email_taken', message: 'E-mail em uso.', fields: { email: 'Já existe.' } } }));
    const error = await apiFetch('/api/users').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, code: 'email_taken', message: 'E-mail em uso.', fields: { email: 'Já existe.' } });
  });

  it('turns a network failure and a non-JSON 502 into Portuguese messages', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(apiFetch('/api/x')).rejects.toMatchObject({ code: 'network_error', status: 0 });
    vi.stubGlobal('fetch', async () => new Response('<html>Bad gateway</html>', { status: 502 }));
    await expect(apiFetch('/api/x')).rejects.toMatchObject({ code: 'internal_error', status: 502 });
  });

  it('leaves the content type to the browser for FormData', async () => {
    const fetchMock = vi.fn(async () => json(200, {}));
    vi.stubGlobal('fetch', fetchMock);
    const body = new FormData();
    await apiFetch('/api/me/photo', { method: 'PUT', body });
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(init.body).toBe(body);
    expect((init.headers as Record<string, string>)['Content-Type']).toBeUndefined();
  });
});

describe('queryString', () => {
  it('skips empty values', () => {
    expect(queryString({ q: 'ana souza', role: undefined, status: '', page: 2 })).toBe('?q=ana+souza&page=2');
    expect(queryString({})).toBe('');
  });
});
