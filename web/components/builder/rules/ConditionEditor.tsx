'use client';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryBuilder, type Field, type FullField, type Translations } from 'react-querybuilder';
import type { Logic } from '@sportello/schemas';
import { UNARY_OPERATORS, comparable, conditionToLogic, logicToCondition, operatorsFor, type Condition, type ConditionField } from './condition';
import type { FieldInfo } from './fields';
import { sameLogic } from './logic-utils';
import { LabelledSelect, LabelledValueEditor } from './qb-controls';
import { derivedFields } from './derived';

type Readable = FieldInfo & { name: string };
type TFn = (key: string, options?: Record<string, unknown>) => string;

/** The fields of a condition editor, with their operators and value editors in the platform's language. */
export function conditionFields(readable: Readable[], t: TFn, inRows = false): ConditionField[] {
  // Beside the fields: the days or years between each date and today (not in a group's rows' own condition).
  const all: Readable[] = inRows ? readable : [...readable, ...derivedFields(readable, t)];
  return all.map((info) => {
    const isDate = info.format === 'date' || info.format === 'date-time';
    const values = info.type === 'boolean'
      ? [{ name: 'true', value: 'true', label: t('ruleEditor.yes') }, { name: 'false', value: 'false', label: t('ruleEditor.no') }]
      : info.enum?.map((v) => ({ name: String(v), value: String(v), label: String(v) }));
    const field: Field = {
      name: info.name,
      value: info.name,
      label: info.label,
      // react-querybuilder does not read "between" back inside a condition over a group's rows.
      operators: (info.named ? ['truthy', '=', '!='] : operatorsFor(info).filter((op) => (!inRows || !op.includes('etween')) && (!info.derived || !UNARY_OPERATORS.has(op))))
        .map((name) => ({ name, value: name, label: t(info.named && name === 'truthy' ? 'ruleEditor.op.holds' : `ruleEditor.op.${name}`), ...(UNARY_OPERATORS.has(name) ? { arity: 'unary' as const } : {}) })),
      valueSources: (info.type === 'boolean' || info.enum ? ['value'] : ['value', 'field']).map((name) => ({ name, value: name, label: t(name === 'value' ? 'ruleEditor.qb.sourceValue' : 'ruleEditor.qb.sourceField') })) as Field['valueSources'],
      comparator: (other: FullField) => other.name !== info.name && !!(other as unknown as ConditionField).info && comparable(info, (other as unknown as ConditionField).info),
      inputType: info.type === 'number' || info.type === 'integer' ? 'number' : isDate ? 'date' : 'text',
      ...(values ? { values } : {}),
      ...(info.isGroup ? {
        matchModes: (['some', 'all', 'none'] as const).map((name) => ({ name, value: name, label: t(`ruleEditor.match.${name}`) })),
        subproperties: conditionFields(info.columns ?? [], t, true),
        valueSources: [{ name: 'value', value: 'value', label: t('ruleEditor.qb.sourceValue') }],
      } : {}),
    };
    return Object.assign(field, { info }) as ConditionField;
  });
}

function translations(t: TFn): Partial<Translations> {
  const tr = (name: string) => ({ label: t(`ruleEditor.qb.${name}`), title: t(`ruleEditor.qb.${name}Title`) });
  return {
    fields: { title: t('ruleEditor.qb.field'), placeholderName: '~', placeholderLabel: '', placeholderGroupLabel: '' },
    operators: { title: t('ruleEditor.qb.operator'), placeholderName: '~', placeholderLabel: '', placeholderGroupLabel: '' },
    value: { title: t('ruleEditor.qb.value') },
    valueSourceSelector: { title: t('ruleEditor.qb.valueSource') },
    combinators: { title: t('ruleEditor.qb.combinator') },
    addRule: tr('addRule'), addGroup: tr('addGroup'), removeRule: tr('removeRule'), removeGroup: tr('removeGroup'),
    notToggle: tr('not'),
  } as Partial<Translations>;
}

const CLASSNAMES = {
  queryBuilder: 'sportello-qb',
  ruleGroup: 'border rounded p-2 mb-2 bg-light',
  header: 'd-flex flex-wrap gap-2 align-items-center mb-2',
  body: 'd-flex flex-column gap-2',
  rule: 'd-flex flex-wrap gap-2 align-items-center',
  fields: 'form-select form-select-sm w-auto',
  operators: 'form-select form-select-sm w-auto',
  valueSource: 'form-select form-select-sm w-auto',
  combinators: 'form-select form-select-sm w-auto',
  value: 'form-control form-control-sm w-auto',
  addRule: 'btn btn-sm btn-outline-primary',
  addGroup: 'btn btn-sm btn-outline-primary',
  removeRule: 'btn btn-sm btn-outline-danger',
  removeGroup: 'btn btn-sm btn-outline-danger',
  notToggle: 'form-check-label',
};

/**
 * "when <field> <operator> <value> [and/or ...]": react-querybuilder over the fields a rule can
 * read. The query is kept here while it is edited (an empty group has no JSON Logic yet) and the
 * JSON Logic goes up on every change; a new `value` from outside (the Advanced view) replaces it.
 */
export function ConditionEditor({ value, fields, onChange, label }: {
  value: Logic | undefined;
  fields: ConditionField[];
  onChange: (logic: Logic | null) => void;
  label: string;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState<Condition>(() => logicToCondition(value, fields) ?? { combinator: 'and', rules: [] });
  const emitted = useRef<Logic | null | undefined>(value);
  if (!sameLogic(value ?? null, emitted.current ?? null)) {
    emitted.current = value;
    const parsed = logicToCondition(value, fields);
    if (parsed) setQuery(parsed);
  }
  const tr = useMemo(() => translations(t), [t]);
  const combinators = useMemo(() => [{ name: 'and', value: 'and', label: t('ruleEditor.qb.and') }, { name: 'or', value: 'or', label: t('ruleEditor.qb.or') }], [t]);
  return (
    <div role="group" aria-label={label}>
      <QueryBuilder
        fields={fields}
        query={query}
        onQueryChange={(q: Condition) => {
          setQuery(q);
          const logic = conditionToLogic(q, fields);
          if (sameLogic(logic ?? false, emitted.current ?? false)) return;
          emitted.current = logic;
          onChange(logic);
        }}
        combinators={combinators}
        translations={tr}
        controlClassnames={CLASSNAMES}
        enableMountQueryChange={false}
        listsAsArrays
        controlElements={{ valueSelector: LabelledSelect, valueEditor: LabelledValueEditor }}
        showNotToggle
        addRuleToNewGroups
        autoSelectField
        resetOnFieldChange
        getValueEditorType={(field: string, operator: string) => {
          const f = fields.find((x) => x.name === field);
          if (f?.values) return operator === 'in' || operator === 'notIn' ? 'multiselect' : 'select';
          return 'text';
        }}
      />
    </div>
  );
}
