import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, createDb } from '#server/db/database.ts';
import { DESKTOP, PHONE, launchChromium } from '../helpers/browser';
import { type CallPage, expectFramesGrowing, framesDecoded, signedInCallPage } from '../helpers/call-pages';
import { createDoctor, createPatient } from '../helpers/factories';
import { type ServerProcess, addressOf, createPgDatabase, spawnServer, tcpFrontDoor } from '../helpers/nodes';
import { TEST_REDIS_URL, chromiumAvailable, postgresAvailable, redisAvailable } from '../helpers/requirements';

const WHAT = 'the video call across two nodes (Chromium, PostgreSQL and Redis)';
const run = chromiumAvailable() && (await postgresAvailable(WHAT)) && (await redisAvailable(WHAT));

type Node = ServerProcess & { url: string; port: number };

const cleanups: (() => Promise<unknown>)[] = [];

/** `node src/server/main.ts` in multi-node mode, serving the built web app. */
async function startNode(databaseUrl: string): Promise<Node> {
  const server = spawnServer(
    { DATABASE_URL: databaseUrl, REDIS_URL: TEST_REDIS_URL, WEB_DIST_DIR: process.env.E2E_WEB_DIST_DIR ?? 'dist/web' },
    'mc-e2e-node-',
  );
  cleanups.push(server.stop);
  const url = await addressOf(server);
  return { ...server, url, port: Number(new URL(url).port) };
}

/** The stand-in load balancer over these nodes' ports, closed when the file ends. */
async function frontDoor(ports: number[]): Promise<string> {
  const door = await tcpFrontDoor(() => ports);
  cleanups.push(door.close);
  return door.url;
}

/**
 * Issue 14: the doctor's browser reaches node A through a load balancer (here a TCP stand-in that
 * falls back to node B), the patient's browser node B directly. They meet, see and hear each
 * other; node A is SIGKILLed mid-call: media keeps flowing (it never passed through a node), the
 * doctor's page reconnects through node B by itself, chat works again, and finalizing records one
 * consultation and one billing record.
 */
describe.runIf(run)('a video call across two nodes', () => {
  let db: Db;
  let a: Node;
  let b: Node;
  let browser: Browser;
  let doctor: CallPage;
  let patient: CallPage;
  let code = '';
  let dbUrl = '';
  const pages: CallPage[] = [];

  beforeAll(async () => {
    const database = await createPgDatabase({ migrate: true });
    cleanups.push(database.drop);
    dbUrl = database.url;
    db = createDb({ kind: 'postgres', url: database.url });
    cleanups.push(() => db.destroy());
    a = await startNode(database.url);
    b = await startNode(database.url);
    const door = await frontDoor([a.port, b.port]);
    browser = await launchChromium();
    cleanups.push(() => browser.close());
    const d = await createDoctor(db, { name: 'Helena Duarte' });
    const p = await createPatient(db, { name: 'Maria Souza', doctors: [d] });
    doctor = await signedInCallPage(browser, door, d.email, DESKTOP);
    patient = await signedInCallPage(browser, b.url, p.email, PHONE);
    const res = await doctor.context.request.post('/api/rooms', { data: { patientId: p.id, reason: 'Retorno' }, headers: { origin: door } });
    expect(res.status()).toBe(201);
    code = ((await res.json()) as { code: string }).code;
  });
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  });

  async function openChat(page: Page): Promise<void> {
    const input = page.getByLabel('Mensagem', { exact: true });
    if (!(await input.isVisible())) await page.getByRole('button', { name: 'Conversa' }).click();
    await input.waitFor();
  }

  async function say(from: Page, to: Page, text: string, timeout = 10_000): Promise<void> {
    await openChat(from);
    await from.getByLabel('Mensagem', { exact: true }).fill(text);
    await from.getByRole('button', { name: 'Enviar' }).click();
    await openChat(to);
    await to.getByText(text).first().waitFor({ timeout });
  }

  it('the patient on node B waits; the doctor on node A is told, admits her, and both decode video', async () => {
    const p = patient.page;
    await p.goto(`/sala/${code}`);
    await p.getByLabel('Li e concordo com o termo').check();
    await p.getByRole('button', { name: 'Aceitar e continuar' }).click();
    await p.locator('video[data-testid="local-video"]').first().waitFor();
    await p.getByRole('button', { name: 'Entrar na consulta', exact: true }).click();
    await p
      .getByText(/Aguardando/)
      .first()
      .waitFor();

    const d = doctor.page;
    await d.goto(`/sala/${code}`);
    await d.getByRole('button', { name: 'Entrar na consulta', exact: true }).click();
    await d
      .getByText(/Maria.*sala de espera/)
      .first()
      .waitFor();
    await d.getByRole('button', { name: 'Deixar entrar' }).click();
    await expectFramesGrowing(d, 'doctor');
    await expectFramesGrowing(p, 'patient');
    await say(d, p, 'Olá, Maria! Está me ouvindo bem?');
  });

  /** Every status the call's header shows from now on (each change, however brief), read back by `statusesShown`. */
  async function recordStatuses(page: Page): Promise<void> {
    await page.evaluate(() => {
      const shown: string[] = [];
      (window as unknown as { mcStatuses: string[] }).mcStatuses = shown;
      const note = () => {
        const text = document.querySelector('.call-status')?.textContent?.trim() ?? '';
        if (shown.at(-1) !== text) shown.push(text);
      };
      note();
      new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
  }
  const statusesShown = (page: Page) => page.evaluate(() => (window as unknown as { mcStatuses: string[] }).mcStatuses);

  it('node A is SIGKILLed mid-call: media keeps flowing, the doctor’s page comes back through node B', async () => {
    const before = await framesDecoded(patient.page);
    await recordStatuses(patient.page);
    a.child.kill('SIGKILL');
    await a.exit;
    await expectFramesGrowing(patient.page, 'patient after node A died');
    await expectFramesGrowing(doctor.page, 'doctor after node A died');
    expect(await framesDecoded(patient.page)).toBeGreaterThan(before);
    // Signaling is back: the doctor's page reconnected (to node B) and joined again.
    await say(patient.page, doctor.page, 'Voltou, doutora!', 30_000);
    await say(doctor.page, patient.page, 'Sim, estou aqui.', 30_000);
    await expectFramesGrowing(patient.page, 'patient after the reconnection');
    // The doctor came back within a second through the balancer: the patient, whose video never
    // stopped, was never shown "Reconectando…" or "Aguardando", not even for a moment.
    expect(await statusesShown(patient.page)).toEqual(['Conectado']);
  });

  it('finalizing gives exactly one consultation and one billing record', async () => {
    await doctor.page.getByRole('button', { name: 'Finalizar consulta' }).click();
    await doctor.page.getByRole('button', { name: 'Sim, finalizar' }).click();
    await patient.page.getByText('A consulta foi encerrada.').first().waitFor();
    const consultations = await db
      .selectFrom('consultations')
      .innerJoin('rooms', 'rooms.id', 'consultations.room_id')
      .select(['consultations.id', 'rooms.status'])
      .where('rooms.code', '=', code)
      .execute();
    expect(consultations).toHaveLength(1);
    expect(consultations[0]!.status).toBe('finished');
    expect(await db.selectFrom('billing_records').select('id').where('consultation_id', '=', consultations[0]!.id).execute()).toHaveLength(1);
  });

  it("SIGTERM on the doctor's node during another call: the node exits within 10 s, media keeps flowing, the page reconnects, and neither person is shown an error", async () => {
    const c = await startNode(dbUrl);
    const door = await frontDoor([c.port, b.port]);
    const d = await createDoctor(db, { name: 'Paulo Lima' });
    const p = await createPatient(db, { name: 'Ana Reis', doctors: [d] });
    const doc = await signedInCallPage(browser, door, d.email, DESKTOP);
    const pat = await signedInCallPage(browser, b.url, p.email, PHONE);
    pages.push(doc, pat);
    const res = await doc.context.request.post('/api/rooms', { data: { patientId: p.id, reason: 'Retorno' }, headers: { origin: door } });
    const room = ((await res.json()) as { code: string }).code;
    await pat.page.goto(`/sala/${room}`);
    await pat.page.getByLabel('Li e concordo com o termo').check();
    await pat.page.getByRole('button', { name: 'Aceitar e continuar' }).click();
    await pat.page.getByRole('button', { name: 'Entrar na consulta', exact: true }).click();
    await doc.page.goto(`/sala/${room}`);
    await doc.page.getByRole('button', { name: 'Entrar na consulta', exact: true }).click();
    await doc.page.getByRole('button', { name: 'Deixar entrar' }).click();
    await expectFramesGrowing(doc.page, 'doctor');
    await expectFramesGrowing(pat.page, 'patient');

    const stoppedAt = Date.now();
    c.child.kill('SIGTERM');
    expect(await c.exit).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(10_000);
    await expectFramesGrowing(pat.page, 'patient after SIGTERM');
    await expectFramesGrowing(doc.page, 'doctor after SIGTERM');
    await say(pat.page, doc.page, 'Continua aí?', 30_000);
    await say(doc.page, pat.page, 'Continuo.', 30_000);
    for (const page of [doc.page, pat.page]) expect((await page.locator('[role="alert"]').allInnerTexts()).join('').trim()).toBe('');
    expect(c.out()).not.toMatch(/"level":(50|60)/);
  });

  it('logged no page errors and no server errors', () => {
    // While node A is gone, Chromium logs the refused or reset attempts; those are expected.
    const dropped = /ERR_CONNECTION_REFUSED|ERR_CONNECTION_RESET|ERR_EMPTY_RESPONSE|WebSocket connection/;
    expect([...doctor.errors, ...patient.errors, ...pages.flatMap((pg) => pg.errors)].filter((e) => !dropped.test(e))).toEqual([]);
    expect(b.out()).not.toMatch(/"level":(50|60)/);
  });
});
