import type { CaseFiltersInput } from '@shared/domain/moderation';
import type { FilterValues } from './components/FilterBar';

const DAY_MS = 86_400_000;

/** The filter bar's fields as the list's input: dates are whole UTC days, "to" inclusive. */
export function toCaseFilters(v: FilterValues): CaseFiltersInput {
  const date = (text: string) => new Date(`${text}T00:00:00.000Z`);
  return {
    types: v.types,
    ...(/^\d{15,20}$/.test(v.moderatorId) ? { moderatorId: BigInt(v.moderatorId) } : {}),
    ...(v.target.trim() ? { target: v.target.trim() } : {}),
    ...(v.from && !Number.isNaN(date(v.from).getTime()) ? { from: date(v.from) } : {}),
    ...(v.to && !Number.isNaN(date(v.to).getTime()) ? { to: new Date(date(v.to).getTime() + DAY_MS) } : {}),
    ...(v.reason.trim() ? { reason: v.reason.trim() } : {}),
  };
}
