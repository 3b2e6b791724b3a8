'use client';
import { useTranslation } from 'react-i18next';
import { useDefinition } from '../store';
import { Calculator } from './Calculator';
import { FeesEditor } from './FeesEditor';
import { RankingEditor } from './RankingEditor';

/** The Fees & ranking tab: both editors and, beside them, the calculator on test answers. */
export function FeesTab() {
  const { t } = useTranslation();
  const { definition, onChange } = useDefinition();
  return (
    <div className="d-flex flex-column gap-4">
      <section aria-labelledby="fees-h"><h3 id="fees-h" className="h5">{t('feeEditor.title')}</h3><FeesEditor definition={definition} onChange={onChange} /></section>
      <section aria-labelledby="ranking-h"><h3 id="ranking-h" className="h5">{t('rankingEditor.title')}</h3><RankingEditor definition={definition} onChange={onChange} /></section>
      <Calculator definition={definition} />
    </div>
  );
}
