'use client';
import { useBuilder, useDefinition } from '../store';
import { TranslationsGrid } from './TranslationsGrid';

export function TranslationsTab() {
  const { definition, onChange } = useDefinition();
  const { state } = useBuilder();
  const problems = [...state.problems, ...state.warnings];
  return <TranslationsGrid definition={definition} onChange={onChange} problems={problems} />;
}
