import type { CommittedVsDone } from '../plan/progress.js';
import { buildCommitmentsVm } from './commitments.vm.js';

function cvd(counts: CommittedVsDone['counts'], doneMoved: CommittedVsDone['doneMoved']): CommittedVsDone {
  return {
    previous: { assessmentId: 'a', year: 2025 },
    current: { assessmentId: 'b', year: 2026 },
    counts,
    items: [],
    doneMoved,
  };
}

describe("last year's commitments, in words", () => {
  it('one of each: singular in both languages', () => {
    const one = cvd(
      { committed: 1, done: 1, inProgress: 0, notStarted: 0, dropped: 0, carried: 1 },
      { maturityAsExpected: 1, footprintAsExpected: 1, footprintMeasurable: 1 },
    );
    expect(buildCommitmentsVm(one, 'fr')).toMatchObject({
      intro: '1 engagement pris en 2025 : 1 fait, 0 en cours, 0 pas commencé, 0 abandonné ; 1 reporté dans le plan 2026.',
      moved: 'Pour l’action faite, la maturité a progressé pour 1 ; le chiffre d’empreinte de l’action a baissé pour 1 sur 1 mesurable.',
    });
    expect(buildCommitmentsVm(one, 'en')).toMatchObject({
      intro: '1 commitment made in 2025: 1 done, 0 in progress, 0 not started, 0 dropped; 1 carried into the 2026 plan.',
      moved: 'Of the one action done, maturity rose for 1; the action’s footprint figure fell for 1 of the one measurable.',
    });
  });

  it('several: plural; none measurable: said so', () => {
    const many = cvd(
      { committed: 5, done: 3, inProgress: 1, notStarted: 0, dropped: 1, carried: 2 },
      { maturityAsExpected: 2, footprintAsExpected: 0, footprintMeasurable: 0 },
    );
    expect(buildCommitmentsVm(many, 'fr')).toMatchObject({
      intro: '5 engagements pris en 2025 : 3 faits, 1 en cours, 0 pas commencé, 1 abandonné ; 2 reportés dans le plan 2026.',
      moved: 'Sur les 3 actions faites, la maturité a progressé pour 2 ; aucune n’a de chiffre d’empreinte propre.',
    });
    expect(buildCommitmentsVm(many, 'en').moved).toBe(
      'Of the 3 actions done, maturity rose for 2; none has a footprint figure of its own.',
    );
    expect(buildCommitmentsVm(cvd({ ...many.counts, done: 0 }, many.doneMoved), 'en').moved).toBeNull();
  });
});
