import type { PersonalDataErased } from '../../domain/personal-data/events';
import type { EffectPlan } from './plan';

/** Nobody is told; the Home tabs of the person and of the others of their pairs show "(removed)" from now on. */
export const personalDataErased = (event: PersonalDataErased): EffectPlan => ({ pairId: null, notices: [], home: [event.userId, ...event.otherIds] });
