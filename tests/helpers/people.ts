import type { UserRow } from '#server/db/types.ts';
import { createAdmin, createDoctor, createPatient, login } from './factories';
import type { TestApp } from './test-app';

/** A user with a signed-in session cookie, for route tests. */
export type Person = { user: UserRow; cookie: string };

/**
 * Signed-in doctors, patients and one admin, created on demand. Takes a getter because the test
 * app is built in beforeAll, after the test file's top level runs.
 */
export function signedInPeople(app: () => TestApp) {
  let adminCookie: string | undefined;
  return {
    async doctor(): Promise<Person> {
      const user = await createDoctor(app().db);
      return { user, cookie: await login(app(), user) };
    },
    async patientOf(...doctors: UserRow[]): Promise<Person> {
      const user = await createPatient(app().db, { doctors });
      return { user, cookie: await login(app(), user) };
    },
    async admin(): Promise<string> {
      adminCookie ??= await login(app(), await createAdmin(app().db));
      return adminCookie;
    },
  };
}
