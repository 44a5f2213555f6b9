/**
 * Staff accounts from the console (managers create, change and reset them;
 * supervisors unlock a clerk who mistyped), and a person changing their own
 * PIN, which a temporary PIN asks for before anything else.
 */
import type { Handlers } from '../handler.js';
import { HubError } from '../hub-error.js';
import { hashPinSync } from './pin.js';
import type { StaffAdmin } from './staff-admin.js';
import { loginSource, type StaffAuth } from './staff-auth.js';

type StaffAdminEvent = 'staff:save' | 'staff:reset-pin' | 'staff:unlock' | 'staff:change-pin';

export function staffAdminHandlers(deps: {
  auth: StaffAuth;
  admin: StaffAdmin;
}): Handlers<StaffAdminEvent> {
  const { auth, admin } = deps;
  return {
    'staff:save': (ctx, { staff, version }) => admin.save(ctx.manager().id, staff, version),
    'staff:reset-pin': (ctx, { staffId }) => admin.resetPin(ctx.manager().id, staffId),
    'staff:unlock': (ctx, { staffId }) => admin.unlock(ctx.staff().id, staffId),
    'staff:change-pin': async (ctx, { currentPin, newPin }) => {
      const me = ctx.staff();
      // Checked as a login is, so wrong guesses from an unattended desk are slowed down.
      await auth.login(me.username, currentPin, loginSource(ctx.conn)).catch((err: unknown) => {
        if (err instanceof HubError && err.reason === 'bad-credentials') {
          throw new HubError('unauthorized', 'That is not your current PIN', 'bad-credentials', {
            fields: [{ path: 'currentPin', issue: 'wrong' }],
          });
        }
        throw err;
      });
      if (newPin === currentPin) {
        throw new HubError(
          'invalid-request',
          'Choose a PIN other than the one you have',
          undefined,
          {
            fields: [{ path: 'newPin', issue: 'same-as-current' }],
          },
        );
      }
      admin.setOwnPin(me.id, hashPinSync(newPin));
      const staff = auth.current(me.id);
      if (!staff) throw new HubError('unauthorized', 'Log in first', 'login-required');
      return { staff };
    },
  };
}
