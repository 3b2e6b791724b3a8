import formioCore from '@formio/core';
const { processSync, ProcessTargets } = formioCore;
const form = { display: 'form', components: [
  { type: 'checkbox', key: 'flag', input: true },
  { type: 'panel', key: 'p', input: false, conditional: { json: { '==': [{ var: 'data.flag' }, true] } }, components: [
    { type: 'container', key: 'c', input: true, clearOnHide: false, conditional: { json: { '==': [{ var: 'data.flag' }, true] } }, components: [
      { type: 'radio', key: 'tipo', input: true, clearOnHide: false, dataType: 'string', values: [{ label: 'a', value: 'a' }], validate: { onlyAvailableItems: true } },
    ] },
  ] },
] };
for (const targets of [[ProcessTargets.submission], [ProcessTargets.evaluator], [ProcessTargets.submission, ProcessTargets.evaluator]]) {
  const data = { flag: false };
  const scope = { errors: [] };
  for (const t of targets) { const ctx = { form, submission: { data }, data, components: form.components, processors: t, scope, config: { server: true } }; processSync(ctx); }
  console.log(targets.length, JSON.stringify(data), scope.errors.map((e) => e.ruleName + ' ' + e.context.path), JSON.stringify(scope.conditionals ?? null));
}
