// @vitest-environment jsdom
// The wizard's live verdict on the render path (context.ts's store, memoized FieldView): typing
// makes fields appear and become required, computed values follow, and whole-verdict readers
// (useWizard) see each new evaluation. Rendered through the builder's preview, which uses the
// wizard's own provider and field renderer with the real engine and react-hook-form.
import { act, fireEvent, render } from '@testing-library/react';
import { Profiler, useEffect, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { compile, evaluate, type ServiceDefinition } from '@sportello/schemas';
import rentSubsidy from '../../../schemas/templates/contributo-affitto.json' with { type: 'json' };
import { PreviewPane } from '@/components/builder/preview/PreviewPane';
import { toAnswers, toFormValues, type FormValues } from '@/lib/wizard/model';
import { createLiveStore, useWizard, WizardProvider, type WizardContextValue } from './context';
import { FieldView } from './FieldView';

const template = rentSubsidy as unknown as ServiceDefinition;
const compiled = compile(template);
if (!compiled.ok) throw new Error('the rent subsidy does not compile');
const service = compiled.service;

function Harness({ step, initial = {} }: { step: number; initial?: Record<string, unknown> }) {
  const [answers, setAnswers] = useState(initial);
  return <PreviewPane definition={template} compiled={compiled} language="it" step={step} answers={answers} onAnswers={setAnswers} showErrors />;
}

const input = (container: HTMLElement, id: string) => container.querySelector<HTMLInputElement>(`#${id}`);

describe('the wizard re-evaluates as the citizen types', () => {
  it('shows a field and makes it required when the answer that rules it changes', () => {
    const { container } = render(<Harness step={0} />);
    expect(input(container, 'f-richiedente-permessoNumero')).toBeNull();
    act(() => { input(container, 'f-richiedente-areaCittadinanza-extra_ue')!.click(); });
    const numero = input(container, 'f-richiedente-permessoNumero');
    expect(numero).not.toBeNull();
    expect(numero!.getAttribute('aria-required')).toBe('true');
    act(() => { input(container, 'f-richiedente-areaCittadinanza-italiana')!.click(); });
    expect(input(container, 'f-richiedente-permessoNumero')).toBeNull();
  });

  it('updates computed values in the same render as the keystroke, and leaves the others', () => {
    const { container } = render(<Harness step={1} initial={{ nucleo: [{ reddito: 1000 }, { reddito: 500 }] }} />);
    const total = () => container.querySelector('#f-riepilogo-redditoComplessivo')!.textContent;
    const members = () => container.querySelector('#f-riepilogo-numeroComponenti')!.textContent;
    const euro = (n: number) => n.toLocaleString(undefined, { style: 'currency', currency: 'EUR' });
    expect(total()).toBe(euro(1500));
    act(() => { fireEvent.input(input(container, 'f-nucleo-0-reddito')!, { target: { value: '1200,5' } }); });
    expect(total()).toBe(euro(1700.5));
    expect(members()).toBe('2');
  });

  it('gives whole-verdict readers (useWizard) each new evaluation', () => {
    const seen: unknown[] = [];
    function Reader() {
      seen.push(useWizard().evaluation.computed['/riepilogo/redditoComplessivo']);
      return null;
    }
    function WithReader({ reddito }: { reddito: number }) {
      const form = useForm<FormValues>();
      const evaluation = useMemo(() => evaluate(service, { nucleo: [{ reddito }] }, { locale: 'it' }), [reddito]);
      const ctx: WizardContextValue = {
        service, serviceId: 's', text: (k, f = '') => k ?? f, evaluation, hidden: new Set(evaluation.hidden), required: new Set(evaluation.required),
        errors: new Map(), locked: new Set(), prefilled: new Map(), register: form.register, setValue: form.setValue, control: form.control,
        files: {}, rememberFile: () => undefined, online: true,
      };
      return <WizardProvider value={ctx}><Reader /></WizardProvider>;
    }
    const { rerender } = render(<WithReader reddito={10} />);
    rerender(<WithReader reddito={25} />);
    expect(seen[0]).toBe(10);
    expect(seen[seen.length - 1]).toBe(25);
  });

  it('renders the fields in the same commit as the wizard when the change handler publishes the verdict', () => {
    const start = { nucleo: [{ reddito: 1000 }, { reddito: 500 }] };
    const verdicts = new WeakMap<object, Pick<WizardContextValue, 'evaluation' | 'hidden' | 'required' | 'errors'>>();
    const verdictOf = (answers: Record<string, unknown>) => {
      let v = verdicts.get(answers);
      if (!v) {
        const evaluation = evaluate(service, answers, { locale: 'it' });
        v = { evaluation, hidden: new Set(evaluation.hidden), required: new Set(evaluation.required), errors: new Map() };
        verdicts.set(answers, v);
      }
      return v;
    };
    const text = (k: string | undefined, f = '') => k ?? f;
    const noFiles = {}, locked = new Set<string>(), prefilled = new Map<string, string>(), rememberFile = () => undefined;
    let commits = 0;
    function Household({ publish }: { publish: boolean }) {
      const form = useForm<FormValues>({ defaultValues: toFormValues(start, template.data) as FormValues, shouldUnregister: false });
      const [answers, setAnswers] = useState<Record<string, unknown>>(start);
      const [store] = useState(createLiveStore);
      useEffect(() => {
        const sub = form.watch((values) => {
          const next = (toAnswers(values, template.data) ?? {}) as Record<string, unknown>;
          if (publish) store.publish(verdictOf(next)); // as Wizard's handler does
          setAnswers(next);
        });
        return () => sub.unsubscribe();
      }, [form, store, publish]);
      const ctx: WizardContextValue = {
        service, serviceId: 's', text, ...verdictOf(answers), locked, prefilled,
        register: form.register, setValue: form.setValue, control: form.control, files: noFiles, rememberFile, online: true,
      };
      return (
        <Profiler id="wizard" onRender={() => { commits++; }}>
          <WizardProvider value={ctx} store={store}>{template.ui.steps[1]!.fields.map((f) => <FieldView key={f} path={f} />)}</WizardProvider>
        </Profiler>
      );
    }
    const euro = (n: number) => n.toLocaleString(undefined, { style: 'currency', currency: 'EUR' });
    for (const [publish, expected] of [[true, 1], [false, 2]] as const) {
      const { container, unmount } = render(<Household publish={publish} />);
      const total = () => container.querySelector('#f-riepilogo-redditoComplessivo')!.textContent;
      expect(total()).toBe(euro(1500));
      commits = 0;
      act(() => { fireEvent.input(input(container, 'f-nucleo-0-reddito')!, { target: { value: '1200' } }); });
      expect(total()).toBe(euro(1700));
      // Published from the handler: one commit; left to the provider's layout effect: a second pass.
      expect(commits).toBe(expected);
      unmount();
    }
  });
});
