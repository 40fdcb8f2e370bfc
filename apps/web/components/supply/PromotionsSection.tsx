'use client';

import Link from 'next/link';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { DeletePromotionMutation, type PromotionData, PromotionsQuery } from '../../graphql/supply-planning';
import { describeFailure } from '../../lib/errors';
import { formatDay } from '../../lib/format';
import { useSession } from '../../lib/session';
import { skuPath } from '../../lib/sku';
import { formatUplift, utcToday } from '../../lib/supply-format';
import {
  channelLabel,
  draftFromPromotion,
  emptyPromotionDraft,
  type PromotionDraft,
  promotionPhase,
  promotionPhaseLabel,
  sortPromotions,
} from '../../lib/supply-promotions';
import { canEditPromotions } from '../../lib/supply-roles';
import { EmptyState, ErrorState, FailureState, LoadingState } from '../states/States';
import { PromotionForm } from './PromotionForm';
import './supply.css';
import { PageHead } from '../shell/PageHead';

type Editing = { mode: 'new'; draft: PromotionDraft } | { mode: 'edit'; promotion: PromotionData };

/** Marketing's promotions: entered here, they feed demand sensing (a saved future promotion retrains the forecast). */
export function PromotionsSection() {
  const session = useSession();
  const canEdit = canEditPromotions(session?.user.roles ?? []);
  const [includePast, setIncludePast] = useState(false);
  const [result, reexecute] = useQuery({
    query: PromotionsQuery,
    variables: { includePast },
    requestPolicy: 'cache-and-network',
  });
  const [editing, setEditing] = useState<Editing | null>(null);
  const [saved, setSaved] = useState<PromotionData | null>(null);
  const [deleted, deletePromotion] = useMutation(DeletePromotionMutation);
  const [deleteFailure, setDeleteFailure] = useState<{ message: string; code: string | null } | null>(null);
  const today = utcToday();
  const refresh = () => reexecute({ requestPolicy: 'network-only' });

  async function remove(promotion: PromotionData) {
    if (
      !window.confirm(
        `Delete the promotion “${promotion.campaign}”? Its SKUs' forecasts are retrained without it.`,
      )
    )
      return;
    setDeleteFailure(null);
    const answer = await deletePromotion({ id: promotion.id });
    if (answer.error) setDeleteFailure(describeFailure(answer.error));
    else {
      if (saved?.id === promotion.id) setSaved(null);
      refresh();
    }
  }

  const promotions = result.data ? sortPromotions(result.data.promotions, today) : [];

  return (
    <div className="supply">
      <PageHead
        title="Promotions"
        subtitle={
          <>
            Campaigns and the demand they are expected to add. A promotion in the future is applied to its
            SKUs&apos; forecasts as soon as it is saved.
          </>
        }
      >
        <label className="inline-field">
          <input
            type="checkbox"
            checked={includePast}
            onChange={(event) => setIncludePast(event.target.checked)}
          />
          Show ended promotions
        </label>
        {canEdit && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              setSaved(null);
              setEditing({ mode: 'new', draft: emptyPromotionDraft(today) });
            }}
            disabled={editing !== null}
          >
            New promotion
          </button>
        )}
      </PageHead>

      {!canEdit && session && (
        <p className="notice">Only marketing and planners enter promotions; you see them read-only.</p>
      )}

      {editing && (
        <section className="panel" aria-label="Promotion form">
          <PromotionForm
            key={editing.mode === 'edit' ? editing.promotion.id : 'new'}
            initial={editing.mode === 'edit' ? draftFromPromotion(editing.promotion) : editing.draft}
            editing={editing.mode === 'edit' ? editing.promotion : null}
            onSaved={(promotion) => {
              setEditing(null);
              setSaved(promotion);
              refresh();
            }}
            onCancel={() => setEditing(null)}
          />
        </section>
      )}

      {saved && (
        <div className="notice" role="status" data-testid="promotion-saved">
          Saved <strong>{saved.campaign}</strong> ({formatDay(saved.startsOn)} – {formatDay(saved.endsOn)},{' '}
          {formatUplift(saved.expectedUplift)} expected).{' '}
          {saved.endsOn >= today
            ? "Its SKUs' forecasts are retrained with it: "
            : 'It has ended, so it is kept as history for learning uplifts: '}
          {saved.skus.map((sku, index) => (
            <span key={sku.id}>
              {index > 0 && ', '}
              <Link href={skuPath(sku.code)} className="mono">
                {sku.code}
              </Link>
            </span>
          ))}
          .
        </div>
      )}
      {deleteFailure && (
        <ErrorState
          message={`The promotion was not deleted: ${deleteFailure.message}`}
          code={deleteFailure.code}
        />
      )}

      <section className="panel" aria-labelledby="promotions-title">
        <header className="panel__head">
          <h2 id="promotions-title">{includePast ? 'All promotions' : 'Running and upcoming promotions'}</h2>
          {result.data && <span className="panel__hint">{promotions.length} shown</span>}
        </header>
        {result.error && !result.data ? (
          <FailureState error={result.error} onRetry={refresh} />
        ) : !result.data ? (
          <LoadingState label="Loading promotions…" />
        ) : promotions.length === 0 ? (
          <EmptyState title={includePast ? 'No promotions yet' : 'No running or upcoming promotions'}>
            {canEdit ? 'Enter one with “New promotion”.' : 'Marketing enters them here.'}
          </EmptyState>
        ) : (
          <table className="data-table" data-testid="promotions">
            <thead>
              <tr>
                <th scope="col">Campaign</th>
                <th scope="col">Days</th>
                <th scope="col">SKUs</th>
                <th scope="col" className="data-table__number">
                  Expected uplift
                </th>
                <th scope="col" className="data-table__number">
                  Forecast applies
                </th>
                <th scope="col" className="data-table__number">
                  Realised
                </th>
                <th scope="col" className="data-table__number">
                  Discount
                </th>
                {canEdit && (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {promotions.map((promotion) => {
                const phase = promotionPhase(promotion, today);
                return (
                  <tr key={promotion.id} data-testid="promotion-row" data-campaign={promotion.campaign}>
                    <th scope="row">
                      {promotion.campaign}
                      <span className="data-table__sub">
                        {' '}
                        {channelLabel(promotion.channel)} · {promotionPhaseLabel[phase]}
                      </span>
                      {promotion.description && (
                        <div className="data-table__sub">{promotion.description}</div>
                      )}
                    </th>
                    <td>
                      {formatDay(promotion.startsOn)} – {formatDay(promotion.endsOn)}
                    </td>
                    <td>
                      {promotion.skus.map((sku, index) => (
                        <span key={sku.id}>
                          {index > 0 && ', '}
                          <Link href={skuPath(sku.code)} className="mono" title={sku.name}>
                            {sku.code}
                          </Link>
                        </span>
                      ))}
                    </td>
                    <td className="data-table__number">{formatUplift(promotion.expectedUplift)}</td>
                    <td
                      className="data-table__number"
                      title="Expected uplift corrected by what past promotions realised against their expectation"
                    >
                      {formatUplift(promotion.learnedUplift)}
                    </td>
                    <td className="data-table__number">
                      {promotion.realisedUplift === null ? '—' : formatUplift(promotion.realisedUplift)}
                    </td>
                    <td className="data-table__number">
                      {promotion.discount === 0 ? '—' : formatUplift(-promotion.discount)}
                    </td>
                    {canEdit && (
                      <td>
                        <button
                          type="button"
                          className="button button--small"
                          onClick={() => {
                            setSaved(null);
                            setEditing({ mode: 'edit', promotion });
                          }}
                          disabled={editing !== null}
                          aria-label={`Edit ${promotion.campaign}`}
                        >
                          Edit
                        </button>{' '}
                        <button
                          type="button"
                          className="button button--small button--ghost"
                          onClick={() => void remove(promotion)}
                          disabled={deleted.fetching}
                          aria-label={`Delete ${promotion.campaign}`}
                        >
                          Delete
                        </button>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
