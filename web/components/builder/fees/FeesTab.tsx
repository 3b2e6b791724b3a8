'use client';
import { useTranslation } from 'react-i18next';
import { useBuilder, useDefinition } from '../store';
import { Calculator } from './Calculator';
import { FeesEditor } from './FeesEditor';
import { RankingEditor } from './RankingEditor';

/** The Fees & ranking tab: both editors and, beside them, the calculator on test answers. */
export function FeesTab() {
  const { t } = useTranslation();
  const { definition, onChange } = useDefinition();
  const { state } = useBuilder();
  const problems = [...state.problems, ...state.warnings];
  return (
    <div className="d-flex flex-column gap-4">
      <section aria-labelledby="fees-h"><h3 id="fees-h" className="h5">{t('feeEditor.title')}</h3><FeesEditor definition={definition} onChange={onChange} problems={problems} /></section>
      <section aria-labelledby="ranking-h"><h3 id="ranking-h" className="h5">{t('rankingEditor.title')}</h3><RankingEditor definition={definition} onChange={onChange} problems={problems} /></section>
      <Calculator definition={definition} />
    </div>
  );
}
