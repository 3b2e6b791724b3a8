'use client';
import { useDefinition } from '../store';
import { WorkflowEditor } from './WorkflowEditor';

export function WorkflowTab() {
  const { definition, onChange } = useDefinition();
  return <WorkflowEditor definition={definition} onChange={onChange} />;
}
