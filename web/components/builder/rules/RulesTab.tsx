'use client';
import { useEditor } from '../editor-context';
import { useBuilder, useDefinition } from '../store';
import { RulesEditor } from './RulesEditor';

/** The Rules tab: the rule editor over the working copy, with the server's problems and warnings at each rule. */
export function RulesTab() {
  const { definition, onChange } = useDefinition();
  const { state } = useBuilder();
  const { focus } = useEditor();
  return <RulesEditor definition={definition} onChange={onChange} problems={[...state.problems, ...state.warnings]} focus={focus} />;
}
