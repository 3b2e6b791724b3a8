'use client';
import dynamic from 'next/dynamic';
import type { WizardProps } from './Wizard';

// Client only: the wizard starts from this device's saved answers (localStorage), which the server cannot see.
const Wizard = dynamic(() => import('./Wizard').then((m) => m.Wizard), { ssr: false, loading: () => <p aria-busy="true">…</p> });

export function WizardClient(props: WizardProps) {
  return <Wizard {...props} />;
}
