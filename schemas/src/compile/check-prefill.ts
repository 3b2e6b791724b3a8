import type { Problem, ServiceDefinition } from '../types.js';
import type { FieldInfo } from './field-index.js';

/** Each prefill names a field that can hold what its source gives. */
export function checkPrefill(def: ServiceDefinition, fields: Map<string, FieldInfo>, problems: Problem[]): void {
  const seen = new Set<string>();
  (def.prefill ?? []).forEach((item, i) => {
    const at = `/prefill/${i}`;
    const field = fields.get(item.field);
    if (!field) {
      problems.push({ pointer: `${at}/field`, code: 'prefill.unknownField', message: `Prefill targets "${item.field}", which is not a field of the service`, params: { name: item.field } });
      return;
    }
    if (seen.has(item.field)) problems.push({ pointer: `${at}/field`, code: 'prefill.duplicate', message: `"${item.field}" is prefilled twice`, params: { name: item.field } });
    seen.add(item.field);
    if (field.group) {
      problems.push({ pointer: `${at}/field`, code: 'prefill.rowField', message: `"${item.field}" is inside a repeating group: prefill the group from anpr.family`, params: { name: item.field } });
      return;
    }
    const wantsGroup = item.source === 'anpr.family';
    const wantsObject = item.source === 'anpr.resident.address';
    if (wantsGroup !== (field.kind === 'group') || wantsObject !== (field.kind === 'object')) {
      problems.push({ pointer: `${at}/source`, code: 'prefill.typeMismatch', message: `Source "${item.source}" cannot fill "${item.field}" (${field.kind})`, params: { name: item.field, source: item.source } });
      return;
    }
    if (wantsGroup) {
      if (!item.map || Object.keys(item.map).length === 0) {
        problems.push({ pointer: at, code: 'prefill.missingMap', message: 'anpr.family needs a map from row fields to member data', params: {} });
      }
      for (const prop of Object.keys(item.map ?? {})) {
        if (!fields.has(`${item.field}[].${prop}`)) {
          problems.push({ pointer: `${at}/map/${prop}`, code: 'prefill.unknownField', message: `"${prop}" is not a field of the rows of "${item.field}"`, params: { name: `${item.field}[].${prop}` } });
        }
      }
    }
    if (wantsObject) {
      for (const prop of ['street', 'cap', 'comune', 'provincia']) {
        if (!fields.has(`${item.field}.${prop}`)) {
          problems.push({ pointer: `${at}/field`, code: 'prefill.addressShape', message: `"${item.field}" needs the property "${prop}" to receive an ANPR address`, params: { name: item.field, property: prop } });
        }
      }
    }
  });
}
