'use client';
import { useBuilder, useDefinition } from '../store';
import { WorkflowEditor } from './WorkflowEditor';

export function WorkflowTab() {
  const { definition, onChange } = useDefinition();
  const { state } = useBuilder();
  const problems = [...state.problems, ...state.warnings];
  return <WorkflowEditor definition={definition} onChange={onChange} problems={problems} />;
}
