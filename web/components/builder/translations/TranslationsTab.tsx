'use client';
import { useDefinition } from '../store';
import { TranslationsGrid } from './TranslationsGrid';

export function TranslationsTab() {
  const { definition, onChange } = useDefinition();
  return <TranslationsGrid definition={definition} onChange={onChange} />;
}
