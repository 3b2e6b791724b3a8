import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnteWithUsers, type EnteFixture } from '../test-support/fixtures.js';
import { TEMPLATE_TODAY } from '../test-support/template-answers.js';
import { startTestApp, type TestApp } from '../test-support/test-app.js';
import { ASSENZA, defaultWorkflowService, submitted, workflowWorld, type WorkflowWorld } from '../test-support/workflow-world.js';
import { code } from '../test-support/written.js';

const SET = `mutation ($input: SetServiceRoutingInput!) { setServiceRouting(input: $input) {
  serviceId defaultOffice { id name } rules { when office { id name } } } }`;
const GET = 'query ($id: ID!) { serviceRouting(serviceId: $id) { defaultOffice { id } rules { office { id } } } }';

let t: TestApp;
let w: WorkflowWorld;
let other: EnteFixture;
let mensa: string;
let trasporti: string;
let segreteria: string;
let altrui: string;
const officeOf = async (id: string) => (await t.db.prisma.pratica.findUniqueOrThrow({ where: { id } })).officeId;
const set = (input: object, token = w.fx.tokens.designer) => t.gql(SET, { input: { serviceId: w.serviceId, ...input } }, token);
const TRASPORTO = { '==': [{ var: 'servizio' }, 'trasporto'] };

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(TEMPLATE_TODAY); // the answers' dates are valid on the templates' day
  w = await workflowWorld(t, 'smistamento', defaultWorkflowService());
  other = await createEnteWithUsers(t.services, { slug: 'smistamento-altro' });
  const office = async (enteId: string, name: string) => (await t.db.prisma.office.create({ data: { enteId, name, email: `${name.toLowerCase()}@example.test` }, select: { id: true } })).id;
  mensa = await office(w.fx.ente.id, 'Mensa');
  trasporti = await office(w.fx.ente.id, 'Trasporti');
  segreteria = await office(w.fx.ente.id, 'Segreteria');
  altrui = await office(other.ente.id, 'Altrui');
}, 180_000);
afterAll(() => t?.close());

describe('routing of new pratiche', () => {
  it('without routing a pratica goes to the shared queue; with a default office, there', async () => {
    expect(await officeOf((await submitted(t.services.pratiche, w)).id)).toBeNull();
    const r = await set({ defaultOfficeId: segreteria, rules: [] });
    expect(r.errors).toBeUndefined();
    expect(r.data.setServiceRouting).toMatchObject({ defaultOffice: { id: segreteria, name: 'Segreteria' }, rules: [] });
    expect(await officeOf((await submitted(t.services.pratiche, w)).id)).toBe(segreteria);
  });

  it('the first rule whose condition holds on the answers wins, else the default', async () => {
    const r = await set({ defaultOfficeId: segreteria, rules: [{ when: TRASPORTO, officeId: trasporti }, { when: { '==': [{ var: 'servizio' }, 'mensa'] }, officeId: mensa }, { when: true, officeId: segreteria }] });
    expect(r.errors).toBeUndefined();
    expect(r.data.setServiceRouting.rules.map((x: any) => x.office.name)).toEqual(['Trasporti', 'Mensa', 'Segreteria']);
    expect(await officeOf((await submitted(t.services.pratiche, w, { ...ASSENZA, servizio: 'trasporto' })).id)).toBe(trasporti);
    expect(await officeOf((await submitted(t.services.pratiche, w, { ...ASSENZA, servizio: 'mensa' })).id)).toBe(mensa);
    const read = await t.gql(GET, { id: w.serviceId }, w.fx.tokens.admin);
    expect(read.data.serviceRouting).toEqual({ defaultOffice: { id: segreteria }, rules: [{ office: { id: trasporti } }, { office: { id: mensa } }, { office: { id: segreteria } }] });
    const audit = await t.db.prisma.auditEvent.findFirst({ where: { subjectId: w.serviceId, action: 'service.routingSet' }, orderBy: { id: 'desc' } });
    expect(audit).toMatchObject({ actorId: w.fx.users.designer.id, data: { defaultOfficeId: segreteria } });
  });

  it('refuses conditions that do not fit the service\'s fields, with a pointer each, and writes nothing', async () => {
    const before = await t.db.prisma.service.findUniqueOrThrow({ where: { id: w.serviceId } });
    const r = await set({ rules: [{ when: TRASPORTO, officeId: trasporti }, { when: { '==': [{ var: 'nonEsiste' }, 1] }, officeId: mensa }, { when: { '==': [{ var: '$office.x' }, 1] }, officeId: mensa }] });
    expect(code(r)).toBe('BAD_USER_INPUT');
    const pointers = (r.errors![0]!.extensions!.fieldErrors as Array<{ pointer: string }>).map((e) => e.pointer);
    expect(pointers.some((p) => p.startsWith('/rules/1/when'))).toBe(true);
    expect(pointers.some((p) => p.startsWith('/rules/2/when'))).toBe(true);
    expect(pointers.some((p) => p.startsWith('/rules/0/'))).toBe(false);
    expect(await t.db.prisma.service.findUniqueOrThrow({ where: { id: w.serviceId } })).toEqual(before);
  });

  it('another Ente\'s office or service is NOT_FOUND; operators may not set routing', async () => {
    const before = await t.db.prisma.service.findUniqueOrThrow({ where: { id: w.serviceId } });
    expect(code(await set({ defaultOfficeId: altrui, rules: [] }))).toBe('NOT_FOUND');
    expect(code(await set({ rules: [{ when: true, officeId: altrui }] }))).toBe('NOT_FOUND');
    expect(code(await set({ rules: [] }, other.tokens.designer))).toBe('NOT_FOUND');
    expect(code(await set({ rules: [] }, w.fx.tokens.operator))).toBe('FORBIDDEN');
    expect(code(await t.gql(GET, { id: w.serviceId }, other.tokens.admin))).toBe('NOT_FOUND');
    expect(await t.db.prisma.service.findUniqueOrThrow({ where: { id: w.serviceId } })).toEqual(before);
  });
});
