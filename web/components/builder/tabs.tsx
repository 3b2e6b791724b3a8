'use client';
import type { ComponentType } from 'react';
import { OfficeFieldsTab } from './office/OfficeFieldsTab';
import { PreviewTab } from './preview/PreviewTab';
import { StepsTab } from './steps/StepsTab';
import { VersionsTab } from './versions/VersionsTab';
import { FeesTab } from './fees/FeesTab';
import { RulesTab } from './rules/RulesTab';
import { TranslationsTab } from './translations/TranslationsTab';
import { WorkflowTab } from './workflow/WorkflowTab';

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
  { id: 'rules', label: 'rules', pointers: ['/rules'], Component: RulesTab },
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
