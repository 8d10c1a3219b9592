import { DEPARTMENT_ROLES, regionPrefix } from '@tongban/contracts';
import { type Actor } from '../../platform/access';
import { baseQuery } from './case-views';

export function scoped(actor: Actor) {
  return <Q extends ReturnType<typeof baseQuery>>(q: Q): Q => {
    let out = q;
    if (actor.role !== 'system')
      out = out.where('c.regionCode', 'like', `${regionPrefix(actor.regionCode)}%`) as Q;
    if (actor.role !== 'system' && DEPARTMENT_ROLES.includes(actor.role)) {
      const dept = actor.departmentId ?? '00000000-0000-0000-0000-000000000000';
      out = out.where((eb) =>
        actor.role === 'clerk' && actor.userId
          ? eb.or([eb('c.departmentId', '=', dept), eb('c.intakeBy', '=', actor.userId)])
          : eb('c.departmentId', '=', dept),
      ) as Q;
    }
    return out;
  };
}
