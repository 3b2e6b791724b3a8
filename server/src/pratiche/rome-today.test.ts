import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnteWithUsers, createUser, type EnteFixture } from '../test-support/fixtures.js';
import { loadTemplate, publishService } from '../test-support/published-services.js';
import { startTestApp, type TestApp } from '../test-support/test-app.js';

// "Today" is Rome's date for the preview (evaluateAnswers), the draft's evaluation and the
// submission's verdict alike: between midnight and 01:00/02:00 in Rome they used to disagree,
// as evaluateAnswers took the UTC date. segnalazione-assenza refuses an absence on a past day.

const EVALUATE = 'query ($v: ID!, $a: JSON!) { evaluateAnswers(versionId: $v, answers: $a) { valid errors { pointer key } } }';
const SAVE = 'mutation ($input: SaveDraftInput!) { saveDraft(input: $input) { rowVersion evaluation } }';
const SUBMIT = 'mutation ($input: SubmitPraticaInput!) { submitPratica(input: $input) { id code } }';
const PAST = 'error.dataAssenzaPassata';

let t: TestApp;
let fx: EnteFixture;
let service: { serviceId: string; versionId: string };
let n = 0;

beforeAll(async () => {
  t = await startTestApp();
  fx = await createEnteWithUsers(t.services, { slug: 'rome-today' });
  service = await publishService(t.db.prisma, { enteId: fx.ente.id, publishedById: fx.users.designer.id, slug: 'segnalazione-assenza', definition: loadTemplate('segnalazione-assenza') });
});
afterAll(() => t?.close());

/** What the preview, the draft and the submission say of an absence on `day`, at the clock's time. */
async function verdicts(day: string) {
  const answers = { codiceFiscaleAlunno: 'RSSLCU16A01F205A', dataAssenza: day, servizio: 'mensa' };
  const preview = await t.gql(EVALUATE, { v: service.versionId, a: answers });
  // A fresh citizen each time: one draft per citizen and service.
  const citizen = (await createUser(t.services)).token;
  n++;
  const draft = await t.gql(SAVE, { input: { serviceId: service.serviceId, answers } }, citizen);
  const submit = await t.gql(SUBMIT, { input: { serviceId: service.serviceId, answers, idempotencyKey: `rome-today-${n}-key` } }, citizen);
  const past = (errors: Array<{ key: string }>) => errors.some((e) => e.key === PAST);
  return {
    preview: past(preview.data!.evaluateAnswers.errors),
    draft: past(draft.data!.saveDraft.evaluation.errors),
    submit: submit.errors ? (submit.errors[0]!.extensions!.fieldErrors ?? []).some((e) => e.code === PAST) : false,
    submitted: !submit.errors,
  };
}

// [instant (UTC), Rome's date then, the day before it]
const MOMENTS: Array<[string, string, string, string]> = [
  ['winter, 00:30 in Rome (UTC+1)', '2026-11-24T23:30:00Z', '2026-11-25', '2026-11-24'],
  ['winter, 23:59 in Rome', '2026-11-24T22:59:00Z', '2026-11-24', '2026-11-23'],
  ['night before the spring change, 00:30 in Rome (UTC+1)', '2026-03-28T23:30:00Z', '2026-03-29', '2026-03-28'],
  ['night after the spring change, 00:30 in Rome (UTC+2)', '2026-03-29T22:30:00Z', '2026-03-30', '2026-03-29'],
  ['summer, 01:30 in Rome (UTC+2)', '2026-07-01T23:30:00Z', '2026-07-02', '2026-07-01'],
  ['night before the autumn change, 00:30 in Rome (UTC+2)', '2026-10-24T22:30:00Z', '2026-10-25', '2026-10-24'],
  ['night after the autumn change, 00:30 in Rome (UTC+1)', '2026-10-25T23:30:00Z', '2026-10-26', '2026-10-25'],
];

describe("today is Rome's date for preview, draft and submission", () => {
  for (const [name, at, today, yesterday] of MOMENTS) {
    it(`${name}: ${at} is ${today}`, async () => {
      t.clock.set(at);
      // Rome's yesterday is past for all three (the UTC date may still be that day).
      expect(await verdicts(yesterday)).toEqual({ preview: true, draft: true, submit: true, submitted: false });
      // Rome's today is fine for all three.
      expect(await verdicts(today)).toEqual({ preview: false, draft: false, submit: false, submitted: true });
    });
  }
});
