'use client';
import { useMemo } from 'react';
import { useEditor } from '../editor-context';
import { useBuilder, useDefinition } from '../store';
import { TranslationsGrid } from './TranslationsGrid';

export function TranslationsTab() {
  const { definition, onChange } = useDefinition();
  const { state } = useBuilder();
  const { focus } = useEditor();
  const problems = useMemo(() => [...state.problems, ...state.warnings], [state.problems, state.warnings]);
  return <TranslationsGrid definition={definition} onChange={onChange} problems={problems} requiredLanguages={state.languages} focus={focus} />;
}
