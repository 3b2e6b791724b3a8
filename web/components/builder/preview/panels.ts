import type { ComponentType } from 'react';
import type { CompiledService, Evaluation, ServiceDefinition } from '@sportello/schemas';
import { RuleTrace } from '../trace/RuleTrace';

/** What a panel beside the preview receives: the copy, its compiled service, the test answers. */
export interface PreviewPanelProps {
  definition: ServiceDefinition;
  service: CompiledService;
  answers: Record<string, unknown>;
  evaluation: Evaluation;
  language: string;
}

/**
 * Panels shown beside the preview's test answers, in order. The rule trace (rules/) adds itself
 * here: `export const PREVIEW_PANELS = [RuleTrace]`.
 */
export const PREVIEW_PANELS: Array<ComponentType<PreviewPanelProps>> = [RuleTrace];
