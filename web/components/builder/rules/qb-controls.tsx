'use client';
import type { ChangeEvent } from 'react';
import { UNARY_OPERATORS } from './condition';
import { toOptions, useValueEditor, useValueSelector, type ValueEditorProps, type ValueSelectorProps } from 'react-querybuilder';

/**
 * react-querybuilder's default selects and inputs name themselves only by `title`, which axe
 * reports (label-title-only): these are the same controls with the title as their label.
 */
export function LabelledSelect(props: ValueSelectorProps) {
  const { onChange, val } = useValueSelector(props);
  const change = (e: ChangeEvent<HTMLSelectElement>) => onChange(props.multiple ? Array.from(e.target.selectedOptions, (o) => o.value) : e.target.value);
  return (
    <select aria-label={props.title} title={props.title} data-testid={props.testID} className={props.className} value={val as string | string[]} disabled={props.disabled} multiple={!!props.multiple} onChange={change}>
      {toOptions(props.options)}
    </select>
  );
}

export function LabelledValueEditor(props: ValueEditorProps) {
  const { operator, value, handleOnChange, title, className, type = 'text', values = [], fieldData, disabled, testID } = props;
  const { valueAsArray, multiValueHandler, inputTypeCoerced, valueListItemClassName } = useValueEditor(props);
  if (UNARY_OPERATORS.has(operator)) return null;
  const placeholder = fieldData?.placeholder ?? '';
  if (operator === 'between' || operator === 'notBetween') {
    return (
      <span data-testid={testID} className="d-inline-flex gap-1 align-items-center">
        {(['from', 'to'] as const).map((key, i) => (type === 'select'
          ? <LabelledSelect key={key} {...(props as unknown as ValueSelectorProps)} title={`${title} (${i + 1})`} className={valueListItemClassName} value={String(valueAsArray[i] ?? '')} options={values} handleOnChange={(v: string) => multiValueHandler(v, i)} multiple={false} />
          : <input key={key} aria-label={`${title} (${i + 1})`} type={inputTypeCoerced} placeholder={placeholder} value={String(valueAsArray[i] ?? '')} className={className} disabled={disabled} onChange={(e) => multiValueHandler(e.target.value, i)} />))}
      </span>
    );
  }
  if (type === 'select' || type === 'multiselect') {
    return <LabelledSelect {...(props as unknown as ValueSelectorProps)} testID={testID} className={className} title={title} value={value} options={values} multiple={type === 'multiselect'} handleOnChange={handleOnChange} listsAsArrays />;
  }
  return <input data-testid={testID} aria-label={title} title={title} type={inputTypeCoerced} placeholder={placeholder} value={value ?? ''} className={className} disabled={disabled} onChange={(e) => handleOnChange(e.target.value)} />;
}
