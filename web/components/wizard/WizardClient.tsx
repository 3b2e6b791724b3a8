'use client';
import dynamic from 'next/dynamic';
import { Suspense } from 'react';
import type { WizardProps } from './Wizard';

const waiting = <p aria-busy="true">…</p>;
// Client only: the wizard starts from this device's saved answers (localStorage), which the server cannot see.
const Wizard = dynamic(() => import('./Wizard').then((m) => m.Wizard), { ssr: false, loading: () => waiting });

export function WizardClient(props: WizardProps) {
  // The wizard waits (React `use`) for its definition to compile, which may load re2js first.
  return <Suspense fallback={waiting}><Wizard {...props} /></Suspense>;
}
