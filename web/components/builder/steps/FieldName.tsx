'use client';
import { parsePath, renameRefusal, type ServiceDefinition } from '@sportello/schemas';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { renameDataName } from '@/lib/builder/field-name';

/**
 * A field's data name (its property in the answers), renamed on demand: typing must not rename at
 * every key. renameDataName renames every place the service reads it; a name the engine refuses is
 * said under the box and changes nothing.
 */
export function FieldName({ definition, path, onRename }: { definition: ServiceDefinition; path: string; onRename: (next: ServiceDefinition, path: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const name = parsePath(path).at(-1)!.name;
  const [value, setValue] = useState(name);
  const refusal = useMemo(() => renameRefusal(definition, path, value), [definition, path, value]);
  const submit = () => {
    const result = renameDataName(definition, path, value);
    if (result.ok && result.path !== path) onRename(result.definition, result.path);
  };
  return (
    <form className="mb-2" onSubmit={(e) => { e.preventDefault(); submit(); }}>
      <label htmlFor={`${id}-name`} className="form-label small mb-0">{t('builder.props.name')}</label>
      <div className="input-group input-group-sm">
        {path !== name ? <span className="input-group-text"><code>{path.slice(0, -name.length)}</code></span> : null}
        <input id={`${id}-name`} className={`form-control ${refusal ? 'is-invalid' : ''}`} value={value} onChange={(e) => setValue(e.target.value.trim())}
          aria-invalid={refusal !== undefined} aria-describedby={refusal ? `${id}-error` : `${id}-hint`} spellCheck={false} autoComplete="off" />
        <button type="submit" className="btn btn-outline-primary" disabled={refusal !== undefined || value === name}>{t('builder.props.rename')}</button>
      </div>
      {refusal
        ? <p id={`${id}-error`} className="small text-danger mb-0">{t(`builder.props.nameRefused.${refusal.slice('field.'.length)}`, { name: value })}</p>
        : <p id={`${id}-hint`} className="small text-muted mb-0">{t('builder.props.nameHint')}</p>}
    </form>
  );
}
