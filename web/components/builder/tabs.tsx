'use client';
import dynamic from 'next/dynamic';
import type { ComponentType } from 'react';
import { Loading } from './shared/Loading';
import { StepsTab } from './steps/StepsTab';

// The steps tab opens first; every other tab's code (react-querybuilder, rjsf, the workflow
// editor...) loads when the tab is first shown, not with the editor.
const loading = () => <Loading />;
const RulesTab = dynamic(() => import('./rules/RulesTab').then((m) => m.RulesTab), { loading });
const FeesTab = dynamic(() => import('./fees/FeesTab').then((m) => m.FeesTab), { loading });
const OfficeFieldsTab = dynamic(() => import('./office/OfficeFieldsTab').then((m) => m.OfficeFieldsTab), { loading });
const WorkflowTab = dynamic(() => import('./workflow/WorkflowTab').then((m) => m.WorkflowTab), { loading });
const TranslationsTab = dynamic(() => import('./translations/TranslationsTab').then((m) => m.TranslationsTab), { loading });
const PreviewTab = dynamic(() => import('./preview/PreviewTab').then((m) => m.PreviewTab), { loading });
const VersionsTab = dynamic(() => import('./versions/VersionsTab').then((m) => m.VersionsTab), { loading });

export interface TabSpec {
  id: string;
  /** Key under builder.tabs in locales/<lang>/web.json. */
  label: string;
  /** JSON pointer prefixes of the definition this tab edits: their problems are counted on it. */
  pointers: string[];
  Component: ComponentType;
}

/**
 * The editor's tabs, in order. Each component reads and writes the working copy through
 * useDefinition() (see README.md). Rules, fees & ranking, workflow and translations are filled by
 * the components of rules/, fees/, workflow/ and translations/.
 */
export const TABS: TabSpec[] = [
  { id: 'steps', label: 'steps', pointers: ['/ui', '/data', '/prefill', '/id', '/version', '/title', '/description', '/category', '/tags', '/defaultLanguage'], Component: StepsTab },
  { id: 'rules', label: 'rules', pointers: ['/rules', '/conditions'], Component: RulesTab },
  { id: 'fees', label: 'fees', pointers: ['/fees', '/ranking'], Component: FeesTab },
  { id: 'office', label: 'office', pointers: ['/officeData'], Component: OfficeFieldsTab },
  { id: 'workflow', label: 'workflow', pointers: ['/workflow'], Component: WorkflowTab },
  { id: 'translations', label: 'translations', pointers: ['/translations'], Component: TranslationsTab },
  { id: 'preview', label: 'preview', pointers: [], Component: PreviewTab },
  { id: 'versions', label: 'versions', pointers: [], Component: VersionsTab },
];

/** The tab a problem's pointer belongs to (the steps tab for anything not claimed). */
export function tabOfPointer(pointer: string): string {
  for (const tab of TABS) if (tab.pointers.some((p) => pointer === p || pointer.startsWith(`${p}/`))) return tab.id;
  return 'steps';
}
